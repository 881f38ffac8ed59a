#include "eval/average_link.h"

#include <gtest/gtest.h>

#include <tuple>
#include <vector>

namespace storyfuse {
namespace {

// A symmetric n x n matrix from the upper triangle's (i, j, s) entries;
// every other pair is 0.
std::vector<float> Matrix(size_t n, const std::vector<std::tuple<int, int, float>>& pairs) {
  std::vector<float> m(n * n, 0.0f);
  for (const auto& [i, j, s] : pairs) m[i * n + j] = m[j * n + i] = s;
  return m;
}

TEST(AverageLinkTest, TwoTightGroupsStayApartAboveTheirCrossSimilarity) {
  std::vector<float> m = Matrix(5, {{0, 1, 0.9f},
                                    {0, 2, 0.9f},
                                    {1, 2, 0.9f},
                                    {3, 4, 0.8f},
                                    {0, 3, 0.1f},
                                    {0, 4, 0.1f},
                                    {1, 3, 0.1f},
                                    {1, 4, 0.1f},
                                    {2, 3, 0.1f},
                                    {2, 4, 0.1f}});
  std::vector<AverageLink::Merge> merges = AverageLink::Run(m, 5, 0.0);
  ASSERT_EQ(merges.size(), 4u);
  EXPECT_NEAR(merges.back().similarity, 0.1, 1e-6);
  EXPECT_EQ(AverageLink::Cut(merges, 5, 0.5), (std::vector<uint32_t>{0, 0, 0, 3, 3}));
  EXPECT_EQ(AverageLink::Cut(merges, 5, 0.05), (std::vector<uint32_t>{0, 0, 0, 0, 0}));
  EXPECT_EQ(AverageLink::Cut(merges, 5, 0.95), (std::vector<uint32_t>{0, 1, 2, 3, 4}));
}

TEST(AverageLinkTest, OneCloseMemberIsNotEnoughToJoin) {
  // Single linkage would join 2 through its 0.6 with item 0; the mean over
  // {0, 1} is 0.3.
  std::vector<float> m = Matrix(3, {{0, 1, 0.9f}, {0, 2, 0.6f}});
  std::vector<AverageLink::Merge> merges = AverageLink::Run(m, 3, 0.0);
  ASSERT_EQ(merges.size(), 2u);
  EXPECT_NEAR(merges[1].similarity, 0.3, 1e-6);
  EXPECT_EQ(AverageLink::Cut(merges, 3, 0.5), (std::vector<uint32_t>{0, 0, 2}));
}

TEST(AverageLinkTest, MeansWeighEveryItemOfAMergedClusterAlike) {
  // {0, 1} forms first, then joins 2; item 3 is close to 0 only. Its mean
  // over {0, 1, 2} is 0.9 / 3, not the 0.225 of halving at every merge.
  std::vector<float> m = Matrix(4, {{0, 1, 0.95f}, {0, 2, 0.8f}, {1, 2, 0.8f}, {0, 3, 0.9f}});
  std::vector<AverageLink::Merge> merges = AverageLink::Run(m, 4, 0.0);
  ASSERT_EQ(merges.size(), 3u);
  EXPECT_NEAR(merges[2].similarity, 0.3, 1e-6);
}

TEST(AverageLinkTest, FloorStopsMerging) {
  std::vector<float> m = Matrix(3, {{0, 1, 0.9f}, {1, 2, 0.2f}});
  EXPECT_EQ(AverageLink::Run(m, 3, 0.5).size(), 1u);
}

TEST(AverageLinkTest, MalformedInputGivesNoMerges) {
  EXPECT_TRUE(AverageLink::Run(std::vector<float>(5, 1.0f), 3, 0.0).empty());
  EXPECT_TRUE(AverageLink::Run(std::vector<float>(1, 1.0f), 1, 0.0).empty());
  EXPECT_EQ(AverageLink::Cut({}, 2, 0.5), (std::vector<uint32_t>{0, 1}));
}

}  // namespace
}  // namespace storyfuse
