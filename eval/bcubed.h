// BCubed: clustering scores against gold labels (Bagga & Baldwin 1998).
//
// Per item: precision is the share of its predicted cluster that shares its
// gold label, recall the share of its gold cluster that is in its predicted
// cluster (both counting the item itself). Precision and recall are the
// means over items; F1 is the harmonic mean of those two means. Labels are
// opaque strings; only equality matters. Stateless and thread-safe.
#ifndef STORYFUSE_EVAL_BCUBED_H_
#define STORYFUSE_EVAL_BCUBED_H_

#include <cstddef>
#include <string>
#include <vector>

namespace storyfuse {

struct BCubedScore {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
  size_t items = 0;
  size_t predicted_clusters = 0;
  size_t gold_clusters = 0;
};

class BCubed {
 public:
  // `predicted[i]` and `gold[i]` label item i. Only the first
  // min(predicted.size(), gold.size()) items count; no items score 0.
  static BCubedScore Score(const std::vector<std::string>& predicted,
                           const std::vector<std::string>& gold);
};

}  // namespace storyfuse

#endif  // STORYFUSE_EVAL_BCUBED_H_
