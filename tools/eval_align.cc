// storyfuse eval align FILE.tsv [--predictions OUT] [--folds K]
//
// Scores the statement matcher (brief/statement_matcher.h) on sentence
// pairs in the MSRP layout (../shared/data/README.md, paraphrase/):
// accuracy, precision, recall and F1 of "same statement" at the brief's
// operating point, and the accuracy at the best threshold for the file.
// Without --folds the shipped model (models/align.v1.tsv) scores every
// pair; with --folds K, K models are trained, each scoring the fold it did
// not see at its own operating point (how the model's figures on its own
// training file are measured), and the fold means and spread are printed
// too. --predictions writes one line per pair in file order: the decision
// (0 or 1), a tab, and the probability.
#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <memory>

#include "brief/statement_matcher.h"
#include "eval/align_trainer.h"
#include "eval/paraphrase_pairs.h"
#include "tools/command.h"

namespace storyfuse {
namespace {

struct EvalAlignOptions {
  std::string file;
  std::string predictions;
  int folds = 0;
  double l2 = AlignTrainOptions{}.l2;
};

void PrintScores(const char* label, const BinaryScores& s) {
  std::printf("%s accuracy %.4f  precision %.4f  recall %.4f  F1 %.4f  (tp %d fp %d fn %d tn %d)\n", label, s.accuracy,
              s.precision, s.recall, s.f1, s.tp, s.fp, s.fn, s.tn);
}

// Mean and standard deviation of per-fold values.
void PrintSpread(const char* name, const std::vector<double>& v) {
  double mean = 0, var = 0, lo = 1, hi = 0;
  for (double x : v) mean += x, lo = std::min(lo, x), hi = std::max(hi, x);
  mean /= v.size();
  for (double x : v) var += (x - mean) * (x - mean);
  std::printf("  %-22s mean %.4f  sd %.4f  min %.4f  max %.4f\n", name, mean, std::sqrt(var / v.size()), lo, hi);
}

void PrintFolds(const std::vector<ParaphrasePair>& pairs, const CrossValidation& cv, int folds) {
  std::vector<double> acc, prec, rec, f1, best, thr;
  for (int k = 0; k < folds; ++k) {
    std::vector<ParaphrasePair> fold_pairs;
    std::vector<int> decisions;
    std::vector<float> scores;
    for (size_t i = 0; i < pairs.size(); ++i) {
      if (cv.fold[i] != k) continue;
      fold_pairs.push_back(pairs[i]);
      decisions.push_back(cv.decisions[i]);
      scores.push_back(cv.scores[i]);
    }
    BinaryScores s = ParaphrasePairs::Score(decisions, fold_pairs);
    acc.push_back(s.accuracy), prec.push_back(s.precision), rec.push_back(s.recall), f1.push_back(s.f1);
    best.push_back(ParaphrasePairs::BestAccuracy(scores, fold_pairs).second);
    thr.push_back(cv.thresholds[k]);
  }
  std::printf("per fold (%d folds):\n", folds);
  PrintSpread("accuracy", acc);
  PrintSpread("precision", prec);
  PrintSpread("recall", rec);
  PrintSpread("F1", f1);
  PrintSpread("best-threshold accuracy", best);
  PrintSpread("operating point", thr);
}

int RunEvalAlign(const EvalAlignOptions& opt) {
  Result<std::vector<ParaphrasePair>> pairs = ParaphrasePairs::Read(opt.file);
  if (!pairs.ok()) {
    std::fprintf(stderr, "storyfuse: %s\n", pairs.status().ToString().c_str());
    return kExitBadInput;
  }
  std::vector<float> scores;
  std::vector<int> decisions;
  CrossValidation cv;
  if (opt.folds >= 2) {
    AlignTrainOptions train;
    train.l2 = opt.l2;
    cv = AlignTrainer::CrossValidate(*pairs, opt.folds, train);
    scores = cv.scores;
    decisions = cv.decisions;
  } else {
    const StatementMatcher& m = StatementMatcher::Shipped();
    for (const ParaphrasePair& p : *pairs) {
      float s = m.Probability(p.a, p.b);
      scores.push_back(s);
      decisions.push_back(m.Supports(s) ? 1 : 0);
    }
    std::printf("model %s, operating point %.4f\n", std::string(StatementMatcher::kModelFile).c_str(), m.threshold());
  }
  std::printf("pairs %zu%s\n", pairs->size(),
              opt.folds >= 2 ? (", " + std::to_string(opt.folds) + "-fold cross-validation, out-of-fold").c_str() : "");
  PrintScores("operating point:", ParaphrasePairs::Score(decisions, *pairs));
  auto [best_threshold, best_accuracy] = ParaphrasePairs::BestAccuracy(scores, *pairs);
  std::printf("best threshold %.4f: accuracy %.4f\n", best_threshold, best_accuracy);
  if (opt.folds >= 2) PrintFolds(*pairs, cv, opt.folds);
  if (!opt.predictions.empty()) {
    std::ofstream out(opt.predictions);
    for (size_t i = 0; i < scores.size(); ++i) out << decisions[i] << '\t' << scores[i] << '\n';
    if (!out) {
      std::fprintf(stderr, "storyfuse: cannot write %s\n", opt.predictions.c_str());
      return kExitBadInput;
    }
  }
  return kExitOk;
}

}  // namespace

void RegisterEvalAlign(CLI::App& eval, int* exit_code) {
  auto opt = std::make_shared<EvalAlignOptions>();
  CLI::App* cmd = eval.add_subcommand("align", "Score the statement matcher on sentence pairs (MSRP layout)");
  cmd->add_option("file", opt->file, "Tab-separated pairs: Quality, #1 ID, #2 ID, #1 String, #2 String")->required();
  cmd->add_option("--predictions", opt->predictions, "Write `decision<TAB>probability` per pair, in file order");
  cmd->add_option("--folds", opt->folds, "Cross-validate: train K models on the file, each scoring its unseen fold")
      ->check(CLI::Range(2, 100));
  cmd->add_option("--l2", opt->l2, "With --folds: ridge penalty of the trained models");
  cmd->callback([opt, exit_code] { *exit_code = RunEvalAlign(*opt); });
}

}  // namespace storyfuse
