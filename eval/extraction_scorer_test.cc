#include "eval/extraction_scorer.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

TEST(ExtractionScorerTest, TokensAreUnicodeWordRuns) {
  struct Case {
    const char* text;
    std::vector<std::string_view> tokens;
  } cases[] = {
      {"", {}},
      {"Hello, world!", {"Hello", "world"}},
      {"don\u2019t stop_now 3.5", {"don", "t", "stop_now", "3", "5"}},
      {"\u041c\u043e\u0441\u043a\u0432\u0430 \u00e9t\u00e9", {"\u041c\u043e\u0441\u043a\u0432\u0430", "\u00e9t\u00e9"}},
      {"  trailing", {"trailing"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ExtractionScorer::Tokens(c.text), c.tokens) << c.text;
  }
}

TEST(ExtractionScorerTest, IdenticalTextsScorePerfectly) {
  ShingleCounts c = ExtractionScorer::Compare("one two three four five", "one two three four five");
  EXPECT_EQ(c.tp, 2u);
  EXPECT_EQ(c.fp, 0u);
  EXPECT_EQ(c.fn, 0u);
}

TEST(ExtractionScorerTest, CountsAreMultisets) {
  // Predicted repeats a 4-gram the gold has once: one tp, one fp.
  ShingleCounts c = ExtractionScorer::Compare("a b c d a b c d", "a b c d");
  EXPECT_EQ(c.tp, 1u);
  EXPECT_EQ(c.fp, 4u);
  EXPECT_EQ(c.fn, 0u);
}

TEST(ExtractionScorerTest, EmptyPredictionCostsRecallOnly) {
  ExtractionScorer s;
  s.Add("one two three four", "one two three four");
  s.Add("", "five six seven eight");
  EXPECT_EQ(s.pages(), 2u);
  EXPECT_DOUBLE_EQ(s.precision(), 1.0);  // the empty page has no precision
  EXPECT_DOUBLE_EQ(s.recall(), 0.5);
  EXPECT_NEAR(s.f1(), 2 * 0.5 / 1.5, 1e-12);
}

TEST(ExtractionScorerTest, ShortTextsHaveNoShingles) {
  ShingleCounts c = ExtractionScorer::Compare("a b c", "a b c");
  EXPECT_EQ(c.tp + c.fp + c.fn, 0u);
  EXPECT_LT(c.precision(), 0);
}

}  // namespace
}  // namespace storyfuse
