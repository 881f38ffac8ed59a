// ComponentLinkage: SparseAverageLink for a graph that is clustered again
// and again while only part of it changes (the revising stream's window).
//
// Average linkage only merges two clusters whose linkage reaches the cut,
// and a linkage is a mean of item links (a missing pair counts 0), so a
// merge needs at least one item link that reaches the cut: every cluster
// lies inside one connected component of the links that reach the cut
// (with the initial groups joined). Each component is clustered on its
// own, and a component equal to one of the previous call (the same items
// by key, in the same order, the same initial groups, days, anchors and
// links to the last bit, in the same order) takes the previous call's
// result without clustering again. A revision that adds a hundred articles
// to a window of a thousand clusters again only what they touched.
//
// Results are those of SparseAverageLink::Cluster over the whole graph:
// the same merges in each component, in the same order (ties to the lower
// ids: the items keep their relative order). One difference is possible in
// the last bits: a group's link list holds its links below the cut to
// other components too, which decides which of two merging groups keeps
// its list and so the order in which a merged group's link sums are added;
// a linkage within a rounding error of another or of the cut can then
// compare the other way.
//
// Needs late_factor <= 1 (a late pair is never linked more strongly); with
// a larger factor the whole graph is one component. Keeps the previous
// call's components (their keys and results): memory linear in the last
// graph. Not thread-safe.
#ifndef STORYFUSE_CLUSTER_COMPONENT_LINKAGE_H_
#define STORYFUSE_CLUSTER_COMPONENT_LINKAGE_H_

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "cluster/neighbor_graph.h"
#include "cluster/sparse_average_link.h"

namespace storyfuse {

class ComponentLinkage {
 public:
  explicit ComponentLinkage(AverageLinkOptions options) : options_(options) {}

  // As SparseAverageLink::Cluster (items 0..n-1, `initial`, `days` and
  // `anchors` empty or one per item), plus `keys`: one per item, naming it
  // the same way from one call to the next (two items of one call never
  // share a key). Returns, per item, the smallest item index of its
  // cluster.
  std::vector<uint32_t> Cluster(size_t n, const std::vector<Edge>& edges, const std::vector<uint32_t>& initial,
                                const std::vector<int32_t>& days, const std::vector<uint32_t>& anchors,
                                const std::vector<uint64_t>& keys) {
    return Cluster(n, edges, initial, days, anchors, keys, 0, 0.0);
  }
  // The same over `edges` as ApplyContext(n, context_neighbours,
  // context_weight) would leave them, with the context computed only for
  // the links that can take part: those that reach the cut, then those
  // within a component (a link between components, most of a window's
  // weak links, is never blended, as it cannot change a grouping).
  std::vector<uint32_t> Cluster(size_t n, const std::vector<Edge>& edges, const std::vector<uint32_t>& initial,
                                const std::vector<int32_t>& days, const std::vector<uint32_t>& anchors,
                                const std::vector<uint64_t>& keys, size_t context_neighbours, double context_weight);

  // Of the last call: components with more than one item, and how many of
  // them took the previous call's result.
  size_t components() const { return components_; }
  size_t reused() const { return reused_; }

 private:
  struct Result {
    std::vector<uint64_t> signature;  // everything the result depends on
    std::vector<uint32_t> cluster;    // per item of the component, its first item's position
  };

  AverageLinkOptions options_;
  std::unordered_map<uint64_t, Result> previous_, current_;  // by the signature's hash
  size_t components_ = 0, reused_ = 0;
  // Cluster's scratch, kept to spare allocations: per item its component,
  // position there and (by initial group, then by root) a first item; per
  // component where its items and links start in items_ and links_.
  std::vector<uint32_t> component_, position_, first_, item_begin_, items_, link_begin_, fill_;
  std::vector<Edge> links_;
  std::vector<float> blended_;  // per edge, its score after the context; -1 until computed
};

}  // namespace storyfuse

#endif  // STORYFUSE_CLUSTER_COMPONENT_LINKAGE_H_
