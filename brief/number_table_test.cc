#include "brief/number_table.h"

#include "brief/statement_matcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace storyfuse {
namespace {

// Invented reports: every outlet, person and place is fictional.
struct Report {
  const char* id;
  const char* published;  // "" for none
  const char* text;
};

std::vector<Article> MakeArticles(const std::vector<Report>& reports) {
  std::vector<Article> out;
  for (const Report& r : reports) {
    Article a;
    a.id = r.id;
    a.text = r.text;
    a.published = {r.published, r.published[0] ? "test" : ""};
    out.push_back(std::move(a));
  }
  return out;
}

// Every sentence reads on its own in these tests.
bool AnySentence(std::string_view) { return true; }

StoryBrief BuildTable(const std::vector<Report>& reports, std::vector<Statement> summary = {}) {
  std::vector<Article> articles = MakeArticles(reports);
  std::vector<StoryMember> members;
  for (const auto& a : articles) members.push_back({&a, "", ""});
  AlignedStory view(members);
  StoryBrief b;
  b.summary = std::move(summary);
  NumberTable::Build(view, &b, AnySentence);
  return b;
}

std::string Describe(const StoryBrief& b) {
  std::string out;
  for (const Conflict& c : b.conflicts) {
    out += "conflict " + c.about + ":";
    for (const ConflictValue& v : c.values) out += " [" + v.text + "]";
    out += "\n";
  }
  return out;
}

// ---- numbers ----

TEST(NumberTableTest, SameValueFromTwoArticlesIsOneNumberWithBothSpans) {
  StoryBrief b = BuildTable({{"a", "", "The storm destroyed 120 homes in the valley on Sunday."},
                             {"b", "", "Officials said 120 homes in the valley were destroyed by the storm."}});
  ASSERT_FALSE(b.numbers.empty());
  const BriefNumber& n = b.numbers[0];
  EXPECT_EQ(n.value, 120);
  EXPECT_EQ(n.sources, (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(n.spans.size(), 2u);
  EXPECT_EQ(n.spans[0].article, "a");
  EXPECT_EQ(n.spans[0].support, 1);
  EXPECT_EQ(n.spans[1].article, "b");
  EXPECT_GE(n.spans[1].support, StatementMatcher::Shipped().threshold());
  EXPECT_LE(n.spans[1].support, 1);
  EXPECT_EQ(n.independent_sources, 2);
  EXPECT_TRUE(b.conflicts.empty());
}

TEST(NumberTableTest, ASentenceThatDoesNotStateTheFigureInContextIsNotCited) {
  // The same value of the same thing, but the other sentence says the
  // opposite happened to it, or credits it to another person.
  StoryBrief b = BuildTable({{"a", "", "The port council approved 40 new berths for the ferry fleet on Tuesday."},
                             {"b", "", "The port council rejected 40 new berths for the ferry fleet."}});
  for (const BriefNumber& n : b.numbers) {
    if (n.value == 40) EXPECT_EQ(n.sources.size(), 1u) << n.text;
  }
}

TEST(NumberTableTest, TheSameValueInAnotherSenseIsNotCited) {
  // "two years" in prison and "two years" since the last trial.
  StoryBrief b =
      BuildTable({{"a", "", "The dissident Oren Vask served two years in a labour camp after the strikes."},
                  {"b", "", "Prosecutors opened the country's first treason trial in two years against the editors."}});
  int two_years = 0;
  for (const BriefNumber& n : b.numbers) {
    if (n.value != 2 || n.unit != "year") continue;
    ++two_years;
    EXPECT_EQ(n.sources.size(), 1u) << n.text;
    EXPECT_EQ(n.spans.size(), 1u) << n.text;
  }
  EXPECT_EQ(two_years, 2);
}

TEST(NumberTableTest, TwoSalesFiguresAreTwoNumbers) {
  StoryBrief b = BuildTable(
      {{"a", "", "The novel by Teodor Ashe sold more than 800,000 copies in its first week, its publisher said."},
       {"b", "", "The novel by Teodor Ashe has sold more than 11 million copies worldwide, its publisher said."}});
  ASSERT_EQ(b.numbers.size(), 2u);
  for (const BriefNumber& n : b.numbers) EXPECT_EQ(n.sources.size(), 1u) << n.text;
  EXPECT_TRUE(b.conflicts.empty()) << Describe(b);
}

TEST(NumberTableTest, PeopleAffectedRankAboveDistancesAndSpeeds) {
  StoryBrief b = BuildTable(
      {{"a", "",
        "Hurricane Lisle, with winds of 150 mph, was 200 miles south of the cape on Friday, moving at 12 mph.\n"
        "Its eye was 30 miles wide and its rain bands stretched 400 miles.\n"
        "At least 32 people were killed on the islands, officials said."},
       {"b", "",
        "Hurricane Lisle was moving at 12 mph, 200 miles south of the cape, with winds of 150 mph.\n"
        "Officials said at least 32 people were killed on the islands."}});
  ASSERT_FALSE(b.numbers.empty());
  EXPECT_EQ(b.numbers[0].value, 32) << b.numbers[0].text;
  EXPECT_EQ(b.numbers[0].unit, "people");
}

// ---- conflicts ----

struct ConflictCase {
  const char* name;
  std::vector<Report> reports;
  std::vector<double> values;  // of the one expected conflict, ascending; empty: none
};

void PrintTo(const ConflictCase& c, std::ostream* os) { *os << c.name; }

const ConflictCase kConflictCases[] = {
    // Real disagreements: the same measure of the same thing at the same time.
    {"nominations 16 / 17 / nearly 20",
     {{"a", "", "Mara Quell, the Tessaly singer, has earned 16 Grammy nominations over her career."},
      {"b", "", "The Tessaly singer Mara Quell has earned 17 Grammy nominations over her career."},
      {"c", "", "Mara Quell, the singer from Tessaly, has earned nearly 20 Grammy nominations over her career."}},
     {16, 17, 20}},
    {"one shot's distance 2,310 / 2,300 / 2,286 m",
     {{"a", "", "The Varnian marksman hit the gunman from 2,310 metres, a record for the army."},
      {"b", "", "The Varnian marksman hit the gunman from 2,300 metres, a record for the army."},
      {"c", "", "The Varnian marksman hit the gunman from 2,286 metres, a record for the army."}},
     {2286, 2300, 2310}},
    {"homes destroyed 120 / 310",
     {{"a", "", "The storm destroyed 120 homes in the valley on Sunday, officials said."},
      {"b", "", "The storm destroyed 310 homes in the valley on Sunday, officials said."}},
     {120, 310}},
    // Not conflicts.
    {"a part and its whole",
     {{"a", "", "The ministry lent the Kesh shipyard $535 million on Friday under its shipbuilding programme."},
      {"b", "",
       "The ministry's shipbuilding programme, which lent the Kesh shipyard money on Friday, is worth $31.98 "
       "billion."}},
     {}},
    {"a before and after in one article",
     {{"a", "", "Hurricane Lisle weakened from 180 mph to 80 mph as it crossed the coast of Marrow on Friday."},
      {"b", "", "Hurricane Lisle crossed the coast of Marrow on Friday with winds of 180 mph."},
      {"c", "", "Hurricane Lisle crossed the coast of Marrow on Friday with winds of 80 mph."}},
     {}},
    {"speed against distance",
     {{"a", "", "Hurricane Lisle crossed the coast of Marrow on Friday with winds of 180 mph."},
      {"b", "", "Hurricane Lisle crossed the coast of Marrow on Friday, 80 miles from the capital."}},
     {}},
    {"two men's prison terms",
     {{"a", "", "Oren Vask served two years in prison after the strikes, his lawyer said."},
      {"b", "", "Ilse Marrow served three years in prison after the strikes, her lawyer said."}},
     {}},
    {"different days",
     {{"a", "2031-03-04", "The ferry from Sundhavn carried 212 passengers on Monday, the port said."},
      {"b", "2031-03-04", "The ferry from Sundhavn carried 180 passengers on Tuesday, the port said."}},
     {}},
    {"consistent hedges",
     {{"a", "", "Rebels launched a record 614 rockets at the border towns overnight."},
      {"b", "", "Rebels launched more than 600 rockets at the border towns overnight."}},
     {}},
    {"a rising toll",
     {{"a", "2031-03-02", "A landslide in the hill town of Varo killed at least 12 people on Sunday, rescuers said."},
      {"b", "2031-03-03", "The landslide in the hill town of Varo has killed 31 people, rescuers said on Monday."},
      {"c", "2031-03-04", "The landslide in the hill town of Varo has killed at least 58 people, rescuers said."}},
     {}},
};

class ConflictCaseTest : public ::testing::TestWithParam<ConflictCase> {};

TEST_P(ConflictCaseTest, FlagsOnlyTheSameQuantity) {
  const ConflictCase& c = GetParam();
  StoryBrief b = BuildTable(c.reports);
  if (c.values.empty()) {
    EXPECT_TRUE(b.conflicts.empty()) << Describe(b);
    return;
  }
  ASSERT_EQ(b.conflicts.size(), 1u) << Describe(b);
  std::vector<double> values;
  for (const ConflictValue& v : b.conflicts[0].values) {
    values.push_back(v.value);
    ASSERT_EQ(v.spans.size(), v.sources.size()) << v.text;
    for (const SourceSpan& s : v.spans) EXPECT_GT(s.end, s.start);
  }
  EXPECT_EQ(values, c.values) << Describe(b);
}

INSTANTIATE_TEST_SUITE_P(Table, ConflictCaseTest, ::testing::ValuesIn(kConflictCases));

}  // namespace
}  // namespace storyfuse
