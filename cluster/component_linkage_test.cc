#include "cluster/component_linkage.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

namespace storyfuse {
namespace {

// A graph of `groups` tight groups of 2 to 6 items (links 0.2 to 0.9 within,
// so most reach the cut of 0.3 used below), weak links (below 0.3) across
// groups, a few strong ones across too, days spread over a month, and some
// items starting together (copies).
struct Graph {
  size_t n = 0;
  std::vector<Edge> edges;
  std::vector<uint32_t> initial;
  std::vector<int32_t> days;
  std::vector<uint64_t> keys;
};

Graph RandomGraph(size_t groups, uint32_t seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> strong(0.2f, 0.9f), weak(0.01f, 0.29f);
  Graph g;
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  for (size_t k = 0; k < groups; ++k) {
    uint32_t first = static_cast<uint32_t>(g.n), size = 2 + rng() % 5;
    spans.emplace_back(first, size);
    int32_t day = static_cast<int32_t>(rng() % 30);
    for (uint32_t i = 0; i < size; ++i) {
      g.days.push_back(rng() % 4 == 0 ? kUndated : day + static_cast<int32_t>(rng() % 3));
      g.keys.push_back(1000 + g.n);
      g.initial.push_back(static_cast<uint32_t>(g.n));
      ++g.n;
    }
    for (uint32_t i = 0; i < size; ++i) {
      for (uint32_t j = i + 1; j < size; ++j) {
        if (rng() % 4 != 0) g.edges.push_back({first + i, first + j, strong(rng)});
      }
    }
    if (size > 2 && rng() % 3 == 0) g.initial[first + 1] = first;  // a copy of the first
  }
  for (size_t k = 0; k < 3 * groups; ++k) {
    uint32_t a = static_cast<uint32_t>(rng() % g.n), b = static_cast<uint32_t>(rng() % g.n);
    if (a == b) continue;
    bool exists = false;
    for (const Edge& e : g.edges) exists |= (e.a == std::min(a, b) && e.b == std::max(a, b));
    if (exists) continue;
    g.edges.push_back({std::min(a, b), std::max(a, b), rng() % 10 == 0 ? strong(rng) : weak(rng)});
  }
  return g;
}

AverageLinkOptions Options() {
  AverageLinkOptions o;
  o.cut = 0.3;
  o.max_gap_days = 7;
  o.late_factor = 0.6;
  return o;
}

TEST(ComponentLinkageTest, GroupsAsAverageLinkageOverTheWholeGraph) {
  for (uint32_t seed = 1; seed <= 20; ++seed) {
    Graph g = RandomGraph(40, seed);
    ComponentLinkage linkage(Options());
    std::vector<uint32_t> got = linkage.Cluster(g.n, g.edges, g.initial, g.days, {}, g.keys);
    EXPECT_EQ(got, SparseAverageLink::Cluster(g.n, g.edges, g.initial, g.days, {}, Options())) << "seed " << seed;
    EXPECT_GT(linkage.components(), 1u);
    EXPECT_EQ(linkage.reused(), 0u);
  }
}

TEST(ComponentLinkageTest, ReusesWhatDidNotChangeAndRegroupsWhatDid) {
  Graph g = RandomGraph(60, 7);
  ComponentLinkage linkage(Options());
  linkage.Cluster(g.n, g.edges, g.initial, g.days, {}, g.keys);
  size_t components = linkage.components();
  // The same graph again: everything is reused.
  std::vector<uint32_t> again = linkage.Cluster(g.n, g.edges, g.initial, g.days, {}, g.keys);
  EXPECT_EQ(linkage.reused(), components);
  EXPECT_EQ(again, SparseAverageLink::Cluster(g.n, g.edges, g.initial, g.days, {}, Options()));
  // One link weakened, one strengthened, and the first two items gone (the
  // others keep their keys and shift down, as a window's do): what they
  // touch is clustered again, the rest reused, and the result is still
  // the whole graph's.
  g.edges[3].score = 0.05f;
  g.edges[g.edges.size() / 2].score = 0.95f;
  Graph shifted;
  shifted.n = g.n - 2;
  for (size_t i = 2; i < g.n; ++i) {
    shifted.keys.push_back(g.keys[i]);
    shifted.days.push_back(g.days[i]);
    shifted.initial.push_back(g.initial[i] < 2 ? static_cast<uint32_t>(i - 2) : g.initial[i] - 2);
  }
  for (const Edge& e : g.edges) {
    if (e.a >= 2) shifted.edges.push_back({e.a - 2, e.b - 2, e.score});
  }
  std::vector<uint32_t> got =
      linkage.Cluster(shifted.n, shifted.edges, shifted.initial, shifted.days, {}, shifted.keys);
  EXPECT_EQ(got, SparseAverageLink::Cluster(shifted.n, shifted.edges, shifted.initial, shifted.days, {}, Options()));
  EXPECT_GT(linkage.reused(), 0u);
  EXPECT_LT(linkage.reused(), linkage.components());
}

TEST(ComponentLinkageTest, BlendsTheContextAsApplyContextDoes) {
  for (uint32_t seed = 1; seed <= 20; ++seed) {
    Graph g = RandomGraph(40, seed);
    std::vector<Edge> blended = g.edges;
    ApplyContext(g.n, 6, 0.5, &blended);
    ComponentLinkage linkage(Options());
    std::vector<uint32_t> got = linkage.Cluster(g.n, g.edges, g.initial, g.days, {}, g.keys, 6, 0.5);
    std::vector<uint32_t> want = SparseAverageLink::Cluster(g.n, blended, g.initial, g.days, {}, Options());
    EXPECT_EQ(got, want) << "seed " << seed;
    // The context matters here: without it the grouping differs.
    if (seed == 1) EXPECT_NE(want, SparseAverageLink::Cluster(g.n, g.edges, g.initial, g.days, {}, Options()));
  }
}

TEST(ComponentLinkageTest, AnchorsKeepTheirGroupsApart) {
  // 0 and 1 anchor two different final stories; 2 is close to both.
  std::vector<Edge> edges = {{0, 2, 0.9f}, {1, 2, 0.8f}};
  ComponentLinkage linkage(Options());
  std::vector<uint32_t> got = linkage.Cluster(3, edges, {}, {}, {7, 8, kNoAnchor}, {1, 2, 3});
  EXPECT_EQ(got, (std::vector<uint32_t>{0, 1, 0}));
}

TEST(ComponentLinkageTest, ALateFactorAboveOneClustersTheWholeGraph) {
  AverageLinkOptions o = Options();
  o.late_factor = 2;
  Graph g = RandomGraph(20, 3);
  ComponentLinkage linkage(o);
  EXPECT_EQ(linkage.Cluster(g.n, g.edges, g.initial, g.days, {}, g.keys),
            SparseAverageLink::Cluster(g.n, g.edges, g.initial, g.days, {}, o));
  EXPECT_EQ(linkage.components(), 0u);
}

}  // namespace
}  // namespace storyfuse
