// BCubed: clustering scores against gold labels (Bagga & Baldwin 1998).
//
// For each item, precision = |predicted cluster ∩ same-label items| /
// |predicted cluster| and recall = |gold cluster ∩ predicted cluster| /
// |gold cluster|, the item itself included. The scores average these over
// items; F1 combines the two averages harmonically. Labels are
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
  static BCubedScore Score(const std::vector<std::string>& predicted, const std::vector<std::string>& gold);
};

}  // namespace storyfuse

#endif  // STORYFUSE_EVAL_BCUBED_H_
