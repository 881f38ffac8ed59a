// AverageLink: exact offline agglomerative clustering with average linkage
// (UPGMA) over a dense similarity matrix.
//
// It is the reference a streaming clusterer is measured against: it sees
// every pair of items at once, in no order, at quadratic memory and at
// least quadratic time, which is what the one-pass StoryIndex avoids. Use it
// on evaluation sets (thousands of items), not on streams.
//
// Stateless and thread-safe.
#ifndef STORYFUSE_EVAL_AVERAGE_LINK_H_
#define STORYFUSE_EVAL_AVERAGE_LINK_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace storyfuse {

class AverageLink {
 public:
  // One merge: the clusters holding items `a` and `b` joined at
  // `similarity`, the mean similarity over all pairs across the two.
  struct Merge {
    uint32_t a, b;
    double similarity;
  };

  // Merges in the order made, best first, down to `floor` (merges below it
  // are not made). `similarity` is row-major n x n and symmetric; the
  // diagonal is ignored. Returns no merges when n < 2 or the matrix is not
  // n x n.
  static std::vector<Merge> Run(const std::vector<float>& similarity, size_t n, double floor);

  // The clusters after the merges at `threshold` or above: cluster[i] is
  // the smallest item index in item i's cluster.
  static std::vector<uint32_t> Cut(const std::vector<Merge>& merges, size_t n, double threshold);
};

}  // namespace storyfuse

#endif  // STORYFUSE_EVAL_AVERAGE_LINK_H_
