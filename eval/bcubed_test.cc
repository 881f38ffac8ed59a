#include "eval/bcubed.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

TEST(BCubedTest, PerfectClustering) {
  BCubedScore s = BCubed::Score({"x", "x", "y"}, {"a", "a", "b"});
  EXPECT_DOUBLE_EQ(s.precision, 1.0);
  EXPECT_DOUBLE_EQ(s.recall, 1.0);
  EXPECT_DOUBLE_EQ(s.f1, 1.0);
  EXPECT_EQ(s.predicted_clusters, 2u);
  EXPECT_EQ(s.gold_clusters, 2u);
}

TEST(BCubedTest, AllInOneCluster) {
  // Gold {a,a,b,b}: each item's predicted cluster is half right.
  BCubedScore s = BCubed::Score({"x", "x", "x", "x"}, {"a", "a", "b", "b"});
  EXPECT_DOUBLE_EQ(s.precision, 0.5);
  EXPECT_DOUBLE_EQ(s.recall, 1.0);
  EXPECT_NEAR(s.f1, 2.0 / 3.0, 1e-12);
}

TEST(BCubedTest, Singletons) {
  BCubedScore s = BCubed::Score({"1", "2", "3"}, {"a", "a", "b"});
  EXPECT_DOUBLE_EQ(s.precision, 1.0);
  EXPECT_NEAR(s.recall, (0.5 + 0.5 + 1.0) / 3, 1e-12);
}

TEST(BCubedTest, WorkedExample) {
  // Predicted {0,1,2} {3,4}; gold {0,1} {2,3,4}.
  BCubedScore s = BCubed::Score({"p", "p", "p", "q", "q"}, {"a", "a", "b", "b", "b"});
  EXPECT_NEAR(s.precision, (2.0 / 3 + 2.0 / 3 + 1.0 / 3 + 1 + 1) / 5, 1e-12);
  EXPECT_NEAR(s.recall, (1 + 1 + 1.0 / 3 + 2.0 / 3 + 2.0 / 3) / 5, 1e-12);
}

TEST(BCubedTest, EmptyScoresZero) {
  BCubedScore s = BCubed::Score({}, {});
  EXPECT_EQ(s.items, 0u);
  EXPECT_EQ(s.f1, 0.0);
}

}  // namespace
}  // namespace storyfuse
