// storyfuse train align --data FILE.tsv --out models/align.v1.tsv [--l2 X]
//
// Trains the statement matcher (eval/align_trainer.h) on sentence pairs in
// the MSRP layout and writes its model file. Deterministic: the same data
// gives the same bytes.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <memory>

#include "eval/align_trainer.h"
#include "eval/paraphrase_pairs.h"
#include "tools/command.h"
#include "tools/train_commands.h"

namespace storyfuse {
namespace {

struct TrainAlignOptions {
  std::string data;
  std::string out;
  AlignTrainOptions train;
};

int RunTrainAlign(const TrainAlignOptions& opt) {
  Result<std::vector<ParaphrasePair>> pairs = ParaphrasePairs::Read(opt.data);
  if (!pairs.ok()) {
    std::fprintf(stderr, "storyfuse: %s\n", pairs.status().ToString().c_str());
    return kExitBadInput;
  }
  StatementMatcher m = AlignTrainer::Train(*pairs, opt.train);
  std::ofstream out(opt.out, std::ios::binary);
  out << m.Serialize(opt.train.min_df);
  if (!out) {
    std::fprintf(stderr, "storyfuse: cannot write %s\n", opt.out.c_str());
    return kExitBadInput;
  }
  std::printf("trained on %zu pairs: operating point %.4f, recall point %.4f; wrote %s\n", pairs->size(), m.threshold(),
              m.recall_threshold(), opt.out.c_str());
  return kExitOk;
}

}  // namespace

void RegisterTrainAlign(CLI::App& train, int* exit_code) {
  auto opt = std::make_shared<TrainAlignOptions>();
  CLI::App* cmd = train.add_subcommand("align", "Train the statement matcher on sentence pairs (MSRP layout)");
  cmd->add_option("--data", opt->data, "Tab-separated pairs, e.g. ../shared/data/paraphrase/msrp-train.tsv")
      ->required();
  cmd->add_option("--out", opt->out, "Model file to write, e.g. models/align.v1.tsv")->required();
  cmd->add_option("--l2", opt->train.l2, "Ridge penalty on standardized weights");
  cmd->callback([opt, exit_code] { *exit_code = RunTrainAlign(*opt); });
}

}  // namespace storyfuse
