// storyfuse train entities --data FILE.jsonl --out models/entities.v1.bin
//     [--folds K] [--max-epochs N] [--epochs N] [--seed S] [--gazetteer-folds G]
//     [--title-case-share X]
//
// Trains the entity recognizer (analyze/entity_trainer.h) on CoNLL-2003
// JSONL. The epoch count is chosen by K-fold cross-validation on the data
// itself (the epoch with the best pooled F1; ties to the fewer epochs),
// unless --epochs gives it; the command prints the cross-validation table,
// then trains on all the data and writes the model file. Deterministic.
// Never scores the dev split: that is `storyfuse eval entities`.
#include <time.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <fstream>
#include <memory>

#include "analyze/entity_model.h"
#include "analyze/entity_trainer.h"
#include "eval/entity_corpus.h"
#include "tools/command.h"
#include "tools/train_commands.h"

namespace storyfuse {
namespace {

struct TrainEntitiesOptions {
  std::string data;
  std::string out;
  int folds = 5;
  int max_epochs = 30;
  int epochs = 0;
  uint64_t seed = EntityTrainerOptions().seed;
  int gazetteer_folds = EntityTrainerOptions().gazetteer_folds;
  double title_case_share = EntityTrainerOptions().title_case_share;
};

double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int RunTrainEntities(const TrainEntitiesOptions& opt) {
  Result<std::vector<EntityDocument>> docs = ReadEntityCorpus(opt.data);
  if (!docs.ok()) {
    std::fprintf(stderr, "storyfuse: %s\n", docs.status().message().c_str());
    return kExitBadInput;
  }
  std::vector<AnnotatedText> annotated = ToAnnotatedTexts(*docs);
  EntityTrainerOptions options;
  options.seed = opt.seed;
  options.gazetteer_folds = opt.gazetteer_folds;
  options.title_case_share = opt.title_case_share;
  double t0 = CpuSeconds();
  EntityTrainer trainer(annotated, options);
  std::printf("%zu documents, %zu names, %zu unreachable (an edge inside a token or a non-candidate token)\n",
              annotated.size(), trainer.names(), trainer.unreachable());
  int epochs = opt.epochs;
  if (epochs <= 0) {
    std::vector<NameCounts> cv = trainer.CrossValidate(opt.folds, opt.max_epochs);
    std::printf("%d-fold cross-validation (PER/ORG/LOC, exact span and type):\n", opt.folds);
    std::printf("epoch  P       R       F1      PER F1  ORG F1  LOC F1\n");
    double best = -1;
    for (size_t e = 0; e < cv.size(); ++e) {
      const NameCounts& c = cv[e];
      auto f1 = [&](NameKind k) {
        double p = c.Precision(k), r = c.Recall(k);
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
      };
      std::printf("%5zu  %.4f  %.4f  %.4f  %.4f  %.4f  %.4f\n", e + 1, c.Precision(), c.Recall(), c.F1(),
                  f1(NameKind::kPerson), f1(NameKind::kOrganization), f1(NameKind::kPlace));
      if (c.F1() > best) best = c.F1(), epochs = static_cast<int>(e + 1);
    }
    std::printf("chosen: %d epochs (cross-validated F1 %.4f)\n", epochs, best);
  }
  EntityModel::Weights weights = trainer.Train(epochs);
  Result<std::string> bytes = EntityModel::Serialize(weights);
  if (!bytes.ok()) {
    std::fprintf(stderr, "storyfuse: %s\n", bytes.status().message().c_str());
    return kExitBadInput;
  }
  std::ofstream out(opt.out, std::ios::binary);
  out.write(bytes->data(), static_cast<std::streamsize>(bytes->size()));
  if (!out.flush()) {
    std::fprintf(stderr, "storyfuse: %s: cannot write\n", opt.out.c_str());
    return kExitBadInput;
  }
  std::printf("wrote %s: %zu bytes, %zu features trained, %zu gazetteer phrases, %d epochs, %.1f s CPU\n",
              opt.out.c_str(), bytes->size(), weights.features.size(), weights.gazetteer.size(), epochs,
              CpuSeconds() - t0);
  return kExitOk;
}

}  // namespace

void RegisterTrainEntities(CLI::App& train, int* exit_code) {
  auto opt = std::make_shared<TrainEntitiesOptions>();
  CLI::App* cmd = train.add_subcommand("entities", "Entity recognizer (people, organisations, places) on CoNLL-2003");
  cmd->add_option("--data", opt->data, "e.g. ../shared/data/entities/conll2003-train.jsonl")->required();
  cmd->add_option("--out", opt->out, "Model file to write, e.g. models/entities.v1.bin")->required();
  cmd->add_option("--folds", opt->folds, "Cross-validation folds that choose the epoch count")
      ->check(CLI::Range(2, 20));
  cmd->add_option("--max-epochs", opt->max_epochs, "Epochs tried by cross-validation")->check(CLI::Range(1, 200));
  cmd->add_option("--epochs", opt->epochs, "Train this many epochs, skipping cross-validation")
      ->check(CLI::Range(1, 200));
  cmd->add_option("--seed", opt->seed, "Seed of the fold split and the visiting order");
  cmd->add_option("--gazetteer-folds", opt->gazetteer_folds, "Jackknife folds of the gazetteer feature (0: none)")
      ->check(CLI::Range(0, 20));
  cmd->add_option("--title-case-share", opt->title_case_share,
                  "Share of training documents read with title-case headlines")
      ->check(CLI::Range(0.0, 1.0));
  cmd->callback([opt, exit_code] { *exit_code = RunTrainEntities(*opt); });
}

}  // namespace storyfuse
