// storyfuse train quotes [--data DIR] [--dev DIR] [--folds N] [--inner-folds N]
//                        [--epochs N] [--seed N] [--min-recall R] [--out FILE]
//
// Trains the learned piece classifier (analyze/quote_piece_features,
// quote_piece_model, quote_piece_trainer) on a PolNeAR-style folder:
// every quoted piece the extractor's rules keep is one example, a quote
// when it overlaps a gold quote by half of the longer of the two (the
// metric's match). The threshold is chosen without the data it is scored
// on: on out-of-fold probabilities of --inner-folds folds of the training
// articles, the highest one at which the training articles' recall (what
// the rules already lose included) stays at --min-recall or above.
// Prints the rules alone and the classifier by --folds-fold
// cross-validation on --data (folds by article, each with its own inner
// threshold), then trains on all of --data, prints the scores on --dev,
// and writes the model file (models/quote_pieces.v1.tsv by default).
// Deterministic: the same data, code and flags give the same file.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "analyze/quote_extractor.h"
#include "analyze/quote_piece_features.h"
#include "analyze/quote_piece_trainer.h"
#include "eval/polnear_corpus.h"
#include "eval/quote_scorer.h"
#include "text/utf8.h"
#include "tools/command.h"
#include "tools/train_commands.h"

