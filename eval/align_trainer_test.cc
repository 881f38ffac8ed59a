#include "eval/align_trainer.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace storyfuse {
namespace {

// Invented pairs: restatements (1) and same-topic different statements (0).
std::vector<ParaphrasePair> Invented() {
  return {
      {1, "The Tolvane council approved the ferry terminal on Monday.",
       "On Monday the Tolvane council approved the ferry terminal."},
      {0, "The Tolvane council approved the ferry terminal on Monday.",
       "Fishermen in Tolvane protested against new quotas on Monday."},
      {1, "Harbour workers in Brask ended their strike after three weeks.",
       "After three weeks, harbour workers in Brask ended their strike."},
      {0, "Harbour workers in Brask ended their strike after three weeks.",
       "Harbour workers in Brask voted on a new contract last year."},
      {1, "The Vell river burst its banks near the old mill at dawn.",
       "Near the old mill, the Vell river burst its banks at dawn."},
      {0, "The Vell river burst its banks near the old mill at dawn.",
       "The old mill on the Vell river will become a museum next year."},
  };
}

TEST(AlignTrainerTest, TrainingIsDeterministicAndRoundTrips) {
  AlignTrainOptions options;
  options.threshold_folds = 2;
  options.min_df = 1;
  StatementMatcher a = AlignTrainer::Train(Invented(), options);
  StatementMatcher b = AlignTrainer::Train(Invented(), options);
  EXPECT_EQ(a.Serialize(1), b.Serialize(1));
  Result<StatementMatcher> parsed = StatementMatcher::Parse(a.Serialize(1));
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  const std::vector<ParaphrasePair> pairs = Invented();
  EXPECT_FLOAT_EQ(parsed->Probability(pairs[0].a, pairs[0].b), a.Probability(pairs[0].a, pairs[0].b));
  EXPECT_GT(a.Probability(pairs[0].a, pairs[0].b), a.Probability(pairs[1].a, pairs[1].b));
}

TEST(AlignTrainerTest, CrossValidationScoresEveryPairOnce) {
  AlignTrainOptions options;
  options.threshold_folds = 2;
  CrossValidation cv = AlignTrainer::CrossValidate(Invented(), 3, options);
  ASSERT_EQ(cv.scores.size(), 6u);
  EXPECT_EQ(cv.thresholds.size(), 3u);
  for (size_t i = 0; i < 6; ++i) EXPECT_EQ(cv.fold[i], static_cast<int>(i % 3));
}

// The shipped model still scores what models/README.md says on the file
// it was trained on (in-sample; the cross-validated figures are lower).
TEST(AlignTrainerTest, ShippedModelScoresItsReadmeFigures) {
  std::filesystem::path file = std::filesystem::path(STORYFUSE_SHARED_DIR) / "data/paraphrase/msrp-train.tsv";
  if (!std::filesystem::exists(file)) GTEST_SKIP() << file << " absent";
  auto pairs = ParaphrasePairs::Read(file.string());
  ASSERT_TRUE(pairs.ok());
  const StatementMatcher& m = StatementMatcher::Shipped();
  std::vector<float> scores;
  std::vector<int> decisions;
  for (const auto& p : *pairs) {
    scores.push_back(m.Probability(p.a, p.b));
    decisions.push_back(m.Supports(scores.back()));
  }
  BinaryScores s = ParaphrasePairs::Score(decisions, *pairs);
  EXPECT_NEAR(s.precision, 0.925, 0.005);
  EXPECT_NEAR(s.recall, 0.578, 0.005);
  EXPECT_NEAR(ParaphrasePairs::BestAccuracy(scores, *pairs).second, 0.777, 0.005);
}

}  // namespace
}  // namespace storyfuse
