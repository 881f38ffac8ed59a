// storyfuse eval entities FILE.jsonl [--predictions OUT] [--linker] [--model FILE] [--errors]
//     [--title-case-headlines] [--cv K [--cv-epochs N]]
//
// Scores name mentions (people, organisations, places) on CoNLL-2003-style
// JSONL as ../shared/data/README.md defines it, and prints precision,
// recall and F1, overall and per type, and throughput. By default the
// mentions are the recognizer's (analyze/entity_recognizer.h); --linker
// scores what the brief lists instead: the mentions of the EntityLinker's
// entities, typed by their entity, reading each document as a story of
// its own. --model scores a model file instead of the shipped one (to
// try a retrained model before replacing models/entities.v1.bin).
// --cv K scores FILE by K-fold cross-validation: each document is read by
// a model trained (--cv-epochs epochs) on the other folds, in the folds
// `train entities` uses; this is how the linker is scored on the training
// split. --title-case-headlines first rewrites CoNLL's capital headlines in title
// case, as news headlines are written (TitleCaseHeadlines).
// --predictions writes one JSON line per document,
// {id, entities: [{start, end, type}]}, in code points.
#include <time.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "analyze/entity_linker.h"
#include "analyze/entity_recognizer.h"
#include "analyze/entity_trainer.h"
#include "base/file.h"
#include "eval/entity_corpus.h"
#include "eval/entity_scorer.h"
#include "text/utf8.h"
#include "text/word_lexer.h"
#include "tools/command.h"

