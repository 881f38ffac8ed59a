#include "eval/date_scorer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storyfuse {
namespace {

struct CalendarCase {
  const char* type;
  const char* value;
  const char* calendar;  // "" when not a calendar date
};

const CalendarCase kCalendarCases[] = {
    {"DATE", "1998-08-07", "1998-08-07"},
    {"DATE", "1998-08", "1998-08"},
    {"DATE", "1998", "1998"},
    {"TIME", "1998-08-07TNI", "1998-08-07"},
    {"TIME", "1998-08-07T10:30", "1998-08-07"},
    {"DATE", "1998-W32", ""},
    {"DATE", "1998-SU", ""},
    {"DATE", "199", ""},
    {"DATE", "PRESENT_REF", ""},
    {"DATE", "1998-Q3", ""},
    {"DURATION", "P3Y", ""},
    {"DURATION", "1998", ""},  // a year-long duration is not a DATE
    {"SET", "XXXX-WXX-1", ""},
    {"TIME", "T10:30", ""},
};

TEST(DateScorerTest, CalendarValueFollowsTheMetric) {
  for (const CalendarCase& c : kCalendarCases) {
    GoldTimex t{{0, 1}, c.type, c.value};
    EXPECT_EQ(CalendarValue(t), c.calendar) << c.type << " " << c.value;
  }
}

// Gold of an invented document: a day, a duration, a week, a month.
const std::vector<GoldTimex> kGold = {
    {{10, 16}, "DATE", "2031-03-14"},  // "Friday"
    {{30, 41}, "DURATION", "P3D"},     // "three days"
    {{50, 59}, "DATE", "2031-W10"},    // "last week"
    {{70, 80}, "DATE", "2031-02"},     // "last month"
};

struct ScoreCase {
  const char* name;
  std::vector<PredictedDate> predicted;
  std::vector<DateOutcome> outcomes;
  size_t tp, fp, ignored;
};

using O = DateOutcome;

const ScoreCase kScoreCases[] = {
    {"exact match", {{{10, 16}, "2031-03-14"}}, {O::kTruePositive}, 1, 0, 0},
    {"partial overlap counts", {{{12, 20}, "2031-03-14"}}, {O::kTruePositive}, 1, 0, 0},
    {"wrong value", {{{10, 16}, "2031-03-13"}}, {O::kFalsePositive}, 0, 1, 0},
    {"wrong granularity", {{{70, 80}, "2031-02-01"}}, {O::kFalsePositive}, 0, 1, 0},
    {"no gold overlap", {{{0, 5}, "2031"}}, {O::kFalsePositive}, 0, 1, 0},
    {"only a duration", {{{30, 41}, "2031-03-11"}}, {O::kIgnored}, 0, 0, 1},
    {"only a week", {{{50, 59}, "2031-03-03"}}, {O::kIgnored}, 0, 0, 1},
    {"second claim on a paired date",
     {{{10, 12}, "2031-03-14"}, {{13, 16}, "2031-03-14"}},
     {O::kTruePositive, O::kFalsePositive},
     1,
     1,
     0},
    {"taken in order of start",
     {{{13, 16}, "2031-03-14"}, {{10, 12}, "2031-03-13"}},
     {O::kFalsePositive, O::kFalsePositive},
     0,
     2,
     0},
    {"spans a duration and a date", {{{35, 75}, "2031-02"}}, {O::kTruePositive}, 1, 0, 0},
};

void PrintTo(const ScoreCase& c, std::ostream* os) { *os << c.name; }

class DateScoreTest : public ::testing::TestWithParam<ScoreCase> {};

TEST_P(DateScoreTest, PairsPredictions) {
  const ScoreCase& c = GetParam();
  DateScorer scorer;
  EXPECT_EQ(scorer.Add(kGold, c.predicted), c.outcomes) << c.name;
  EXPECT_EQ(scorer.scores().gold, 2u);
  EXPECT_EQ(scorer.scores().true_positives, c.tp) << c.name;
  EXPECT_EQ(scorer.scores().false_positives, c.fp) << c.name;
  EXPECT_EQ(scorer.scores().ignored, c.ignored) << c.name;
}

INSTANTIATE_TEST_SUITE_P(Table, DateScoreTest, ::testing::ValuesIn(kScoreCases));

TEST(DateScorerTest, PrecisionRecallF1) {
  DateScores s;
  s.gold = 10, s.true_positives = 6, s.false_positives = 2;
  EXPECT_DOUBLE_EQ(s.Precision(), 0.75);
  EXPECT_DOUBLE_EQ(s.Recall(), 0.6);
  EXPECT_NEAR(s.F1(), 2 * 0.75 * 0.6 / 1.35, 1e-12);
  EXPECT_EQ(DateScores{}.F1(), 0.0);
}

TEST(DateScorerTest, ParsesADocumentLine) {
  Result<DateDocument> d =
      ParseDateDocument(R"({"id":"X1","dct":"2031-03-14","title":"t","text":"On Friday.",)"
                        R"("timexes":[{"start":3,"end":9,"text":"Friday","type":"DATE","value":"2031-03-14"}]})");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->id, "X1");
  EXPECT_EQ(d->dct, "2031-03-14");
  ASSERT_EQ(d->timexes.size(), 1u);
  EXPECT_EQ(d->timexes[0].span, (CpSpan{3, 9}));
  EXPECT_EQ(d->timexes[0].value, "2031-03-14");
}

TEST(DateScorerTest, RejectsBrokenLines) {
  EXPECT_FALSE(ParseDateDocument("not json").ok());
  EXPECT_FALSE(ParseDateDocument(R"({"id":"X","dct":"2031-03-14","text":"t"})").ok());
  EXPECT_FALSE(ParseDateDocument(R"({"id":"X","dct":"d","text":"t","timexes":[{"start":1}]})").ok());
}

}  // namespace
}  // namespace storyfuse
