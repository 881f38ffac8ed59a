#include "cluster/neighbor_graph.h"

#include <gtest/gtest.h>

#include <cmath>

namespace storyfuse {
namespace {

// Plain cosine of two sparse vectors.
double Cos(const TermWeights& a, const TermWeights& b) {
  double dot = 0, na = 0, nb = 0;
  for (const auto& [t, w] : a) {
    na += w * w;
    for (const auto& [u, v] : b) dot += t == u ? w * v : 0;
  }
  for (const auto& [u, v] : b) nb += v * v;
  return dot / std::sqrt(na * nb);
}

TEST(NeighborGraphTest, LinksArticlesThatShareStrongTerms) {
  std::vector<TermWeights> v = {
      {{1, 1.0f}, {2, 0.5f}},             // 0
      {{1, 0.9f}, {2, 0.6f}},             // 1: like 0
      {{7, 1.0f}, {8, 1.0f}},             // 2: nothing in common with 0 and 1
      {{7, 0.8f}, {8, 1.0f}, {9, 0.1f}},  // 3: like 2
      {},                                 // 4: no terms
  };
  std::vector<const TermWeights*> ptrs;
  for (const TermWeights& x : v) ptrs.push_back(&x);
  int scored = 0;
  std::vector<Edge> edges = BuildNeighborGraph(
      ptrs,
      [&](uint32_t i, uint32_t j) {
        ++scored;
        return Cos(v[i], v[j]);
      },
      NeighborGraphOptions{});
  ASSERT_EQ(edges.size(), 2u);
  EXPECT_EQ(edges[0].a, 0u);
  EXPECT_EQ(edges[0].b, 1u);
  EXPECT_NEAR(edges[0].score, Cos(v[0], v[1]), 1e-6);
  EXPECT_EQ(edges[1].a, 2u);
  EXPECT_EQ(edges[1].b, 3u);
  EXPECT_EQ(scored, 2);  // each linked pair once, nothing else
}

TEST(NeighborGraphTest, KeepsEachArticlesStrongestNeighbours) {
  // A hub (0) close to five articles, each a little less close.
  std::vector<TermWeights> v = {{{1, 1.0f}}};
  for (int i = 1; i <= 5; ++i) v.push_back({{1, 1.0f}, {static_cast<uint32_t>(10 + i), 0.2f * i}});
  std::vector<const TermWeights*> ptrs;
  for (const TermWeights& x : v) ptrs.push_back(&x);
  NeighborGraphOptions options;
  options.neighbors = 1;
  std::vector<Edge> edges = BuildNeighborGraph(
      ptrs, [&](uint32_t i, uint32_t j) { return Cos(v[i], v[j]); }, options);
  // The hub's nearest is article 1; each other article's nearest is the hub.
  EXPECT_EQ(edges.size(), 5u);
  for (const Edge& e : edges) EXPECT_EQ(e.a, 0u);
  options.min_score = 0.9;  // only links at least this strong
  edges = BuildNeighborGraph(
      ptrs, [&](uint32_t i, uint32_t j) { return Cos(v[i], v[j]); }, options);
  for (const Edge& e : edges) EXPECT_GE(e.score, 0.9f);
  EXPECT_LT(edges.size(), 5u);
}

}  // namespace
}  // namespace storyfuse
