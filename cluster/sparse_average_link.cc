#include "cluster/sparse_average_link.h"

#include <algorithm>
#include <numeric>
#include <queue>
#include <unordered_map>

#include "base/union_find.h"

namespace storyfuse {
namespace {

struct Group {
  double size = 0;
  int32_t first_day = kUndated, last_day = kUndated;  // span of its dated items
  uint32_t anchor = kNoAnchor;
  uint32_t version = 0;
  bool alive = true;
  std::unordered_map<uint32_t, double> links;  // other group -> summed link scores
};

// A proposed merge, valid while both groups are at the versions it saw.
struct Candidate {
  double linkage;
  uint32_t a, b;  // a < b
  uint32_t version_a, version_b;
  // Strongest linkage first; ties to the lower ids, so the order is total.
  bool operator<(const Candidate& o) const {
    if (linkage != o.linkage) return linkage < o.linkage;
    if (a != o.a) return a > o.a;
    return b > o.b;
  }
};

void Widen(Group* g, int32_t first, int32_t last) {
  if (first == kUndated) return;
  g->first_day = g->first_day == kUndated ? first : std::min(g->first_day, first);
  g->last_day = g->last_day == kUndated ? last : std::max(g->last_day, last);
}

}  // namespace

std::vector<uint32_t> SparseAverageLink::Cluster(size_t n, const std::vector<Edge>& edges,
                                                 const std::vector<uint32_t>& initial, const std::vector<int32_t>& days,
                                                 const std::vector<uint32_t>& anchors,
                                                 const AverageLinkOptions& options) {
  // Dense group ids for the starting clusters.
  std::vector<uint32_t> group_of(n);
  std::unordered_map<uint32_t, uint32_t> dense;
  for (size_t i = 0; i < n; ++i) {
    uint32_t key = initial.empty() ? static_cast<uint32_t>(i) : initial[i];
    auto [it, fresh] = dense.try_emplace(key, static_cast<uint32_t>(dense.size()));
    group_of[i] = it->second;
  }
  std::vector<Group> groups(dense.size());
  for (size_t i = 0; i < n; ++i) {
    groups[group_of[i]].size += 1;
    if (!days.empty()) Widen(&groups[group_of[i]], days[i], days[i]);
    if (!anchors.empty() && anchors[i] != kNoAnchor) groups[group_of[i]].anchor = anchors[i];
  }
  auto apart = [&options](const Group& x, const Group& y) {
    if (x.first_day == kUndated || y.first_day == kUndated) return false;
    return x.first_day > y.last_day + options.max_gap_days || y.first_day > x.last_day + options.max_gap_days;
  };
  for (const Edge& e : edges) {
    uint32_t x = group_of[e.a], y = group_of[e.b];
    if (x == y) continue;
    groups[x].links[y] += e.score;
    groups[y].links[x] += e.score;
  }

  std::priority_queue<Candidate> queue;
  auto propose = [&](uint32_t x, uint32_t y) {
    const Group &gx = groups[x], &gy = groups[y];
    if (gx.anchor != kNoAnchor && gy.anchor != kNoAnchor && gx.anchor != gy.anchor) return;
    double linkage = gx.links.at(y) / (gx.size * gy.size);
    if (apart(gx, gy)) linkage *= options.late_factor;
    if (linkage < options.cut) return;
    if (x > y) std::swap(x, y);
    queue.push({linkage, x, y, groups[x].version, groups[y].version});
  };
  for (uint32_t x = 0; x < groups.size(); ++x) {
    for (const auto& [y, sum] : groups[x].links) {
      if (x < y) propose(x, y);
    }
  }

  UnionFind merged;
  for (size_t g = 0; g < groups.size(); ++g) merged.Add();
  while (!queue.empty()) {
    Candidate c = queue.top();
    queue.pop();
    Group &ga = groups[c.a], &gb = groups[c.b];
    if (!ga.alive || !gb.alive || ga.version != c.version_a || gb.version != c.version_b) continue;
    // Fold the group with fewer links into the one with more.
    uint32_t keep = ga.links.size() >= gb.links.size() ? c.a : c.b;
    uint32_t gone = keep == c.a ? c.b : c.a;
    Group &k = groups[keep], &g = groups[gone];
    k.links.erase(gone);
    for (const auto& [other, sum] : g.links) {
      if (other == keep) continue;
      k.links[other] += sum;
      Group& o = groups[other];
      o.links.erase(gone);
      o.links[keep] += sum;
    }
    k.size += g.size;
    Widen(&k, g.first_day, g.last_day);
    if (k.anchor == kNoAnchor) k.anchor = g.anchor;
    ++k.version;
    g.alive = false;
    g.links = {};
    merged.Union(keep, gone);
    for (const auto& [other, sum] : k.links) propose(keep, other);
  }

  // Each item's cluster, named by its smallest item.
  std::vector<uint32_t> first(groups.size(), UINT32_MAX);
  std::vector<uint32_t> out(n);
  for (size_t i = 0; i < n; ++i) {
    uint32_t root = merged.Find(group_of[i]);
    if (first[root] == UINT32_MAX) first[root] = static_cast<uint32_t>(i);
    out[i] = first[root];
  }
  return out;
}

}  // namespace storyfuse
