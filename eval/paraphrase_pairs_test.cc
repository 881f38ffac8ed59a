#include "eval/paraphrase_pairs.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

TEST(ParaphrasePairsTest, ParsesTheMsrpLayout) {
  auto pairs = ParaphrasePairs::Parse(
      "Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n"
      "1\t1\t2\tThe pier reopened.\tThe pier opened again.\r\n"
      "0\t3\t4\tA ferry sank.\tA ferry was late.\n");
  ASSERT_TRUE(pairs.ok());
  ASSERT_EQ(pairs->size(), 2u);
  EXPECT_EQ((*pairs)[0].label, 1);
  EXPECT_EQ((*pairs)[0].b, "The pier opened again.");
  EXPECT_EQ((*pairs)[1].label, 0);
}

TEST(ParaphrasePairsTest, NamesTheBadLine) {
  auto bad = ParaphrasePairs::Parse("Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n1\t1\t2\tonly four\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("line 2"), std::string::npos);
  EXPECT_FALSE(ParaphrasePairs::Parse("h\n2\t1\t2\ta\tb\n").ok()) << "quality must be 0 or 1";
}

std::vector<ParaphrasePair> Labels(const std::vector<int>& y) {
  std::vector<ParaphrasePair> out;
  for (int v : y) out.push_back({v, "", ""});
  return out;
}

TEST(ParaphrasePairsTest, ScoresTheClassOne) {
  auto pairs = Labels({1, 1, 0, 0, 1});
  BinaryScores s = ParaphrasePairs::Score({1, 0, 1, 0, 1}, pairs);
  EXPECT_EQ(s.tp, 2);
  EXPECT_EQ(s.fp, 1);
  EXPECT_EQ(s.fn, 1);
  EXPECT_EQ(s.tn, 1);
  EXPECT_DOUBLE_EQ(s.accuracy, 0.6);
  EXPECT_DOUBLE_EQ(s.precision, 2.0 / 3);
  EXPECT_DOUBLE_EQ(s.recall, 2.0 / 3);
  EXPECT_DOUBLE_EQ(s.f1, 2.0 / 3);
}

TEST(ParaphrasePairsTest, BestAccuracyCutsBetweenScores) {
  auto pairs = Labels({0, 1, 0, 1, 1});
  std::vector<float> scores = {0.1f, 0.4f, 0.5f, 0.8f, 0.9f};
  auto [threshold, accuracy] = ParaphrasePairs::BestAccuracy(scores, pairs);
  EXPECT_DOUBLE_EQ(accuracy, 0.8);
  EXPECT_NEAR(threshold, 0.25f, 1e-6) << "the lowest of the best cuts";
  EXPECT_EQ(ParaphrasePairs::Decide(scores, 0.65f), (std::vector<int>{0, 0, 0, 1, 1}));
}

TEST(ParaphrasePairsTest, OperatingPointsForPrecisionAndRecall) {
  std::vector<int> y = {1, 1, 0, 1, 0, 0};
  std::vector<float> scores = {0.9f, 0.8f, 0.7f, 0.6f, 0.5f, 0.4f};
  EXPECT_FLOAT_EQ(ParaphrasePairs::ThresholdForPrecision(scores, y, 1.0), 0.8f);
  EXPECT_FLOAT_EQ(ParaphrasePairs::ThresholdForPrecision(scores, y, 0.75), 0.6f);
  EXPECT_FLOAT_EQ(ParaphrasePairs::ThresholdForRecall(scores, y, 0.6), 0.8f);
  EXPECT_FLOAT_EQ(ParaphrasePairs::ThresholdForRecall(scores, y, 1.0), 0.6f);
}

}  // namespace
}  // namespace storyfuse
