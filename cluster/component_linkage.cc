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
                                                const std::vector<uint32_t>& anchors, const std::vector<uint64_t>& keys,
                                                size_t context_neighbours, double context_weight) {
  components_ = reused_ = 0;
  LinkContext context(n, edges, context_neighbours, context_weight);
  if (options_.late_factor > 1 || !(options_.cut > 0)) {
    previous_.clear();
    std::vector<Edge> blended = edges;
    for (Edge& e : blended) e.score = context.Blend(e);
    return SparseAverageLink::Cluster(n, blended, initial, days, anchors, options_);
  }
  // Components of the initial groups and the links that reach the cut.
  UnionFind joined(n);
  if (!initial.empty()) {
    first_.assign(n, kNone);
    std::unordered_map<uint32_t, uint32_t> beyond;  // initial values >= n, if any
    for (uint32_t i = 0; i < n; ++i) {
      uint32_t g = initial[i];
      uint32_t& first = g < n ? first_[g] : beyond.try_emplace(g, kNone).first->second;
      if (first == kNone)
        first = i;
      else
        joined.Union(first, i);
    }
  }
  // The context only lowers a score: a link below the cut stays below.
  const double reach = options_.cut * (1 - kCutSlack);
  blended_.assign(edges.size(), -1.0f);
  for (size_t r = 0; r < edges.size(); ++r) {
    const Edge& e = edges[r];
    if (e.score < reach) continue;
    blended_[r] = context.Blend(e);
    if (blended_[r] >= reach) joined.Union(e.a, e.b);
  }
  // Each component's items in index order (so they keep their relative
  // order, and ties break as over the whole graph), and its links in edge
  // order (so sums are added in the same order), in flat arrays by a
  // counting sort: a vector per component was a third of the cost.
  component_.assign(n, kNone);
  position_.resize(n);
  std::vector<uint32_t>& of_root = first_;
  of_root.assign(n, kNone);
  item_begin_.clear();
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t root = joined.Find(i);
    if (of_root[root] == kNone) of_root[root] = static_cast<uint32_t>(item_begin_.size()), item_begin_.push_back(0);
    uint32_t c = of_root[root];
    component_[i] = c;
    position_[i] = item_begin_[c]++;
  }
  const size_t count = item_begin_.size();
  // Sizes to starts.
  uint32_t sum = 0;
  for (uint32_t& b : item_begin_) b = (sum += b) - b;
  item_begin_.push_back(sum);
  items_.resize(n);
  for (uint32_t i = 0; i < n; ++i) items_[item_begin_[component_[i]] + position_[i]] = i;
  link_begin_.assign(count + 1, 0);
  for (const Edge& e : edges) {
    if (component_[e.a] == component_[e.b]) ++link_begin_[component_[e.a] + 1];
  }
  for (size_t c = 0; c < count; ++c) link_begin_[c + 1] += link_begin_[c];
  links_.resize(link_begin_[count]);
  fill_.assign(link_begin_.begin(), link_begin_.end() - 1);
  for (size_t r = 0; r < edges.size(); ++r) {
    const Edge& e = edges[r];
    uint32_t c = component_[e.a];
    if (c != component_[e.b]) continue;
    float score = blended_[r] >= 0 ? blended_[r] : context.Blend(e);
    links_[fill_[c]++] = {position_[e.a], position_[e.b], score};
  }

  std::vector<uint32_t> out(n);
  std::vector<uint32_t> local_initial;
  std::vector<int32_t> local_days;
  std::vector<uint32_t> local_anchors;
  std::vector<Edge> local_links;
  std::unordered_map<uint32_t, uint32_t> first_of;
  current_.clear();
  for (size_t c = 0; c < count; ++c) {
    const uint32_t* members = items_.data() + item_begin_[c];
    const size_t size = item_begin_[c + 1] - item_begin_[c];
    if (size == 1) {
      out[members[0]] = members[0];
      continue;
    }
    ++components_;
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
    const Edge* first_link = links_.data() + link_begin_[c];
    const size_t link_count = link_begin_[c + 1] - link_begin_[c];
    // The signature: every input of this component's clustering.
    std::vector<uint64_t> signature;
    signature.reserve(2 + size * 4 + 2 * link_count);
    signature.push_back(size);
    for (uint32_t p = 0; p < size; ++p) signature.push_back(keys[members[p]]);
    for (uint32_t g : local_initial) signature.push_back(g);
    for (int32_t d : local_days) signature.push_back(static_cast<uint32_t>(d));
    for (uint32_t a : local_anchors) signature.push_back(a);
    signature.push_back(link_count);
    for (size_t r = 0; r < link_count; ++r) {
      const Edge& e = first_link[r];
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
      local_links.assign(first_link, first_link + link_count);
      result.cluster =
          SparseAverageLink::Cluster(size, local_links, local_initial, local_days, local_anchors, options_);
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
