#include "brief/number_table.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

Article Make(const std::string& id, const std::string& text) {
  Article a;
  a.id = id;
  a.text = text;
  return a;
}

struct Built {
  std::vector<BriefNumber> numbers;
  std::vector<Conflict> conflicts;
};

Built BuildTable(const std::vector<Article>& articles) {
  std::vector<StoryMember> members;
  for (const auto& a : articles) members.push_back({&a, "", ""});
  AlignedStory view(members);
  Built b;
  NumberTable::Build(view, &b.numbers, &b.conflicts);
  return b;
}

TEST(NumberTableTest, SameValueFromTwoArticlesIsOneNumberWithBothSources) {
  std::vector<Article> a = {Make("a", "The storm destroyed 120 homes in the valley on Sunday."),
                            Make("b", "Officials said 120 homes in the valley were destroyed by the storm.")};
  Built b = BuildTable(a);
  ASSERT_FALSE(b.numbers.empty());
  EXPECT_EQ(b.numbers[0].value, 120);
  EXPECT_EQ(b.numbers[0].sources, (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(b.conflicts.empty());
}

TEST(NumberTableTest, ConsistentHedgesAreNotConflicts) {
  std::vector<Article> a = {Make("a", "Rebels launched a record 614 rockets at the border towns overnight."),
                            Make("b", "Rebels launched more than 600 rockets at the border towns overnight.")};
  Built b = BuildTable(a);
  EXPECT_TRUE(b.conflicts.empty());
  EXPECT_EQ(b.numbers.size(), 2u);
}

TEST(NumberTableTest, IncompatibleValuesForTheSameEventConflict) {
  std::vector<Article> a = {Make("a", "The storm destroyed 120 homes in the valley on Sunday, officials said."),
                            Make("b", "The storm destroyed 310 homes in the valley on Sunday, officials said.")};
  Built b = BuildTable(a);
  ASSERT_EQ(b.conflicts.size(), 1u);
  EXPECT_EQ(b.conflicts[0].values.size(), 2u);
}

TEST(NumberTableTest, DifferentEventsWithDifferentValuesDoNotConflict) {
  std::vector<Article> a = {Make("a", "The storm destroyed 120 homes in the valley on Sunday."),
                            Make("b", "A fire at the port last year destroyed 40 homes near the docks.")};
  Built b = BuildTable(a);
  EXPECT_TRUE(b.conflicts.empty());
}

TEST(NumberTableTest, RoundedFiguresAllowTheirRoundingAsTheAlignerSays) {
  // "700" is a round figure (650..750): 712 agrees with it, 900 does not.
  std::vector<Article> a = {Make("a", "The storm destroyed 700 homes in the valley on Sunday, officials said."),
                            Make("b", "The storm destroyed 712 homes in the valley on Sunday, officials said.")};
  EXPECT_TRUE(BuildTable(a).conflicts.empty());
  a[1] = Make("b", "The storm destroyed 900 homes in the valley on Sunday, officials said.");
  EXPECT_EQ(BuildTable(a).conflicts.size(), 1u);
}

}  // namespace
}  // namespace storyfuse