namespace storyfuse {
namespace {

struct TrainQuotesOptions {
  std::string data = "../shared/data/quotes/polnear/train";
  std::string dev = "../shared/data/quotes/polnear/dev";
  std::string out = "models/quote_pieces.v1.tsv";
  int folds = 10;
  int inner_folds = 5;
  int epochs = 10;
  uint64_t seed = 20;
  double min_recall = 0.992;
};

// One article: its gold, the quotes the rules keep, and the example index
// of each.
struct Article {
  const PolnearDoc* doc = nullptr;
  std::vector<Quote> quotes;
  std::vector<size_t> example;  // per quote; kNotJudged when the classifier does not judge it
  size_t positives = 0;         // quotes that match a gold quote
};

constexpr size_t kNotJudged = static_cast<size_t>(-1);

bool MatchesGold(CpSpan q, const std::vector<GoldQuote>& gold) {
  for (const GoldQuote& g : gold) {
    uint32_t lo = std::max(q.begin, g.quote.begin), hi = std::min(q.end, g.quote.end);
    uint32_t longer = std::max(q.end - q.begin, g.quote.end - g.quote.begin);
    if (hi > lo && 2 * (hi - lo) >= longer) return true;
  }
  return false;
}

void AddArticle(const PolnearDoc& doc, QuoteExtractor* extractor, QuotePieceTrainer* trainer,
                std::unordered_map<uint64_t, std::string>* names, Article* out) {
  out->doc = &doc;
  CodePointIndex cps(doc.text);
  std::vector<JudgedPiece> judged = extractor->Judge(doc.text);
  PieceArticle article;
  for (const JudgedPiece& j : judged) {
    if (j.rules == 0) article.Count(j.attribution);
  }
  for (const JudgedPiece& j : judged) {
    if (j.rules != 0) continue;
    const Attribution& a = j.attribution;
    out->quotes.push_back({j.piece.text, a.mention, a.speaker, a.cue, a.kind, a.cue_adjacent});
    CpSpan q{cps.ToCodePoint(j.piece.text.begin), cps.ToCodePoint(j.piece.text.end)};
    bool quote = MatchesGold(q, doc.gold);
    out->positives += quote;
    if (!QuotePieceFeatures::Judges(doc.text, j.piece, a)) {
      out->example.push_back(kNotJudged);
      continue;
    }
    out->example.push_back(trainer->size());
    trainer->Add({QuotePieceFeatures::Compute(doc.text, j.piece, a, article, names), quote});
  }
}

// Scores the articles i with take(i), keeping the pieces `model` keeps
// (all when model is nullptr).
template <typename Take>
QuoteScores Score(const std::vector<Article>& articles, const QuotePieceTrainer& trainer, const QuotePieceModel* model,
                  Take take) {
  QuoteScorer scorer;
  for (size_t i = 0; i < articles.size(); ++i) {
    if (!take(i)) continue;
    const Article& a = articles[i];
    std::vector<Quote> kept;
    for (size_t k = 0; k < a.quotes.size(); ++k) {
      if (model == nullptr || a.example[k] == kNotJudged ||
          model->Keeps(model->Probability(trainer.example(a.example[k]).features))) {
        kept.push_back(a.quotes[k]);
      }
    }
    scorer.Add(a.doc->gold, ToPredictedQuotes(a.doc->text, kept));
  }
  return scorer.scores();
}

// A model trained on the articles in `articles_in`, with its threshold
// chosen by inner cross-validation on those articles alone.
QuotePieceModel TrainWithThreshold(const std::vector<Article>& articles, const std::vector<size_t>& articles_in,
                                   const QuotePieceTrainer& trainer, const TrainQuotesOptions& opt) {
  std::vector<double> positives;  // out-of-fold probabilities of the quotes
  size_t gold = 0, found = 0;
  for (int k = 0; k < opt.inner_folds; ++k) {
    std::vector<bool> use(trainer.size(), false);
    for (size_t n = 0; n < articles_in.size(); ++n) {
      if (static_cast<int>(n % opt.inner_folds) == k) continue;
      for (size_t e : articles[articles_in[n]].example) {
        if (e != kNotJudged) use[e] = true;
      }
    }
    QuotePieceModel model = trainer.Train(use, opt.epochs, opt.seed);
    for (size_t n = 0; n < articles_in.size(); ++n) {
      if (static_cast<int>(n % opt.inner_folds) != k) continue;
      for (size_t e : articles[articles_in[n]].example) {
        if (e != kNotJudged && trainer.example(e).quote)
          positives.push_back(model.Probability(trainer.example(e).features));
      }
    }
  }
  for (size_t i : articles_in) {
    gold += articles[i].doc->gold.size();
    found += articles[i].positives;
  }
  // Gold quotes the classifier may lose: what keeps recall at min_recall,
  // less what the rules already lost.
  double allowed = (1 - opt.min_recall) * static_cast<double>(gold) - static_cast<double>(gold - std::min(gold, found));
  size_t max_lost = allowed > 0 ? static_cast<size_t>(allowed) : 0;
  std::vector<bool> use(trainer.size(), false);
  for (size_t i : articles_in) {
    for (size_t e : articles[i].example) {
      if (e != kNotJudged) use[e] = true;
    }
  }
  QuotePieceModel model = trainer.Train(use, opt.epochs, opt.seed);
  model.set_threshold(QuotePieceTrainer::Threshold(std::move(positives), max_lost));
  return model;
}

int RunTrainQuotes(const TrainQuotesOptions& opt) {
  if (opt.folds < 2 || opt.inner_folds < 2 || opt.epochs < 1 || opt.min_recall <= 0 || opt.min_recall > 1) {
    std::fprintf(stderr,
                 "storyfuse: --folds and --inner-folds must be at least 2, --epochs at least 1, "
                 "--min-recall in (0, 1]\n");
    return kExitUsage;
  }
  Result<std::vector<PolnearDoc>> data = ReadPolnearCorpus(opt.data);
  Result<std::vector<PolnearDoc>> dev = ReadPolnearCorpus(opt.dev);
  for (const auto* r : {&data, &dev}) {
    if (!r->ok()) {
      std::fprintf(stderr, "storyfuse: %s\n", r->status().message().c_str());
      return kExitBadInput;
    }
  }
  QuoteExtractor::Options rules_only;
  rules_only.classify_pieces = false;
  QuoteExtractor extractor(rules_only);
  std::unordered_map<uint64_t, std::string> names;
  QuotePieceTrainer trainer(&names);
  std::vector<Article> articles(data->size());
  for (size_t i = 0; i < data->size(); ++i) AddArticle((*data)[i], &extractor, &trainer, &names, &articles[i]);
  size_t quotes = 0;
  for (size_t e = 0; e < trainer.size(); ++e) quotes += trainer.example(e).quote;
  std::printf("quote pieces %s: %zu articles, %zu pieces the rules keep, %zu of them gold quotes; %zu features\n",
              opt.data.c_str(), data->size(), trainer.size(), quotes, names.size());
  auto all = [](size_t) { return true; };
  std::printf("rules alone on %s: %s\n", opt.data.c_str(), Score(articles, trainer, nullptr, all).Summary().c_str());
  QuoteScores cv;
  for (int k = 0; k < opt.folds; ++k) {
    std::vector<size_t> in;
    for (size_t i = 0; i < articles.size(); ++i) {
      if (static_cast<int>(i % opt.folds) != k) in.push_back(i);
    }
    QuotePieceModel model = TrainWithThreshold(articles, in, trainer, opt);
    QuoteScores s = Score(articles, trainer, &model, [&](size_t i) { return static_cast<int>(i % opt.folds) == k; });
    std::printf("  fold %d: threshold %.4f, %s\n", k, model.threshold(), s.Summary().c_str());
    cv.Merge(s);
  }
  std::string cv_line = std::to_string(opt.folds) + "-fold cross-validation on " + opt.data + ": " + cv.Summary();
  std::printf("%s\n", cv_line.c_str());
  std::vector<size_t> every(articles.size());
  for (size_t i = 0; i < every.size(); ++i) every[i] = i;
  QuotePieceModel model = TrainWithThreshold(articles, every, trainer, opt);
  // Dev through the extractor itself, as `eval quotes` reads it.
  QuoteExtractor::Options with_model;
  with_model.piece_model = &model;
  QuoteExtractor dev_extractor(with_model);
  QuoteScorer dev_scorer;
  for (const PolnearDoc& d : *dev) dev_scorer.Add(d.gold, ToPredictedQuotes(d.text, dev_extractor.Extract(d.text)));
  std::string dev_line = "dev " + opt.dev + ": " + dev_scorer.scores().Summary();
  std::printf("threshold %.4f\n%s\n", model.threshold(), dev_line.c_str());
  char recall[16];
  std::snprintf(recall, sizeof(recall), "%g", opt.min_recall);
  std::vector<std::string> comments = {
      "The learned quote piece classifier (analyze/quote_piece_features.h, quote_piece_trainer.h); models/README.md.",
      "Trained by: storyfuse train quotes --data " + opt.data + " --folds " + std::to_string(opt.folds) +
          " --inner-folds " + std::to_string(opt.inner_folds) + " --epochs " + std::to_string(opt.epochs) + " --seed " +
          std::to_string(opt.seed) + " --min-recall " + recall,
      std::to_string(trainer.size()) + " pieces from " + std::to_string(data->size()) + " articles, " +
          std::to_string(model.size()) + " weights.",
      cv_line,
      dev_line,
  };
  std::ofstream out(opt.out, std::ios::binary | std::ios::trunc);
  out << model.Serialize(comments);
  if (!out) {
    std::fprintf(stderr, "storyfuse: %s: cannot write the model\n", opt.out.c_str());
    return kExitBadInput;
  }
  std::printf("wrote %s (%zu weights)\n", opt.out.c_str(), model.size());
  return kExitOk;
}

}  // namespace

void RegisterTrainQuotes(CLI::App& train, int* exit_code) {
  auto opt = std::make_shared<TrainQuotesOptions>();
  CLI::App* cmd = train.add_subcommand(
      "quotes", "Learn which quoted pieces are quotes from PolNeAR (writes models/quote_pieces.v1.tsv)");
  cmd->add_option("--data", opt->data, "Training folder with text/ and attributions/ (default: PolNeAR train)");
  cmd->add_option("--dev", opt->dev, "Held-out folder scored after training (default: PolNeAR dev)");
  cmd->add_option("--out", opt->out, "Model file to write (default: models/quote_pieces.v1.tsv)");
  cmd->add_option("--folds", opt->folds, "Cross-validation folds over --data articles (default 10)");
  cmd->add_option("--inner-folds", opt->inner_folds, "Folds that choose each model's threshold (default 5)");
  cmd->add_option("--epochs", opt->epochs, "Passes over the examples (default 10)");
  cmd->add_option("--seed", opt->seed, "Seed of the example order (default 20)");
  cmd->add_option("--min-recall", opt->min_recall, "Recall the threshold keeps on inner folds (default 0.992)");
  cmd->callback([opt, exit_code] { *exit_code = RunTrainQuotes(*opt); });
}

}  // namespace storyfuse
