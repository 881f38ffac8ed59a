#include "analyze/number_extractor.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storyfuse {
namespace {

struct NumberCase {
  const char* text;
  const char* span;  // expected span of the first quantity
  double value;
  double max;
  const char* hedge;
  const char* unit;
  const char* noun;
};

void PrintTo(const NumberCase& c, std::ostream* os) { *os << c.text; }

const NumberCase kCases[] = {
    {"The navy fired 12 rockets at dawn.", "12 rockets", 12, 12, "exact", "", "rockets"},
    {"Rebels launched about 300 shells overnight.", "about 300 shells", 300, 300, "about", "", "shells"},
    {"Officials counted a record 912 balloons.", "a record 912 balloons", 912, 912, "record", "", "balloons"},
    {"Police arrested more than 450 fans.", "more than 450 fans", 450, 450, "more than", "", "fans"},
    {"The army lost 20,000 horses.", "20,000 horses", 20000, 20000, "exact", "", "horses"},
    {"They imposed 250% duties on cheese.", "250% duties", 250, 250, "exact", "percent", "duties"},
    {"After a 40-minute call, both left.", "40-minute call", 40, 40, "exact", "minute", "call"},
    {"Farmers face 15-25% levies.", "15-25% levies", 15, 25, "exact", "percent", "levies"},
    {"Seven of the 12 provinces voted.", "Seven", 7, 7, "exact", "", "provinces"},
    {"The league has twelve member clubs.", "twelve member clubs", 12, 12, "exact", "", "member clubs"},
    {"The port received $3.4 billion in loans.", "$3.4 billion in loans", 3.4e9, 3.4e9, "exact", "USD", "loans"},
    {"The pair have spoken twice; the two agreed.", "two", 2, 2, "exact", "", ""},
    {"She bought a dozen eggs.", "a dozen eggs", 12, 12, "exact", "", "eggs"},
    {"At least 40 people died.", "At least 40 people", 40, 40, "at least", "", "people"},
    {"Up to 3,000 workers may strike.", "Up to 3,000 workers", 3000, 3000, "up to", "", "workers"},
    {"Nearly 60 boats sank.", "Nearly 60 boats", 60, 60, "nearly", "", "boats"},
    {"Fewer than 90 votes were cast.", "Fewer than 90 votes", 90, 90, "less than", "", "votes"},
    {"Thousands of fans marched.", "Thousands of fans", 2000, 2000, "at least", "", "fans"},
    {"The fund lost €5bn last year.", "€5bn", 5e9, 5e9, "exact", "EUR", ""},
    {"The siege lasted three years.", "three years", 3, 3, "exact", "year", ""},
    {"Between 30 and 40 percent voted.", "Between 30 and 40 percent", 30, 40, "exact", "percent", ""},
    {"The bill costs 1.5 million dollars.", "1.5 million dollars", 1.5e6, 1.5e6, "exact", "USD", ""},
    {"They fired twenty-five flares.", "twenty-five flares", 25, 25, "exact", "", "flares"},
    {"Repairs take six to seven months.", "six to seven months", 6, 7, "exact", "month", ""},
    {"It costs between $25 million and $30 million.", "between $25 million and $30 million", 25e6, 30e6, "exact", "USD",
     ""},
    {"The kite rose to 580m over the bay.", "580m", 580, 580, "exact", "m", ""},
    {"Thieves took £5m from the vault.", "£5m", 5e6, 5e6, "exact", "GBP", ""},
    {"The jet flew at 1,700ft at dusk.", "1,700ft", 1700, 1700, "exact", "ft", ""},
    {"Doctors saw 200 elderly people.", "200 elderly people", 200, 200, "exact", "", "elderly people"},
    {"Guards seized 18 Belgian rifles.", "18 Belgian rifles", 18, 18, "exact", "", "belgian rifles"},
    {"His salary is $27M-$30 million a year.", "$27M-$30 million", 27e6, 30e6, "exact", "USD", ""},
    {"Three masked gunmen fled.", "Three masked gunmen", 3, 3, "exact", "", "masked gunmen"},
};

class NumberCaseTest : public ::testing::TestWithParam<NumberCase> {};

TEST_P(NumberCaseTest, ParsesFirstQuantity) {
  const NumberCase& c = GetParam();
  std::string text = c.text;
  std::vector<Quantity> got = NumberExtractor::Extract(text);
  ASSERT_FALSE(got.empty()) << text;
  const Quantity& q = got[0];
  EXPECT_EQ(q.span.In(text), c.span);
  EXPECT_DOUBLE_EQ(q.value, c.value);
  EXPECT_DOUBLE_EQ(q.max, c.max);
  EXPECT_EQ(HedgeName(q.hedge), c.hedge);
  EXPECT_EQ(q.unit, c.unit);
  EXPECT_EQ(q.noun, c.noun);
}

INSTANTIATE_TEST_SUITE_P(Table, NumberCaseTest, ::testing::ValuesIn(kCases));

const char* const kNotQuantities[] = {
    "The war began in 2019.",
    "The vote is on May 4.",
    "Trains leave at 10:30 and 9 p.m.",
    "Call 555-0142 for tickets.",
    "Call (212) 555-0199 today.",
    "1. Bring water.",
    "Lena Ortiz, 52, was hurt.",
    "It was the 3rd attempt.",
    "He flew an F-16 and a G7 jet.",
    "Flight 17 landed safely.",
    "The 2024 election was close.",
    "No one came; it was an important one.",
    "They met one-on-one.",
    "Inflation in the 1990s was high.",
    "The talks ended three days ago.",
    "A 45-year-old man was hurt.",
    "She is 41 years old.",
    "He was 63.",
    "They boarded flight 214 in Lima.",
    "He bought .223 ammunition.",
    "At 10:49 a.m., Aug. 18: the doors shut.",
    "They lost the 1998-99 season and the 1994-95 one.",
    "It was called the \u201cage of marvels.\u201d5 Later scholars disagreed.",
};

TEST(NumberExtractorTest, SkipsNonQuantities) {
  for (const char* t : kNotQuantities) {
    std::string text = t;
    std::vector<Quantity> got = NumberExtractor::Extract(text);
    EXPECT_TRUE(got.empty()) << t << " -> " << (got.empty() ? "" : std::string(got[0].span.In(text)));
  }
}

TEST(NumberExtractorTest, FindsBothCountsOfAList) {
  std::string text = "The rebels fired 9 rockets and about 250 shells at the port.";
  std::vector<Quantity> got = NumberExtractor::Extract(text);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].noun, "rockets");
  EXPECT_EQ(got[1].noun, "shells");
  EXPECT_EQ(got[1].hedge, Hedge::kAbout);
  EXPECT_EQ(got[1].clause.In(text), "The rebels fired 9 rockets and about 250 shells at the port");
}

struct PartCase {
  const char* text;
  bool part;  // of the first quantity
};

const PartCase kParts[] = {
    {"Two of the dead were children.", true},
    {"All but five of those arrested were freed.", true},
    {"Three of them were hurt.", true},
    {"Eight of the 10 provinces voted.", true},
    {"Another 13 people were hurt.", true},
    {"Rescuers found a further 20 bodies.", true},
    {"Two men were hurt.", false},
    {"Five arrested men were freed.", false},
};

TEST(NumberExtractorTest, MarksParts) {
  for (const PartCase& c : kParts) {
    std::string text = c.text;
    std::vector<Quantity> got = NumberExtractor::Extract(text);
    ASSERT_FALSE(got.empty()) << c.text;
    EXPECT_EQ(got[0].part, c.part) << c.text;
  }
}

TEST(NumberExtractorTest, ClauseIsTheCommaPiece) {
  std::string text = "The city, which only hours earlier had counted 700 sirens, said nothing.";
  std::vector<Quantity> got = NumberExtractor::Extract(text);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].clause.In(text), "which only hours earlier had counted 700 sirens");
}

}  // namespace
}  // namespace storyfuse
