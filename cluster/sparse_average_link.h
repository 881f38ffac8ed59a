// SparseAverageLink: agglomerative clustering with average linkage over a
// sparse graph of scored pairs (NeighborGraph). A pair that has no link
// counts as score 0, so the linkage of two clusters is the sum of their
// links over the product of their sizes, as exact average linkage (UPGMA)
// gives when every missing pair scores 0. The best pair of clusters is
// merged first, until no pair reaches `cut`.
//
// Time, when items carry days: two clusters whose dated spans lie more
// than `max_gap_days` apart have their linkage multiplied by `late_factor`
// (a later event of the same kind, not a follow-up, unless the evidence is
// strong). Undated items never count against a merge.
//
// Cost: O(E log E) for E links (each merge re-scores the merged cluster's
// neighbours), memory linear in E. Deterministic: ties go to the lower ids.
// Stateless; thread-safe.
#ifndef STORYFUSE_CLUSTER_SPARSE_AVERAGE_LINK_H_
#define STORYFUSE_CLUSTER_SPARSE_AVERAGE_LINK_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "cluster/neighbor_graph.h"

namespace storyfuse {

// A day number (days since 1970-01-01) for an undated item.
constexpr int32_t kUndated = INT32_MIN;
// No anchor (see SparseAverageLink::Cluster).
constexpr uint32_t kNoAnchor = UINT32_MAX;

struct AverageLinkOptions {
  double cut = 0.5;
  int max_gap_days = 7;
  double late_factor = 1.0;  // 1: days change nothing
};

class SparseAverageLink {
 public:
  // Clusters items 0..n-1 linked by `edges`. Items with equal `initial[i]`
  // start in one cluster (e.g. an article and its copies); an empty
  // `initial` starts every item alone. `days` is empty or holds each
  // item's day (kUndated when none). `anchors` is empty or holds each
  // item's anchor (kNoAnchor when none): two clusters holding different
  // anchors never merge (decisions that are final, stories an editor
  // split). Returns, per item, the smallest item index of its cluster.
  static std::vector<uint32_t> Cluster(size_t n, const std::vector<Edge>& edges, const std::vector<uint32_t>& initial,
                                       const std::vector<int32_t>& days, const std::vector<uint32_t>& anchors,
                                       const AverageLinkOptions& options);
  static std::vector<uint32_t> Cluster(size_t n, const std::vector<Edge>& edges, const std::vector<uint32_t>& initial,
                                       const std::vector<int32_t>& days, const AverageLinkOptions& options) {
    return Cluster(n, edges, initial, days, {}, options);
  }
  // Without days, stopping at `cut`.
  static std::vector<uint32_t> Cluster(size_t n, const std::vector<Edge>& edges, const std::vector<uint32_t>& initial,
                                       double cut) {
    AverageLinkOptions o;
    o.cut = cut;
    return Cluster(n, edges, initial, {}, {}, o);
  }
};

}  // namespace storyfuse

#endif  // STORYFUSE_CLUSTER_SPARSE_AVERAGE_LINK_H_
