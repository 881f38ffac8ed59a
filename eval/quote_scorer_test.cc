#include "eval/quote_scorer.h"

#include <gtest/gtest.h>

#include <string>

namespace storyfuse {
namespace {

// Invented article: one attributed quote, one unattributed title, and a
// quote left open at the end of its line.
const char kText[] =
    "Mayor Ada Quill said, \xE2\x80\x9CThe bridge opens in May for everyone.\xE2\x80\x9D\n"
    "\n"
    "She watched \"The Long Night Show\" on Sunday.\n"
    "\xE2\x80\x9CWe will keep building roads here\n";

// Code point offsets: the first quote is 23..60, its speaker 0..15.
const char kAnn[] =
    "T1\tSource 0 15\tMayor Ada Quill\n"
    "T2\tCue 16 20\tsaid\n"
    "T3\tContent 22 61\t\xE2\x80\x9CThe bridge opens in May for everyone.\xE2\x80\x9D\n"
    "T4\tAttribution 16 20\tsaid\n"
    "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3 \n"
    "T5\tContent 110 141\tWe will keep building roads here\n"
    "T6\tAttribution-no-source 110 141\tWe will\n"
    "E2\tAttribution-no-source:T6 Content:T5\n";

TEST(QuoteScorerTest, FindsPiecesByTheMetricRule) {
  std::vector<CpSpan> pieces = FindMetricPieces(kText);
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_EQ(pieces[0], (CpSpan{23, 60}));
  EXPECT_EQ(pieces[1], (CpSpan{76, 95}));    // the show title
  EXPECT_EQ(pieces[2], (CpSpan{109, 141}));  // open to the end of the line
}

TEST(QuoteScorerTest, CountsWhitespaceWords) {
  EXPECT_EQ(CountWords("a  bc\td", {0, 7}), 3u);
  EXPECT_EQ(CountWords("", {0, 0}), 0u);
}

TEST(QuoteScorerTest, GoldQuotesLieInsideContent) {
  Result<std::vector<GoldQuote>> gold = ReadPolnearGold(kText, kAnn);
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  ASSERT_EQ(gold->size(), 2u);
  EXPECT_EQ((*gold)[0].quote, (CpSpan{23, 60}));
  ASSERT_EQ((*gold)[0].source.size(), 1u);
  EXPECT_EQ((*gold)[0].source[0], (CpSpan{0, 15}));
  EXPECT_EQ((*gold)[1].quote, (CpSpan{109, 141}));  // one character of slack
  EXPECT_TRUE((*gold)[1].source.empty());
}

TEST(QuoteScorerTest, ContentsAreEveryAttributionsContent) {
  Result<std::vector<CpSpan>> contents = ReadPolnearContents(kAnn);
  ASSERT_TRUE(contents.ok());
  ASSERT_EQ(contents->size(), 2u);
  EXPECT_EQ((*contents)[0], (CpSpan{22, 61}));
  EXPECT_EQ((*contents)[1], (CpSpan{110, 141}));
  // A Discard mark is no attribution.
  Result<std::vector<CpSpan>> discard = ReadPolnearContents("T1\tContent 3 9\tx\nE1\tDiscard:T1 Content:T1\n");
  ASSERT_TRUE(discard.ok());
  EXPECT_TRUE(discard->empty());
  EXPECT_FALSE(ReadPolnearContents("T1\tContent x y\tbad\n").ok());
}

TEST(QuoteScorerTest, ClassifiesUnmatchedPiecesByTheirContents) {
  // Two sentences of one quotation annotated as two contents.
  const std::vector<CpSpan> contents = {{10, 30}, {31, 50}, {100, 120}};
  EXPECT_EQ(ClassifyUnmatched({10, 50}, contents), UnmatchedCause::kSplitContents);
  EXPECT_EQ(ClassifyUnmatched({95, 140}, contents), UnmatchedCause::kPartialContent);
  EXPECT_EQ(ClassifyUnmatched({60, 90}, contents), UnmatchedCause::kUnannotated);
  // One code point of slack at each end, as for gold quotes.
  EXPECT_EQ(ClassifyUnmatched({99, 121}, contents), UnmatchedCause::kInsideContent);
  EXPECT_EQ(UnmatchedCauseName(UnmatchedCause::kSplitContents), "split-contents");
}

TEST(QuoteScorerTest, RejectsBrokenAnnotation) { EXPECT_FALSE(ReadPolnearGold(kText, "T1\tSource x y\tbad\n").ok()); }

struct MatchCase {
  std::vector<PredictedQuote> predicted;
  size_t matched;
  size_t speaker_correct;
};

TEST(QuoteScorerTest, MatchesByHalfOverlapOneToOne) {
  std::vector<GoldQuote> gold = {{{10, 30}, {{0, 5}}}, {{40, 60}, {}}};
  const MatchCase cases[] = {
      {{{{10, 30}, {0, 3}}}, 1, 1},                  // exact, speaker overlaps
      {{{{10, 30}, {6, 9}}}, 1, 0},                  // wrong speaker
      {{{{20, 45}, {0, 5}}}, 0, 0},                  // overlaps 10 of 25: too little
      {{{{12, 30}, {}}, {{10, 30}, {}}}, 1, 0},      // second copy finds no partner
      {{{{40, 61}, {}}, {{10, 29}, {4, 8}}}, 2, 1},  // both match; gold 2 has no source
  };
  for (const MatchCase& c : cases) {
    QuoteScorer scorer;
    scorer.Add(gold, c.predicted);
    EXPECT_EQ(scorer.scores().matched, c.matched);
    EXPECT_EQ(scorer.scores().speaker_correct, c.speaker_correct);
  }
}

TEST(QuoteScorerTest, Ratios) {
  QuoteScores s{10, 8, 6, 5, 4};
  EXPECT_DOUBLE_EQ(s.Precision(), 0.75);
  EXPECT_DOUBLE_EQ(s.Recall(), 0.6);
  EXPECT_NEAR(s.F1(), 2 * 0.75 * 0.6 / 1.35, 1e-12);
  EXPECT_DOUBLE_EQ(s.SpeakerAccuracy(), 0.8);
  EXPECT_EQ(QuoteScores{}.F1(), 0.0);
}

TEST(QuoteScorerTest, MergeAddsFoldsAndSummaryPrintsThem) {
  QuoteScores total;
  total.Merge(QuoteScores{10, 8, 6, 5, 4});
  total.Merge(QuoteScores{10, 12, 10, 5, 5});
  EXPECT_EQ(total.gold, 20u);
  EXPECT_EQ(total.matched, 16u);
  EXPECT_EQ(total.Summary(), "P 0.8000 R 0.8000 F1 0.8000 speaker accuracy 0.9000 (9/10)");
}

}  // namespace
}  // namespace storyfuse
