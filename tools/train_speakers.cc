// storyfuse train speakers [--data DIR] [--dev DIR] [--folds N] [--epochs N]
//                          [--seed N] [--out FILE]
//
// Trains the learned speaker ranker (analyze/speaker_candidates,
// speaker_trainer) on a PolNeAR-style folder: every quoted piece that is a
// gold quote with a source is one example, its right candidates those that
// overlap the annotated source. Prints the N-fold cross-validated scores
// on --data (folds by article), then trains on all of --data, prints the
// scores on --dev, and writes the model file (models/speakers.v1.tsv by
// default). Deterministic: the same data, code and flags give the same
// file.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "analyze/quote_extractor.h"
#include "analyze/quote_finder.h"
#include "analyze/speaker_resolver.h"
#include "analyze/speaker_trainer.h"
#include "eval/polnear_corpus.h"
#include "eval/quote_scorer.h"
#include "text/utf8.h"
#include "tools/command.h"
#include "tools/train_commands.h"

namespace storyfuse {
namespace {

struct TrainSpeakersOptions {
  std::string data = "../shared/data/quotes/polnear/train";
  std::string dev = "../shared/data/quotes/polnear/dev";
  std::string out = "models/speakers.v1.tsv";
  int folds = 10;
  int epochs = 10;
  uint64_t seed = 20;
};

// How many gold quotes with a source became examples, and why others did not.
struct ExampleCounts {
  size_t gold_pieces = 0;  // pieces that are gold quotes with a source
  size_t no_right = 0;     // no candidate overlaps the source
  size_t only_right = 0;   // every candidate does (nothing to learn)
  size_t examples = 0;
};

bool Overlaps(CpSpan a, CpSpan b) { return std::max(a.begin, b.begin) < std::min(a.end, b.end); }

// The examples of one article, appended to `trainer`; `doc_of` records the
// article index of each example added.
void AddExamples(const PolnearDoc& doc, size_t doc_index, SpeakerResolver* resolver, SpeakerTrainer* trainer,
                 std::vector<size_t>* doc_of, ExampleCounts* counts) {
  std::vector<QuotePiece> pieces = QuoteFinder::Find(doc.text);
  std::vector<std::vector<SpeakerCandidate>> candidates;
  resolver->Resolve(doc.text, pieces, &candidates);
  CodePointIndex cps(doc.text);
  auto cp = [&](Span s) { return CpSpan{cps.ToCodePoint(s.begin), cps.ToCodePoint(s.end)}; };
  for (size_t i = 0; i < pieces.size(); ++i) {
    CpSpan q = cp(pieces[i].text);
    const GoldQuote* gold = nullptr;
    for (const GoldQuote& g : doc.gold) {
      uint32_t lo = std::max(q.begin, g.quote.begin), hi = std::min(q.end, g.quote.end);
      uint32_t longer = std::max(q.end - q.begin, g.quote.end - g.quote.begin);
      if (hi > lo && 2 * (hi - lo) >= longer) gold = &g;
    }
    if (gold == nullptr || gold->source.empty()) continue;
    ++counts->gold_pieces;
    SpeakerExample e;
    size_t right = 0;
    for (const SpeakerCandidate& c : candidates[i]) {
      bool ok = false;
      for (CpSpan s : gold->source) ok = ok || Overlaps(s, cp(c.mention));
      right += ok;
      e.candidates.push_back(c.features);
      e.right.push_back(ok);
    }
    if (right == 0) ++counts->no_right;
    if (right > 0 && right == e.right.size()) ++counts->only_right;
    if (trainer->Add(std::move(e))) {
      ++counts->examples;
      doc_of->push_back(doc_index);
    }
  }
}

// Scores the extractor with `model` on docs[i] for which `take(i)`.
template <typename Take>
QuoteScores Score(const std::vector<PolnearDoc>& docs, const SpeakerModel& model, Take take) {
  QuoteExtractor::Options options;
  options.speaker_model = &model;
  QuoteExtractor extractor(options);
  QuoteScorer scorer;
  for (size_t i = 0; i < docs.size(); ++i) {
    if (!take(i)) continue;
    scorer.Add(docs[i].gold, ToPredictedQuotes(docs[i].text, extractor.Extract(docs[i].text)));
  }
  return scorer.scores();
}

int RunTrainSpeakers(const TrainSpeakersOptions& opt) {
  Result<std::vector<PolnearDoc>> data = ReadPolnearCorpus(opt.data);
  Result<std::vector<PolnearDoc>> dev = ReadPolnearCorpus(opt.dev);
  for (const auto* r : {&data, &dev}) {
    if (!r->ok()) {
      std::fprintf(stderr, "storyfuse: %s\n", r->status().message().c_str());
      return kExitBadInput;
    }
  }
  if (opt.folds < 2 || opt.epochs < 1) {
    std::fprintf(stderr, "storyfuse: --folds must be at least 2 and --epochs at least 1\n");
    return kExitUsage;
  }
  std::unordered_map<uint64_t, std::string> names;
  SpeakerResolver resolver;
  resolver.RecordFeatureNames(&names);
  SpeakerTrainer trainer(&names);
  std::vector<size_t> doc_of;
  ExampleCounts counts;
  for (size_t i = 0; i < data->size(); ++i) AddExamples((*data)[i], i, &resolver, &trainer, &doc_of, &counts);
  std::printf(
      "speakers %s: %zu articles, %zu gold quotes with a source; %zu examples, %zu with no right "
      "candidate, %zu with only right ones; %zu features\n",
      opt.data.c_str(), data->size(), counts.gold_pieces, counts.examples, counts.no_right, counts.only_right,
      names.size());
  QuoteScores cv;
  for (int k = 0; k < opt.folds; ++k) {
    std::vector<bool> use(doc_of.size());
    for (size_t i = 0; i < doc_of.size(); ++i) use[i] = static_cast<int>(doc_of[i] % opt.folds) != k;
    SpeakerModel model = trainer.Train(use, opt.epochs, opt.seed);
    cv.Merge(Score(*data, model, [&](size_t i) { return static_cast<int>(i % opt.folds) == k; }));
  }
  std::string cv_line = std::to_string(opt.folds) + "-fold cross-validation on " + opt.data + ": " + cv.Summary();
  std::printf("%s\n", cv_line.c_str());
  SpeakerModel model = trainer.Train({}, opt.epochs, opt.seed);
  std::string dev_line = "dev " + opt.dev + ": " + Score(*dev, model, [](size_t) { return true; }).Summary();
  std::printf("%s\n", dev_line.c_str());
  std::vector<std::string> comments = {
      "The learned speaker ranker (analyze/speaker_candidates.h, speaker_trainer.h); models/README.md.",
      "Trained by: storyfuse train speakers --data " + opt.data + " --folds " + std::to_string(opt.folds) +
          " --epochs " + std::to_string(opt.epochs) + " --seed " + std::to_string(opt.seed),
      std::to_string(counts.examples) + " examples from " + std::to_string(data->size()) + " articles, " +
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

void RegisterTrainSpeakers(CLI::App& train, int* exit_code) {
  auto opt = std::make_shared<TrainSpeakersOptions>();
  CLI::App* cmd =
      train.add_subcommand("speakers", "Learn to choose quote speakers from PolNeAR (writes models/speakers.v1.tsv)");
  cmd->add_option("--data", opt->data, "Training folder with text/ and attributions/ (default: PolNeAR train)");
  cmd->add_option("--dev", opt->dev, "Held-out folder scored after training (default: PolNeAR dev)");
  cmd->add_option("--out", opt->out, "Model file to write (default: models/speakers.v1.tsv)");
  cmd->add_option("--folds", opt->folds, "Cross-validation folds over --data articles (default 10)");
  cmd->add_option("--epochs", opt->epochs, "Passes over the examples (default 10)");
  cmd->add_option("--seed", opt->seed, "Seed of the example order (default 20)");
  cmd->callback([opt, exit_code] { *exit_code = RunTrainSpeakers(*opt); });
}

}  // namespace storyfuse
