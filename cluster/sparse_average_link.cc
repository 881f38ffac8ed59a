#include "cluster/sparse_average_link.h"

#include <algorithm>
#include <queue>
#include <unordered_map>

namespace storyfuse {
namespace {

// A link from one group to another, as a group's list holds it. The other
// end may since have merged into a larger group: lists are brought up to
// date only when their own group merges (see Merge).
struct Link {
  uint32_t other;
  double sum;  // summed scores of the item links between the two groups
};

struct Group {
  double size = 0;
  int32_t first_day = kUndated, last_day = kUndated;  // span of its dated items
  uint32_t anchor = kNoAnchor;
  uint32_t version = 0;
  bool alive = true;
  std::vector<Link> links;
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

// The groups and their links, in flat arrays: a hash map per group was most
// of a revision's cost in the stream (docs/clustering.md).
class Linkage {
 public:
  Linkage(size_t groups, const AverageLinkOptions& options)
      : options_(options), groups_(groups), parent_(groups), acc_(groups, 0.0), seen_(groups, 0) {
    for (uint32_t g = 0; g < groups; ++g) parent_[g] = g;
  }

  Group& group(uint32_t g) { return groups_[g]; }
  size_t size() const { return groups_.size(); }

  // The live group `g` has become part of.
  uint32_t Find(uint32_t g) {
    while (parent_[g] != g) {
      parent_[g] = parent_[parent_[g]];
      g = parent_[g];
    }
    return g;
  }

  // Rewrites g's list with one entry per live neighbouring group (summed,
  // in the order first seen), none to itself.
  void Compact(uint32_t g) {
    std::vector<Link>& links = groups_[g].links;
    touched_.clear();
    for (const Link& l : links) {
      uint32_t r = Find(l.other);
      if (r == g) continue;
      if (!seen_[r]) seen_[r] = 1, touched_.push_back(r);
      acc_[r] += l.sum;
    }
    links.clear();
    for (uint32_t r : touched_) {
      links.push_back({r, acc_[r]});
      acc_[r] = 0.0;
      seen_[r] = 0;
    }
  }

  void Propose(uint32_t x, uint32_t y, double sum) {
    const Group &gx = groups_[x], &gy = groups_[y];
    if (gx.anchor != kNoAnchor && gy.anchor != kNoAnchor && gx.anchor != gy.anchor) return;
    double linkage = sum / (gx.size * gy.size);
    if (Apart(gx, gy)) linkage *= options_.late_factor;
    if (linkage < options_.cut) return;
    if (x > y) std::swap(x, y);
    queue_.push({linkage, x, y, groups_[x].version, groups_[y].version});
  }

  void ProposeAll() {
    for (uint32_t x = 0; x < groups_.size(); ++x) {
      for (const Link& l : groups_[x].links) {
        if (x < l.other) Propose(x, l.other, l.sum);
      }
    }
  }

  void Run() {
    while (!queue_.empty()) {
      Candidate c = queue_.top();
      queue_.pop();
      Group &ga = groups_[c.a], &gb = groups_[c.b];
      if (!ga.alive || !gb.alive || ga.version != c.version_a || gb.version != c.version_b) continue;
      Merge(c.a, c.b);
    }
  }

 private:
  bool Apart(const Group& x, const Group& y) const {
    if (x.first_day == kUndated || y.first_day == kUndated) return false;
    return x.first_day > y.last_day + options_.max_gap_days || y.first_day > x.last_day + options_.max_gap_days;
  }

  void Merge(uint32_t a, uint32_t b) {
    // Fold the group with fewer neighbours into the one with more.
    Compact(a);
    Compact(b);
    uint32_t keep = groups_[a].links.size() >= groups_[b].links.size() ? a : b;
    uint32_t gone = keep == a ? b : a;
    Group &k = groups_[keep], &g = groups_[gone];
    parent_[gone] = keep;
    k.links.insert(k.links.end(), g.links.begin(), g.links.end());
    g.links = {};
    Compact(keep);
    k.size += g.size;
    Widen(&k, g.first_day, g.last_day);
    if (k.anchor == kNoAnchor) k.anchor = g.anchor;
    ++k.version;
    g.alive = false;
    for (const Link& l : k.links) Propose(keep, l.other, l.sum);
  }

  AverageLinkOptions options_;
  std::vector<Group> groups_;
  std::vector<uint32_t> parent_;
  std::vector<double> acc_;    // Compact's scratch, all zero between uses
  std::vector<uint8_t> seen_;  // Compact's scratch, all zero between uses
  std::vector<uint32_t> touched_;
  std::priority_queue<Candidate> queue_;
};

}  // namespace

std::vector<uint32_t> SparseAverageLink::Cluster(size_t n, const std::vector<Edge>& edges,
                                                 const std::vector<uint32_t>& initial, const std::vector<int32_t>& days,
                                                 const std::vector<uint32_t>& anchors,
                                                 const AverageLinkOptions& options) {
  // Dense group ids for the starting clusters.
  std::vector<uint32_t> group_of(n);
  uint32_t count = 0;
  if (initial.empty()) {
    for (size_t i = 0; i < n; ++i) group_of[i] = count++;
  } else {
    std::unordered_map<uint32_t, uint32_t> dense;
    for (size_t i = 0; i < n; ++i) {
      auto [it, fresh] = dense.try_emplace(initial[i], count);
      if (fresh) ++count;
      group_of[i] = it->second;
    }
  }
  Linkage linkage(count, options);
  for (size_t i = 0; i < n; ++i) {
    Group& g = linkage.group(group_of[i]);
    g.size += 1;
    if (!days.empty()) Widen(&g, days[i], days[i]);
    if (!anchors.empty() && anchors[i] != kNoAnchor) g.anchor = anchors[i];
  }
  for (const Edge& e : edges) {
    uint32_t x = group_of[e.a], y = group_of[e.b];
    if (x == y) continue;
    linkage.group(x).links.push_back({y, e.score});
    linkage.group(y).links.push_back({x, e.score});
  }
  // Links between two starting groups that several item links join (a
  // copy and its source's neighbours) become one entry.
  for (uint32_t g = 0; g < count; ++g) linkage.Compact(g);
  linkage.ProposeAll();
  linkage.Run();

  // Each item's cluster, named by its smallest item.
  std::vector<uint32_t> first(count, UINT32_MAX);
  std::vector<uint32_t> out(n);
  for (size_t i = 0; i < n; ++i) {
    uint32_t root = linkage.Find(group_of[i]);
    if (first[root] == UINT32_MAX) first[root] = static_cast<uint32_t>(i);
    out[i] = first[root];
  }
  return out;
}

}  // namespace storyfuse
