// ParaphrasePairs: reading a sentence-pair file in the Microsoft Research
// Paraphrase Corpus layout (tab-separated `Quality  #1 ID  #2 ID  #1 String
// #2 String`, one header line) and scoring binary decisions on it
// (accuracy, and precision, recall and F1 of the class 1, as
// ../shared/data/README.md defines them).
//
// Stateless functions; thread-safe; never print.
#ifndef STORYFUSE_EVAL_PARAPHRASE_PAIRS_H_
#define STORYFUSE_EVAL_PARAPHRASE_PAIRS_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace storyfuse {

struct ParaphrasePair {
  int label = 0;  // 1: the two sentences state the same thing
  std::string a;
  std::string b;
};

struct BinaryScores {
  int tp = 0, fp = 0, fn = 0, tn = 0;
  double accuracy = 0, precision = 0, recall = 0, f1 = 0;
};

class ParaphrasePairs {
 public:
  // Pairs of the file's content, in file order. InvalidArgument names the
  // first malformed line (wrong field count, a quality that is not 0 or 1).
  static Result<std::vector<ParaphrasePair>> Parse(std::string_view content);
  // The same, reading `path` (IoError when it cannot be read).
  static Result<std::vector<ParaphrasePair>> Read(const std::string& path);

  // Scores of `decisions` (0/1) against the pairs' labels (same length).
  static BinaryScores Score(const std::vector<int>& decisions, const std::vector<ParaphrasePair>& pairs);
  // Decisions score >= threshold.
  static std::vector<int> Decide(const std::vector<float>& scores, float threshold);
  // The threshold on `scores` giving the best accuracy, and that accuracy
  // (ties: the lowest such threshold). Cut points lie halfway between
  // consecutive distinct scores.
  static std::pair<float, double> BestAccuracy(const std::vector<float>& scores,
                                               const std::vector<ParaphrasePair>& pairs);
  // The lowest threshold at which the precision of score >= threshold is
  // at least `precision` (scanning distinct scores downwards, keeping the
  // last that qualifies), or 1 when none does.
  static float ThresholdForPrecision(const std::vector<float>& scores, const std::vector<int>& labels,
                                     double precision);
  // The highest threshold at which recall is at least `recall`.
  static float ThresholdForRecall(const std::vector<float>& scores, const std::vector<int>& labels, double recall);
};

}  // namespace storyfuse

#endif  // STORYFUSE_EVAL_PARAPHRASE_PAIRS_H_
