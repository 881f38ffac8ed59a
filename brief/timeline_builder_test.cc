#include "brief/timeline_builder.h"

#include <gtest/gtest.h>
#include <time.h>

#include <algorithm>
#include <string>
#include <vector>

namespace storyfuse {
namespace {

TEST(TimelineBuilderTest, RelativeDatesResolveAgainstTheStoryDate) {
  Article dated, undated;
  dated.id = "dated";
  dated.published = {"2031-03-14", "test"};  // a Friday
  dated.text = "The council voted on Thursday to close the old harbour bridge for repairs.";
  undated.id = "undated";
  undated.text = "The council voted on Thursday to close the harbour bridge for repairs, the mayor said.";
  std::vector<StoryMember> members = {{&dated, "", ""}, {&undated, "", ""}};
  AlignedStory view(members);
  std::vector<TimelineEntry> t = TimelineBuilder::Build(view);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].date, "2031-03-13");
  EXPECT_EQ(t[0].granularity, "day");
  EXPECT_EQ(t[0].sources, (std::vector<std::string>{"dated", "undated"}));
}

TEST(TimelineBuilderTest, EntriesAreInDateOrder) {
  Article a;
  a.id = "a";
  a.text = "The bridge opened in May 2029 after a long wait. It first closed in March 2027 for an inspection.";
  std::vector<StoryMember> members = {{&a, "", ""}};
  AlignedStory view(members);
  std::vector<TimelineEntry> t = TimelineBuilder::Build(view);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].date, "2027-03");
  EXPECT_EQ(t[1].date, "2029-05");
}

TEST(TimelineBuilderTest, DatesInsideQuotationsAndRepeatsAreLeftOut) {
  Article a;
  a.id = "a";
  a.published = {"2031-03-14", "test"};
  a.text =
      "\"We finished the survey today and will report in April,\" the engineer said.\n"
      "Divers inspected the piers in January and February.";
  std::vector<StoryMember> members = {{&a, "", ""}};
  AlignedStory view(members);
  std::vector<TimelineEntry> t = TimelineBuilder::Build(view);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].date, "2031-01");
  EXPECT_EQ(t[0].text, "Divers inspected the piers in January and February.");
}

// One article, published 2031-03-14 (a Friday), through the timeline.
std::vector<TimelineEntry> TimelineOf(const std::string& text) {
  Article a;
  a.id = "a";
  a.published = {"2031-03-14", "test"};
  a.text = text;
  std::vector<StoryMember> members = {{&a, "", ""}};
  AlignedStory view(members);
  return TimelineBuilder::Build(view);
}

struct TimelineCase {
  const char* name;
  const char* text;
  const char* date;  // "" when no entry may be made
  const char* granularity;
};

const TimelineCase kTimelineCases[] = {
    {"event date", "The ferry company cancelled all crossings on Monday.", "2031-03-10", "day"},
    {"background date after since",
     "Storms hit the harbour overnight, the worst since the sea wall was built in February 2022.", "", ""},
    {"background date in a relative clause",
     "The mayor, who took office in January, ordered an inspection of the harbour.", "", ""},
    {"the event date, not the background one",
     "The ferry, in service since 2019, ran aground on Wednesday near the pier.", "2031-03-12", "day"},
    {"background date after the first being",
     "This was the second closure this year, the first being in Lisbon in January.", "2031", "year"},
    {"week granularity", "Divers inspected the piers last week.", "2031-W10", "week"},
    {"month granularity", "The council approved the budget in February.", "2031-02", "month"},
    {"published line", "(Published Monday, March 10, 2031)", "", ""},
    {"correction line", "CORRECTION, March 12, 2031: An earlier version misstated the pier's length.", "", ""},
    {"dateline", "PORTHAVEN, March 13 -", "", ""},
    {"promo", "Tune in to Harbour Radio on Monday for a debate on the bridge.", "", ""},
};

void PrintTo(const TimelineCase& c, std::ostream* os) { *os << c.name; }

class TimelineCaseTest : public ::testing::TestWithParam<TimelineCase> {};

TEST_P(TimelineCaseTest, DatesTheEventOnly) {
  const TimelineCase& c = GetParam();
  std::vector<TimelineEntry> t = TimelineOf(c.text);
  if (std::string(c.date).empty()) {
    EXPECT_TRUE(t.empty()) << c.text << " -> " << (t.empty() ? "" : t[0].date);
    return;
  }
  ASSERT_EQ(t.size(), 1u) << c.text;
  EXPECT_EQ(t[0].date, c.date) << c.text;
  EXPECT_EQ(t[0].granularity, c.granularity) << c.text;
}

INSTANTIATE_TEST_SUITE_P(Table, TimelineCaseTest, ::testing::ValuesIn(kTimelineCases));

// A copy without a date of its own reads "Monday" as its source does, even
// when a later report moves the story's date past another Monday.
TEST(TimelineBuilderTest, CopyAgreesWithItsSource) {
  Article source, copy, later;
  source.id = "source";
  source.published = {"2031-03-14", "test"};  // a Friday
  source.text = "The ferry company cancelled all crossings on Monday after the storm.";
  copy.id = "copy";
  copy.text = source.text;
  later.id = "later";
  later.published = {"2031-03-19", "test"};  // the next Wednesday: the story's anchor
  later.text = "Repairs to the pier began on Tuesday, the harbour master said.";
  std::vector<StoryMember> members = {{&source, "", ""}, {&copy, "source", "source"}, {&later, "", ""}};
  AlignedStory view(members);
  const std::vector<DateMention>& of_copy = view.Dates(1);
  ASSERT_EQ(of_copy.size(), 1u);
  EXPECT_EQ(of_copy[0].iso, "2031-03-10");
  std::vector<TimelineEntry> t = TimelineBuilder::Build(view);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].date, "2031-03-10");
  EXPECT_EQ(t[0].sources, (std::vector<std::string>{"source", "copy"}));
  EXPECT_EQ(t[1].date, "2031-03-18");
}

double CpuSeconds() {
  timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

// Many dated sentences, all alike: each used to be compared with every
// entry before it.
double TimelineCpu(size_t sentences) {
  std::string text;
  static const char* const kDays[] = {"Monday", "Tuesday", "Wednesday"};
  for (size_t k = 0; k < sentences; ++k) {
    text += "Crews repaired pier ";
    text += std::to_string(k % 97);
    text += " on ";
    text += kDays[k % 3];
    text += ".\n";
  }
  Article a;
  a.id = "a";
  a.published = {"2031-03-14", "test"};
  a.text = text;
  std::vector<StoryMember> members = {{&a, "", ""}};
  AlignedStory view(members);
  double best = 1e9;
  for (int run = 0; run < 5; ++run) {
    double t0 = CpuSeconds();
    std::vector<TimelineEntry> t = TimelineBuilder::Build(view);
    best = std::min(best, CpuSeconds() - t0);
    EXPECT_FALSE(t.empty());
  }
  return best;
}

// Only Build is timed: the view's alignment is another stage with its own
// test. Sizes stay small because that alignment is built for each.
TEST(TimelineBuilderTest, TimeGrowsLinearlyWithTheInput) {
  constexpr size_t kSmall = 2000;
  constexpr double kMaxGrowth = 6.0;
  double small = TimelineCpu(kSmall);
  double large = TimelineCpu(4 * kSmall);
  EXPECT_LE(large, kMaxGrowth * std::max(small, 1e-4)) << small << " s then " << large << " s";
}

}  // namespace
}  // namespace storyfuse
