#include "cluster/story_linker.h"

#include <gtest/gtest.h>

#include "cluster/test_stories.h"

namespace storyfuse {
namespace {

using test_stories::Make;

// The boundary falls between 2024-03-02 and 2024-03-03: one quake's two
// reports land in two partitions, each its own story there.
TEST(StoryLinker, JoinsOneEventSplitAtTheBoundary) {
  StoryLinker linker;
  linker.Add(Make("a1", test_stories::kQuakeA1, "2024-03-02"), StoryLinker::kEarlier, "s-1");
  linker.Add(Make("br", test_stories::kBridge, "2024-03-01"), StoryLinker::kEarlier, "s-2");
  linker.Add(Make("a2", test_stories::kQuakeA2, "2024-03-03"), StoryLinker::kLater, "s-1");
  linker.Add(Make("t1", test_stories::kTalksMar1, "2024-03-04"), StoryLinker::kLater, "s-2");
  std::vector<StoryLink> links = linker.Links();
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].earlier, "s-1");
  EXPECT_EQ(links[0].later, "s-1");
  EXPECT_GE(links[0].score, StoryIndexOptions().join_threshold);
  EXPECT_EQ(linker.compared(), 4u);
}

// Another quake of the same kind (other place, people, magnitude) is not
// the same story, nor is the same quake's report months apart.
TEST(StoryLinker, KeepsEventsOfAKindAndDistantStoriesApart) {
  StoryLinker linker;
  linker.Add(Make("a1", test_stories::kQuakeA1, "2024-03-02"), StoryLinker::kEarlier, "s-1");
  linker.Add(Make("b1", test_stories::kQuakeB1, "2024-03-03"), StoryLinker::kLater, "s-1");
  linker.Add(Make("b2", test_stories::kQuakeB2, "2024-03-04"), StoryLinker::kLater, "s-1");
  linker.Add(Make("a2", test_stories::kQuakeA2, "2024-06-03"), StoryLinker::kLater, "s-2");
  EXPECT_TRUE(linker.Links().empty());
}

// Undated stories have no span to compare: never joined.
TEST(StoryLinker, LeavesUndatedStoriesAlone) {
  StoryLinker linker;
  linker.Add(Make("a1", test_stories::kQuakeA1), StoryLinker::kEarlier, "s-1");
  linker.Add(Make("a2", test_stories::kQuakeA2), StoryLinker::kLater, "s-1");
  linker.Add(Make("x", test_stories::kBridge, "2024-03-01"), StoryLinker::kLater, "");  // no story: skipped
  EXPECT_TRUE(linker.Links().empty());
  EXPECT_EQ(linker.compared(), 0u);
}

}  // namespace
}  // namespace storyfuse
