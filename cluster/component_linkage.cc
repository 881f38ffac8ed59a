#include "cluster/component_linkage.h"

#include <bit>
#include <string_view>

#include "base/hasher.h"
#include "base/union_find.h"

namespace storyfuse {
namespace {

constexpr uint32_t kNone = UINT32_MAX;

// Links this close below the cut still join components: a mean of links
// below the cut cannot reach it, but its sum is rounded, and a component
// too large costs only time.
constexpr double kCutSlack = 1e-6;

uint64_t HashOf(const std::vector<uint64_t>& words) {
  return Hasher::Hash64(std::string_view(reinterpret_cast<const char*>(words.data()), words.size() * sizeof(uint64_t)));
}

}  // namespace

std::vector<uint32_t> ComponentLinkage::Cluster(size_t n, const std::vector<Edge>& edges,
                                                const std::vector<uint32_t>& initial, const std::vector<int32_t>& days,
                                                const std::vector<uint32_t>& anchors,
                                                const std::vector<uint64_t>& keys) {
  components_ = reused_ = 0;
  if (options_.late_factor > 1 || !(options_.cut > 0)) {
    previous_.clear();
    return SparseAverageLink::Cluster(n, edges, initial, days, anchors, options_);
  }
  // Components of the initial groups and the links that reach the cut.
  UnionFind joined(n);
  if (!initial.empty()) {
    std::unordered_map<uint32_t, uint32_t> first;
    for (uint32_t i = 0; i < n; ++i) {
      auto [it, fresh] = first.try_emplace(initial[i], i);
      if (!fresh) joined.Union(it->second, i);
    }
  }
  const double reach = options_.cut * (1 - kCutSlack);
  for (const Edge& e : edges) {
    if (e.score >= reach) joined.Union(e.a, e.b);
  }
  // Each component's items in index order (so they keep their relative
  // order, and ties break as over the whole graph), and its links in edge
  // order (so sums are added in the same order).
  std::vector<uint32_t> component(n), position(n), of_root(n, kNone);
  std::vector<std::vector<uint32_t>> items;
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t root = joined.Find(i);
    if (of_root[root] == kNone) of_root[root] = static_cast<uint32_t>(items.size()), items.emplace_back();
    component[i] = of_root[root];
    position[i] = static_cast<uint32_t>(items[component[i]].size());
    items[component[i]].push_back(i);
  }
  std::vector<std::vector<Edge>> links(items.size());
  for (const Edge& e : edges) {
    if (component[e.a] == component[e.b]) links[component[e.a]].push_back({position[e.a], position[e.b], e.score});
  }

  std::vector<uint32_t> out(n);
  std::vector<uint32_t> local_initial;
  std::vector<int32_t> local_days;
  std::vector<uint32_t> local_anchors;
  std::unordered_map<uint32_t, uint32_t> first_of;
  current_.clear();
  for (size_t c = 0; c < items.size(); ++c) {
    const std::vector<uint32_t>& members = items[c];
    if (members.size() == 1) {
      out[members[0]] = members[0];
      continue;
    }
    ++components_;
    const size_t size = members.size();
    local_initial.clear();
    local_days.clear();
    local_anchors.clear();
    first_of.clear();
    for (uint32_t p = 0; p < size; ++p) {
      uint32_t i = members[p];
      if (!initial.empty()) local_initial.push_back(first_of.try_emplace(initial[i], p).first->second);
      if (!days.empty()) local_days.push_back(days[i]);
      if (!anchors.empty()) local_anchors.push_back(anchors[i]);
    }
    // The signature: every input of this component's clustering.
    std::vector<uint64_t> signature;
    signature.reserve(2 + size * 4 + 2 * links[c].size());
    signature.push_back(size);
    for (uint32_t i : members) signature.push_back(keys[i]);
    for (uint32_t g : local_initial) signature.push_back(g);
    for (int32_t d : local_days) signature.push_back(static_cast<uint32_t>(d));
    for (uint32_t a : local_anchors) signature.push_back(a);
    signature.push_back(links[c].size());
    for (const Edge& e : links[c]) {
      signature.push_back(static_cast<uint64_t>(e.a) << 32 | e.b);
      signature.push_back(std::bit_cast<uint32_t>(e.score));
    }
    uint64_t hash = HashOf(signature);
    Result result;
    auto it = previous_.find(hash);
    if (it != previous_.end() && it->second.signature == signature) {
      result.cluster = std::move(it->second.cluster);
      ++reused_;
    } else {
      result.cluster = SparseAverageLink::Cluster(size, links[c], local_initial, local_days, local_anchors, options_);
    }
    for (uint32_t p = 0; p < size; ++p) out[members[p]] = members[result.cluster[p]];
    result.signature = std::move(signature);
    current_[hash] = std::move(result);
  }
  previous_.swap(current_);
  current_.clear();
  return out;
}

}  // namespace storyfuse
