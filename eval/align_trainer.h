// AlignTrainer: trains the statement matcher (brief/statement_matcher.h)
// on human-judged sentence pairs, and cross-validates it.
//
// Training: word rarities (IdfTable) are counted over the training
// sentences themselves (each sentence one document; stems of one
// sentence only are dropped, they read as unseen), features are computed
// with them, and a logistic model is fit. The operating points are chosen
// on out-of-fold probabilities of an inner cross-validation over the
// training pairs: `threshold` is the lowest at which precision reaches
// `target_precision`, `recall_threshold` the highest at which recall
// reaches `target_recall`. The matcher's domain (shortest sentence,
// smallest length ratio) is the training pairs'. Pairs the matcher's rules
// decide (StatementFeatures::Incompatible) are left out of the fit.
// Deterministic: folds are pair index modulo K.
//
// Stateless; thread-safe.
#ifndef STORYFUSE_EVAL_ALIGN_TRAINER_H_
#define STORYFUSE_EVAL_ALIGN_TRAINER_H_

#include <vector>

#include "brief/statement_matcher.h"
#include "eval/paraphrase_pairs.h"

namespace storyfuse {

struct AlignTrainOptions {
  double l2 = 1.0;                 // ridge penalty on standardized weights
  double target_precision = 0.92;  // the brief's operating point
  double target_recall = 0.90;     // the recall-oriented operating point
  int threshold_folds = 10;        // inner folds choosing the operating points
  uint32_t min_df = 2;             // idf entries kept in the model file
};

struct CrossValidation {
  std::vector<float> scores;      // out-of-fold probability per pair, file order
  std::vector<int> decisions;     // at each fold's model's own operating point
  std::vector<int> fold;          // fold of each pair
  std::vector<float> thresholds;  // per fold: the operating point its model chose
};

class AlignTrainer {
 public:
  static StatementMatcher Train(const std::vector<ParaphrasePair>& pairs, const AlignTrainOptions& options);
  // K-fold cross-validation: for each fold, Train() on the other folds and
  // score the fold's pairs. `folds` >= 2.
  static CrossValidation CrossValidate(const std::vector<ParaphrasePair>& pairs, int folds,
                                       const AlignTrainOptions& options);
};

}  // namespace storyfuse

#endif  // STORYFUSE_EVAL_ALIGN_TRAINER_H_
