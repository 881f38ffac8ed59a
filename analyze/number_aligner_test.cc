#include "analyze/number_aligner.h"

#include <gtest/gtest.h>

#include <cmath>

#include <string>
#include <vector>

namespace storyfuse {
namespace {

// The first quantity of `text` (which must outlive the result's use).
Quantity First(const std::string& text) {
  std::vector<Quantity> qs = NumberExtractor::Extract(text);
  EXPECT_FALSE(qs.empty()) << text;
  return qs.empty() ? Quantity() : qs[0];
}

struct PairCase {
  const char* a;
  const char* b;
  bool same;
  bool conflict;
};

void PrintTo(const PairCase& c, std::ostream* os) { *os << c.a << " | " << c.b; }

const PairCase kPairs[] = {
    // A record and a hedged figure of the same night agree.
    {"The navy fired a record 612 flares in one night.",
     "The navy fired its largest barrage yet, more than 600 flares.", true, false},
    // Same event, incompatible figures.
    {"Rebels shelled the port with about 300 shells on Monday.",
     "Rebels shelled the port with more than 900 shells on Monday.", true, true},
    {"The ferry carried 212 passengers from the port.", "The ferry carried 180 passengers from the port.", true, true},
    // Rounding: 700 covers 728.
    {"The ferry carried 728 passengers from the port.", "The ferry carried 700 passengers from the port.", true, false},
    // A record and an ordinary day are different things.
    {"Rebels fired about 300 shells at the port overnight.", "Rebels fired a record 900 shells at the port last month.",
     false, false},
    // Different counted nouns.
    {"Rebels fired 300 shells at the port.", "Rebels fired 300 rockets at the port.", false, false},
    // Different units.
    {"Farmers face 40% levies on cheese exports.", "Farmers face 40-minute queues at the border.", false, false},
    // Ranges overlap a point.
    {"Exporters pay 30-40% duties on steel.", "Exporters pay 35% duties on steel.", true, false},
    // Hedges decide: "nearly 20" allows 17..20, so 17 agrees and 16 does not.
    {"The singer has 17 Grammy nominations to her name.", "The singer has nearly 20 Grammy nominations to her name.",
     true, false},
    {"The singer has 16 Grammy nominations to her name.", "The singer has nearly 20 Grammy nominations to her name.",
     true, true},
    {"The singer has 16 Grammy nominations to her name.", "The singer has 17 Grammy nominations to her name.", true,
     true},
    // Rounding: 2,300 is rounded to hundreds and covers both; 2,310 and
    // 2,286 are stated exactly and disagree.
    {"The marksman hit the target from 2,300 metres away.", "The marksman hit the target from 2,286 metres away.", true,
     false},
    {"The marksman hit the target from 2,300 metres away.", "The marksman hit the target from 2,310 metres away.", true,
     false},
    {"The marksman hit the target from 2,310 metres away.", "The marksman hit the target from 2,286 metres away.", true,
     true},
    // Different people own the figures.
    {"Oren Vask served two years in prison for the leaflets.",
     "Ilse Marrow served 10 years in prison for the leaflets.", false, false},
    // A part and its whole: values 60 times apart are not one quantity.
    {"The ministry granted the shipyard programme $535 million in loans.",
     "The ministry granted the shipyard programme $31.98 billion in loans.", true, false},
    // "About" a precise figure reaches one step of its last digit.
    {"Salaries now take around 57.1 percent of league income.", "Salaries now take 53.8 percent of league income.",
     true, true},
    {"Salaries now take around 57.1 percent of league income.", "Salaries now take 57.1 percent of league income.",
     true, false},
    // Hedged bounds only touch: no conflict.
    {"The ferry carried more than 700 passengers from the port.", "The ferry carried 700 passengers from the port.",
     true, false},
    // Unrelated clauses.
    {"The zoo counted 40 penguins in the winter census.", "Poachers stole 12 penguins from a coastal colony.", false,
     false},
};

class PairTest : public ::testing::TestWithParam<PairCase> {};

TEST_P(PairTest, DecidesSameThingAndConflict) {
  const PairCase& c = GetParam();
  std::string ta = c.a, tb = c.b;
  Quantity a = First(ta), b = First(tb);
  NumberAligner aligner;
  EXPECT_EQ(aligner.SameThing(a, ta, b, tb), c.same);
  EXPECT_EQ(aligner.Conflict(a, ta, b, tb), c.conflict);
}

INSTANTIATE_TEST_SUITE_P(Table, PairTest, ::testing::ValuesIn(kPairs));

TEST(NumberAlignerTest, CountedKeyStemsTheHead) {
  NumberAligner aligner;
  std::string t1 = "They flew 40 drones.", t2 = "They flew a drone and 3 more drones.";
  EXPECT_EQ(aligner.CountedKey(First(t1)), "|drone");
  std::string t3 = "A 50-minute meeting ended.";
  EXPECT_EQ(aligner.CountedKey(First(t3)), "minute|meet");
  std::string t4 = "The two agreed.";
  EXPECT_EQ(aligner.CountedKey(First(t4)), "");
}

TEST(NumberAlignerTest, PartAndWholeInOneSentenceDoNotConflict) {
  std::string text = "Eight of the 10 provinces will vote.";
  std::vector<Quantity> qs = NumberExtractor::Extract(text);
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_TRUE(qs[0].part);
  NumberAligner aligner;
  EXPECT_FALSE(aligner.SameThing(qs[0], text, qs[1], text));
}

TEST(NumberAlignerTest, NamesTellOwnersApart) {
  NumberAligner aligner;
  struct Case {
    const char* a;
    const char* b;
    bool different;
  } cases[] = {
      {"Oren Vask served two years in prison.", "Ilse Marrow served 10 years in prison.", true},
      // A name the other sentence mentions, even as its first word.
      {"After the purge, Vask served two years in prison.",
       "Vask led the strikes in Port Arle and served two years in prison.", false},
      {"Turkey moved 10,000 troops to the Syrian border.", "Some 10,000 Turkish troops reached the border.", false},
      // One side names no one.
      {"Oren Vask served two years in prison.", "He served two years in prison.", false},
  };
  for (const Case& c : cases) {
    std::string ta = c.a, tb = c.b;
    QuantityContext ca = aligner.Context(First(ta), ta), cb = aligner.Context(First(tb), tb);
    EXPECT_EQ(NumberAligner::DifferentNames(ca, cb), c.different) << c.a << " | " << c.b;
  }
}

TEST(NumberAlignerTest, PlansAndForecastsAreIrrealis) {
  NumberAligner aligner;
  std::string a = "The union would raise the minimum salary to $750,000.";
  std::string b = "The minimum salary is $272,500.";
  std::string c = "The league plans to cut 40 jobs.";
  EXPECT_TRUE(aligner.Context(First(a), a).irrealis);
  EXPECT_FALSE(aligner.Context(First(b), b).irrealis);
  EXPECT_TRUE(aligner.Context(First(c), c).irrealis);
}

TEST(NumberAlignerTest, CommensurateWithinTheRatio) {
  std::string a = "40 boats", b = "160 boats", c = "161 boats", z = "0 boats";
  EXPECT_TRUE(NumberAligner::Commensurate(First(a), First(b)));
  EXPECT_FALSE(NumberAligner::Commensurate(First(a), First(c)));
  EXPECT_FALSE(NumberAligner::Commensurate(First(a), First(z)));
}

TEST(NumberAlignerTest, AllowedFollowsTheHedge) {
  std::string t = "up to 50 boats";
  ValueRange r = NumberAligner::Allowed(First(t));
  EXPECT_EQ(r.lo, 0);
  EXPECT_EQ(r.hi, 50);
  t = "nearly 20 boats";
  r = NumberAligner::Allowed(First(t));
  EXPECT_EQ(r.lo, 17);
  EXPECT_EQ(r.hi, 20);
  t = "2,300 boats";
  r = NumberAligner::Allowed(First(t));
  EXPECT_EQ(r.lo, 2250);
  EXPECT_EQ(r.hi, 2350);
  t = "2,310 boats";
  r = NumberAligner::Allowed(First(t));
  EXPECT_EQ(r.lo, 2310);
  EXPECT_EQ(r.hi, 2310);
  t = "more than 700 boats";
  r = NumberAligner::Allowed(First(t));
  EXPECT_EQ(r.lo, 700);
  EXPECT_TRUE(r.lo_open);
  EXPECT_TRUE(std::isinf(r.hi));
}

}  // namespace
}  // namespace storyfuse