namespace storyfuse {
namespace {

// The epoch count `storyfuse train entities` chose for the shipped model
// (models/README.md); --cv trains its fold models with it.
constexpr int kShippedEpochs = 5;

struct EvalEntitiesOptions {
  std::string file;
  std::string predictions;
  std::string model;
  bool linker = false;
  bool errors = false;
  bool title_case = false;
  int cv = 0;
  int cv_epochs = kShippedEpochs;
};

double ThreadSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

NameKind KindOfEntity(EntityType t) {
  switch (t) {
    case EntityType::kPerson:
      return NameKind::kPerson;
    case EntityType::kOrganization:
      return NameKind::kOrganization;
    case EntityType::kPlace:
      return NameKind::kPlace;
  }
  return NameKind::kMisc;
}

// The linker's mentions of one document, in code points. Mentions through a
// title ("the president") are not names and are left out.
std::vector<NameSpan> LinkerMentions(const EntityRecognizer* recognizer, const EntityDocument& doc) {
  EntityLinkerOptions options;
  options.recognizer = recognizer;
  EntityLinker linker(options);
  linker.AddArticle(doc.id, doc.text);
  CodePointIndex cps(doc.text);
  std::vector<NameSpan> out;
  for (const Entity& e : linker.Entities()) {
    for (const EntityMention& m : e.mentions) {
      if (m.by_title) continue;
      out.push_back({cps.ToCodePoint(m.span.begin), cps.ToCodePoint(m.span.end), KindOfEntity(e.type)});
    }
  }
  return out;
}

std::vector<NameSpan> RecognizerMentions(const EntityRecognizer& recognizer, const EntityDocument& doc) {
  CodePointIndex cps(doc.text);
  std::vector<NameSpan> out;
  for (const NameMention& m : recognizer.Recognize(doc.text)) {
    out.push_back({cps.ToCodePoint(m.span.begin), cps.ToCodePoint(m.span.end), m.kind});
  }
  return out;
}

std::string Slice(const EntityDocument& doc, const std::vector<uint32_t>& at, const NameSpan& s) {
  return doc.text.substr(at[s.begin], at[s.end] - at[s.begin]);
}

// FP / FN lines for studying errors: kind, document, span text.
void PrintErrors(const EntityDocument& doc, const std::vector<NameSpan>& pred,
                 const std::vector<MentionVerdict>& verdicts) {
  std::vector<uint32_t> at = CodePointByteOffsets(doc.text);
  for (size_t i = 0; i < pred.size(); ++i) {
    if (verdicts[i] != MentionVerdict::kWrong) continue;
    std::printf("FP\t%s\t%s\t%s\n", doc.id.c_str(), std::string(NameKindCode(pred[i].kind)).c_str(),
                Slice(doc, at, pred[i]).c_str());
  }
  for (const NameSpan& g : doc.gold) {
    if (g.kind == NameKind::kMisc) continue;
    bool found = false;
    for (size_t i = 0; i < pred.size() && !found; ++i) found = verdicts[i] == MentionVerdict::kCorrect && pred[i] == g;
    if (!found) {
      std::printf("FN\t%s\t%s\t%s\n", doc.id.c_str(), std::string(NameKindCode(g.kind)).c_str(),
                  Slice(doc, at, g).c_str());
    }
  }
}

nlohmann::json PredictionLine(const EntityDocument& doc, const std::vector<NameSpan>& pred) {
  nlohmann::json entities = nlohmann::json::array();
  for (const NameSpan& s : pred) {
    if (s.kind == NameKind::kMisc) continue;
    entities.push_back({{"start", s.begin}, {"end", s.end}, {"type", std::string(NameKindCode(s.kind))}});
  }
  return {{"id", doc.id}, {"entities", entities}};
}

int RunEvalEntities(const EvalEntitiesOptions& opt) {
  Result<std::vector<EntityDocument>> docs = ReadEntityCorpus(opt.file);
  if (!docs.ok()) {
    std::fprintf(stderr, "storyfuse: %s\n", docs.status().message().c_str());
    return kExitBadInput;
  }
  std::ofstream predictions;
  if (!opt.predictions.empty()) {
    predictions.open(opt.predictions);
    if (!predictions) {
      std::fprintf(stderr, "storyfuse: %s: cannot write\n", opt.predictions.c_str());
      return kExitBadInput;
    }
  }
  std::string model_bytes;
  std::unique_ptr<EntityRecognizer> own_recognizer;
  const EntityRecognizer* recognizer = nullptr;
  if (opt.cv <= 1) {
    if (!opt.model.empty()) {
      Result<std::string> bytes = ReadWholeFile(opt.model);
      if (bytes.ok()) model_bytes = std::move(bytes).value();  // the recognizer keeps a view of it
      Result<std::unique_ptr<EntityRecognizer>> r = bytes.ok()
                                                        ? EntityRecognizer::FromBytes(model_bytes)
                                                        : Result<std::unique_ptr<EntityRecognizer>>(bytes.status());
      if (!r.ok()) {
        std::fprintf(stderr, "storyfuse: %s: %s\n", opt.model.c_str(), r.status().message().c_str());
        return kExitBadInput;
      }
      own_recognizer = std::move(r).value();
      recognizer = own_recognizer.get();
    } else {
      Result<const EntityRecognizer*> shipped = EntityRecognizer::Shipped();
      if (!shipped.ok()) {
        std::fprintf(stderr, "storyfuse: the shipped entity model: %s\n", shipped.status().message().c_str());
        return kExitBadInput;
      }
      recognizer = *shipped;
    }
  }
  // --cv: each document is read by a model trained on the other folds.
  std::vector<std::string> fold_bytes;
  std::vector<std::unique_ptr<EntityRecognizer>> fold_models;
  std::vector<int> fold;
  if (opt.cv > 1) {
    std::vector<AnnotatedText> annotated = ToAnnotatedTexts(*docs);
    EntityTrainerOptions trainer_options;
    fold = EntityTrainer::Folds(annotated.size(), opt.cv, trainer_options.seed);
    fold_bytes.resize(opt.cv);
    for (int k = 0; k < opt.cv; ++k) {
      std::vector<AnnotatedText> train;
      for (size_t i = 0; i < annotated.size(); ++i) {
        if (fold[i] != k) train.push_back(annotated[i]);
      }
      Result<std::string> bytes = EntityModel::Serialize(EntityTrainer(train, trainer_options).Train(opt.cv_epochs));
      Result<std::unique_ptr<EntityRecognizer>> r =
          bytes.ok() ? EntityRecognizer::FromBytes(fold_bytes[k] = std::move(bytes).value())
                     : Result<std::unique_ptr<EntityRecognizer>>(bytes.status());
      if (!r.ok()) {
        std::fprintf(stderr, "storyfuse: fold %d: %s\n", k, r.status().message().c_str());
        return kExitBadInput;
      }
      fold_models.push_back(std::move(r).value());
    }
  }
  EntityScorer scorer;
  double seconds = 0;
  size_t bytes = 0;
  if (opt.title_case) {
    for (EntityDocument& doc : *docs) doc.text = TitleCaseHeadlines(doc.text);
  }
  for (size_t d = 0; d < docs->size(); ++d) {
    const EntityDocument& doc = (*docs)[d];
    const EntityRecognizer* reader = fold.empty() ? recognizer : fold_models[fold[d]].get();
    double t0 = ThreadSeconds();
    std::vector<NameSpan> pred = opt.linker ? LinkerMentions(reader, doc) : RecognizerMentions(*reader, doc);
    seconds += ThreadSeconds() - t0;
    bytes += doc.text.size();
    std::sort(pred.begin(), pred.end(), [](const NameSpan& a, const NameSpan& b) {
      return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    });
    std::vector<MentionVerdict> verdicts = scorer.Add(doc.gold, pred);
    if (opt.errors) PrintErrors(doc, pred, verdicts);
    if (predictions.is_open()) predictions << PredictionLine(doc, pred).dump() << '\n';
  }
  const EntityScores& s = scorer.scores();
  size_t gold = 0, predicted = 0, correct = 0;
  for (int k = 0; k < EntityScores::kScoredKinds; ++k)
    gold += s.gold[k], predicted += s.predicted[k], correct += s.correct[k];
  std::printf("entities %s (%s): %zu documents, %zu gold, %zu predicted, %zu correct, %zu ignored\n", opt.file.c_str(),
              opt.linker ? (opt.cv > 1 ? "linker, cross-validated" : "linker")
                         : (opt.cv > 1 ? "recognizer, cross-validated" : "recognizer"),
              docs->size(), gold, predicted, correct, s.ignored);
  std::printf("precision %.4f  recall %.4f  F1 %.4f\n", s.Precision(), s.Recall(), s.F1());
  for (int k = 0; k < EntityScores::kScoredKinds; ++k) {
    NameKind kind = static_cast<NameKind>(k);
    std::printf("  %-4s P %.4f  R %.4f  F1 %.4f  (gold %zu)\n", std::string(NameKindCode(kind)).c_str(),
                s.Precision(kind), s.Recall(kind), s.F1(kind), s.gold[k]);
  }
  if (seconds > 0) std::printf("throughput %.2f MB/s (analysis, thread CPU time)\n", bytes / seconds / 1e6);
  if (predictions.is_open() && !predictions.flush()) {
    std::fprintf(stderr, "storyfuse: %s: write failed\n", opt.predictions.c_str());
    return kExitBadInput;
  }
  return kExitOk;
}

}  // namespace

void RegisterEvalEntities(CLI::App& eval, int* exit_code) {
  auto opt = std::make_shared<EvalEntitiesOptions>();
  CLI::App* cmd = eval.add_subcommand("entities", "People, organisations and places on CoNLL-2003 JSONL");
  cmd->add_option("file", opt->file, "e.g. ../shared/data/entities/conll2003-dev.jsonl")->required();
  cmd->add_option("--predictions", opt->predictions, "Write {id, entities: [{start, end, type}]} per document");
  cmd->add_option("--model", opt->model, "Score this model file instead of the shipped models/entities.v1.bin");
  cmd->add_flag("--linker", opt->linker, "Score the EntityLinker's mentions (what the brief lists)");
  cmd->add_flag("--errors", opt->errors, "Also list wrong predictions (FP) and missed gold mentions (FN)");
  cmd->add_option("--cv", opt->cv,
                  "Cross-validate on FILE itself: read each of K folds with a model trained on the others")
      ->check(CLI::Range(2, 20));
  cmd->add_option("--cv-epochs", opt->cv_epochs, "Epochs of the --cv fold models")->check(CLI::Range(1, 200));
  cmd->add_flag("--title-case-headlines", opt->title_case,
                "Rewrite lines in capitals in title case first (how news headlines look)");
  cmd->callback([opt, exit_code] { *exit_code = RunEvalEntities(*opt); });
}

}  // namespace storyfuse
