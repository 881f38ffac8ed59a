#include "brief/timeline_builder.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

TEST(TimelineBuilderTest, RelativeDatesResolveAgainstTheStoryDate) {
  Article dated, undated;
  dated.id = "dated";
  dated.published = {"2031-03-14", "test"};  // a Friday
  dated.text = "The council voted on Thursday to close the old harbour bridge for repairs.";
  undated.id = "undated";
  undated.text = "The harbour bridge will be closed for repairs after the council voted on Thursday.";
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

}  // namespace
}  // namespace storyfuse
