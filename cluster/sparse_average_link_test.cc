#include "cluster/sparse_average_link.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace storyfuse {
namespace {

// Two tight triangles (0,1,2) and (3,4,5) with one weak link between them.
std::vector<Edge> TwoTriangles(float bridge) {
  return {{0, 1, 0.8f}, {0, 2, 0.7f}, {1, 2, 0.9f}, {3, 4, 0.6f}, {3, 5, 0.7f}, {4, 5, 0.8f}, {2, 3, bridge}};
}

TEST(SparseAverageLinkTest, StopsAtTheCut) {
  std::vector<uint32_t> c = SparseAverageLink::Cluster(6, TwoTriangles(0.5f), {}, 0.3);
  EXPECT_EQ(c, (std::vector<uint32_t>{0, 0, 0, 3, 3, 3}));
  // The bridge is one pair of nine: the triangles' linkage is 0.5 / 9.
  c = SparseAverageLink::Cluster(6, TwoTriangles(0.5f), {}, 0.05);
  EXPECT_EQ(c, (std::vector<uint32_t>{0, 0, 0, 0, 0, 0}));
  c = SparseAverageLink::Cluster(6, TwoTriangles(0.5f), {}, 0.06);
  EXPECT_EQ(c[3], 3u);
}

TEST(SparseAverageLinkTest, AMissingPairCountsAsZero) {
  // 2 is linked to 0 only: once 0 and 1 are one cluster, its linkage to
  // them is 0.5 / 2.
  std::vector<Edge> edges = {{0, 1, 0.9f}, {0, 2, 0.5f}};
  EXPECT_EQ(SparseAverageLink::Cluster(3, edges, {}, 0.3), (std::vector<uint32_t>{0, 0, 2}));
  EXPECT_EQ(SparseAverageLink::Cluster(3, edges, {}, 0.2), (std::vector<uint32_t>{0, 0, 0}));
}

TEST(SparseAverageLinkTest, InitialGroupsStartTogether) {
  // 5 starts with 0 (a copy of it), and pulls its triangle's links along.
  std::vector<uint32_t> initial = {0, 1, 2, 3, 4, 0};
  std::vector<uint32_t> c = SparseAverageLink::Cluster(6, TwoTriangles(0.0f), initial, 0.99);
  EXPECT_EQ(c, (std::vector<uint32_t>{0, 1, 2, 3, 4, 0}));
}

TEST(SparseAverageLinkTest, NoLinksLeavesEveryItemAlone) {
  EXPECT_EQ(SparseAverageLink::Cluster(3, {}, {}, 0.1), (std::vector<uint32_t>{0, 1, 2}));
  EXPECT_TRUE(SparseAverageLink::Cluster(0, {}, {}, 0.1).empty());
}

// Exact average linkage (UPGMA) on a complete graph, by brute force.
std::vector<uint32_t> BruteForce(const std::vector<std::vector<double>>& s, double cut) {
  size_t n = s.size();
  std::vector<std::vector<uint32_t>> clusters;
  for (uint32_t i = 0; i < n; ++i) clusters.push_back({i});
  for (;;) {
    double best = -1;
    size_t ba = 0, bb = 0;
    for (size_t a = 0; a < clusters.size(); ++a) {
      for (size_t b = a + 1; b < clusters.size(); ++b) {
        double sum = 0;
        for (uint32_t i : clusters[a]) {
          for (uint32_t j : clusters[b]) sum += s[i][j];
        }
        double link = sum / (clusters[a].size() * clusters[b].size());
        if (link > best) best = link, ba = a, bb = b;
      }
    }
    if (best < cut) break;
    clusters[ba].insert(clusters[ba].end(), clusters[bb].begin(), clusters[bb].end());
    clusters.erase(clusters.begin() + bb);
  }
  std::vector<uint32_t> out(n);
  for (const auto& c : clusters) {
    uint32_t first = *std::min_element(c.begin(), c.end());
    for (uint32_t i : c) out[i] = first;
  }
  return out;
}

TEST(SparseAverageLinkTest, OnACompleteGraphItIsExactAverageLinkage) {
  const size_t n = 12;
  std::vector<std::vector<double>> s(n, std::vector<double>(n, 0));
  std::vector<Edge> edges;
  uint64_t state = 7;
  for (uint32_t i = 0; i < n; ++i) {
    for (uint32_t j = i + 1; j < n; ++j) {
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      // Distinct float values, so no ties decide the order.
      float v = static_cast<float>((state >> 40) % 1000003) / 1000003.0f;
      s[i][j] = s[j][i] = v;
      edges.push_back({i, j, v});
    }
  }
  for (double cut : {0.3, 0.45, 0.5, 0.6}) {
    EXPECT_EQ(SparseAverageLink::Cluster(n, edges, {}, cut), BruteForce(s, cut)) << cut;
  }
}

}  // namespace
}  // namespace storyfuse
