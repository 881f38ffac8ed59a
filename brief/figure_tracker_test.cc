#include "brief/figure_tracker.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "brief/brief_builder.h"
#include "brief/number_table.h"

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

bool AnySentence(std::string_view) { return true; }

// The number sections alone, over a summary given by the test.
StoryBrief BuildNumbers(const std::vector<Report>& reports, std::vector<Statement> summary = {}) {
  std::vector<Article> articles = MakeArticles(reports);
  std::vector<StoryMember> members;
  for (const auto& a : articles) members.push_back({&a, "", ""});
  AlignedStory view(members);
  StoryBrief b;
  b.summary = std::move(summary);
  NumberTable::Build(view, &b, AnySentence);
  return b;
}

std::vector<double> Values(const TrackedFigure& f) {
  std::vector<double> out;
  for (const FigureValue& v : f.values) out.push_back(v.value);
  return out;
}

const TrackedFigure* Find(const StoryBrief& b, const std::string& about) {
  for (const TrackedFigure& f : b.figures) {
    if (f.about == about) return &f;
  }
  return nullptr;
}

const std::vector<Report> kLandslide = {
    {"day1", "2031-03-02",
     "A landslide in the hill town of Varo killed at least 12 people on Sunday, rescuers said.\n"
     "The mud buried 40 houses on the slope above the river."},
    {"day2", "2031-03-03",
     "The death toll from the Varo landslide rose to 31 on Monday, rescuers said.\n"
     "Some 300 residents have been moved to a school."},
    {"day3", "2031-03-04",
     "At least 58 people were killed in the Varo landslide, rescuers said on Tuesday.\n"
     "Rescuers said 9 people were still missing."},
};

TEST(FigureTrackerTest, ARisingTollIsTrackedNewestFirstNotAConflict) {
  StoryBrief b = BuildNumbers(kLandslide);
  EXPECT_TRUE(b.conflicts.empty());
  ASSERT_EQ(b.figures.size(), 1u);
  const TrackedFigure& f = b.figures[0];
  EXPECT_EQ(f.about, "people killed");
  EXPECT_EQ(Values(f), (std::vector<double>{58, 31, 12}));
  EXPECT_EQ(f.values[0].source, "day3");
  EXPECT_EQ(f.values[0].time, "2031-03-04");
  EXPECT_EQ(f.values[0].text, "At least 58 people");
  EXPECT_EQ(f.values[2].time, "2031-03-02");
  for (const FigureValue& v : f.values) EXPECT_GT(v.span.end, v.span.start);
}

TEST(FigureTrackerTest, TheHeadlineFigureJoinsTheSummaryAfterTheLead) {
  Statement lead;
  lead.text = "A landslide buried part of Varo.";
  lead.sources = {"day1"};
  StoryBrief b = BuildNumbers(kLandslide, {lead});
  ASSERT_EQ(b.figures.size(), 1u);
  EXPECT_TRUE(b.figures[0].headline);
  ASSERT_EQ(b.summary.size(), 2u);
  EXPECT_EQ(b.summary[0].text, lead.text);
  EXPECT_EQ(b.summary[1].text, "At least 58 people were killed in the Varo landslide, rescuers said on Tuesday.");
  EXPECT_EQ(b.summary[1].sources, (std::vector<std::string>{"day3"}));
  ASSERT_EQ(b.summary[1].spans.size(), 1u);
  EXPECT_EQ(b.summary[1].spans[0].support, 1);
  EXPECT_EQ(b.summary[1].independent_sources, 1);
}

TEST(FigureTrackerTest, ASummaryStatingTheNewestValueIsLeftAlone) {
  Statement lead;
  lead.text = "At least 58 people were killed in the Varo landslide, rescuers said on Tuesday.";
  lead.sources = {"day3"};
  StoryBrief b = BuildNumbers(kLandslide, {lead});
  ASSERT_EQ(b.figures.size(), 1u);
  EXPECT_TRUE(b.figures[0].headline);
  EXPECT_EQ(b.summary.size(), 1u);
}

TEST(FigureTrackerTest, UndatedReportsAreOrderedLargestFirst) {
  std::vector<Report> undated = kLandslide;
  for (Report& r : undated) r.published = "";
  StoryBrief b = BuildNumbers(undated);
  ASSERT_EQ(b.figures.size(), 1u);
  EXPECT_EQ(Values(b.figures[0]), (std::vector<double>{58, 31, 12}));
  EXPECT_EQ(b.figures[0].values[0].time, "");
}

TEST(FigureTrackerTest, AnArticleGivesItsLargestCountAndBackgroundIsLeftOut) {
  StoryBrief b = BuildNumbers(
      {{"a", "2031-03-02", "The flood in Kesh killed 14 people, including 6 in the old town, police said."},
       {"b", "2031-03-03",
        "The flood in Kesh has killed 20 people, police said.\n"
        "A flood in 2019 killed 300 people in the same valley."}});
  ASSERT_EQ(b.figures.size(), 1u);
  EXPECT_EQ(Values(b.figures[0]), (std::vector<double>{20, 14}));
}

TEST(FigureTrackerTest, AnotherEventsCountIsNotAValue) {
  StoryBrief b =
      BuildNumbers({{"a", "", "Troops fired on marchers near the Kesh barracks on Friday, and 14 people were killed."},
                    {"b", "",
                     "Troops fired on marchers near the Kesh barracks on Friday, killing 22 people, witnesses said.\n"
                     "Historians say 40,000 islanders were killed by occupying armies during the colonial wars."}});
  ASSERT_EQ(b.figures.size(), 1u);
  EXPECT_EQ(Values(b.figures[0]), (std::vector<double>{22, 14}));
}

TEST(FigureTrackerTest, PartsOfACountAreNotValues) {
  // 19 wounded in all; 5 critically and 13 with minor injuries are parts.
  StoryBrief b = BuildNumbers(
      {{"a", "", "The gunman killed six people at the Varo chapel, and 19 people were wounded."},
       {"b", "", "The gunman killed six people at the Varo chapel; five people were critically injured."},
       {"c", "", "The gunman killed six people at the Varo chapel. Another 13 people with minor injuries went home."}});
  EXPECT_TRUE(b.figures.empty()) << b.figures[0].about;
}

TEST(FigureTrackerTest, OneValueReportedEverywhereIsNotTracked) {
  StoryBrief b = BuildNumbers(
      {{"a", "2031-03-02", "The ferry fire near Sundhavn killed 7 people, the coast guard said."},
       {"b", "2031-03-03", "Seven people were killed in the ferry fire near Sundhavn, the coast guard said."}});
  EXPECT_TRUE(b.figures.empty());
}

// A whole invented hurricane story through the brief builder: tolls per
// region and in total, speeds before and after, distances and evacuees.
const std::vector<Report> kHurricane = {
    {"wire1", "2031-10-27",
     "Hurricane Lisle slammed into the coast of Marrow on Tuesday with winds of 180 mph, killing at least 32 "
     "people, officials said.\n"
     "The storm weakened to 80 mph as it moved inland over the hills of Marrow.\n"
     "In the town of Vesk, 12 people were killed when a bridge collapsed.\n"
     "Forecasters said the storm was 120 miles north of Port Arle on Tuesday night."},
    {"post2", "2031-10-29",
     "The death toll from Hurricane Lisle rose to 231 on Thursday as rescuers reached villages in Marrow cut off "
     "by floods.\n"
     "At least 1,500 people were missing, the Marrow government said.\n"
     "The hurricane's winds reached 180 mph at its peak, forecasters said."},
    {"daily3", "2031-10-30",
     "Hurricane Lisle has killed more than 1,000 people in Marrow, officials said on Friday.\n"
     "In the north of Marrow, 300 people died when a mudslide buried a village.\n"
     "More than 500,000 people were evacuated from the coast before the storm."},
    {"times4", "2031-11-02",
     "Hurricane Lisle has killed 6,076 people in Marrow, the government said on Sunday, making it the deadliest "
     "storm in the country's history.\n"
     "About 11,000 people remain missing in Marrow, the government said.\n"
     "Aid flights from Port Arle resumed on Sunday."},
    {"herald5", "2031-11-02",
     "Officials in Marrow said on Sunday that 6,076 people had died in Hurricane Lisle.\n"
     "The storm passed 80 miles from the capital of Marrow, officials said."},
};

TEST(FigureTrackerTest, AHurricaneStoryBriefsItsTollAndNoFalseConflict) {
  std::vector<Article> articles = MakeArticles(kHurricane);
  std::vector<StoryMember> members;
  for (const auto& a : articles) members.push_back({&a, "", ""});
  BriefBuilder builder;
  StoryBrief b = builder.Build("s-1", members);

  EXPECT_TRUE(b.conflicts.empty()) << b.conflicts[0].about;
  const TrackedFigure* killed = Find(b, "people killed");
  ASSERT_NE(killed, nullptr);
  EXPECT_TRUE(killed->headline);
  EXPECT_EQ(Values(*killed), (std::vector<double>{6076, 6076, 1000, 231, 32}));
  const TrackedFigure* missing = Find(b, "people missing");
  ASSERT_NE(missing, nullptr);
  EXPECT_EQ(Values(*missing), (std::vector<double>{11000, 1500}));

  int stating = 0;
  for (const Statement& st : b.summary) stating += st.text.find("6,076") != std::string::npos;
  EXPECT_EQ(stating, 1) << "the newest toll is stated once in the summary";

  ASSERT_FALSE(b.numbers.empty());
  EXPECT_EQ(b.numbers[0].unit, "people") << b.numbers[0].text;
  EXPECT_EQ(b.numbers[0].value, 6076);
  EXPECT_EQ(b.numbers[0].independent_sources, 2);
}

}  // namespace
}  // namespace storyfuse
