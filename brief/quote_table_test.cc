#include "brief/quote_table.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

TEST(QuoteTableTest, SameQuoteCutDifferentlyIsOneQuoteWithVariants) {
  Article a, b, c;
  a.id = "a";
  a.text = "\"We will rebuild the bridge before winter, and we will do it with local crews,\" Mayor Ilse Brandvik said on Monday.";
  b.id = "b";
  b.text = "Mayor Ilse Brandvik said: \"We will rebuild the bridge before winter.\"";
  c.id = "c";
  c.text = "\"The ferry timetable will not change this month,\" port director Oren Vask said.";
  std::vector<StoryMember> members = {{&a, "", ""}, {&b, "", ""}, {&c, "", ""}};
  AlignedStory view(members);
  QuoteTable table;
  std::vector<BriefQuote> quotes = table.Build(view, {});
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].sources, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(quotes[0].variants.size(), 2u);
  EXPECT_NE(quotes[0].text.find("local crews"), std::string::npos);  // the fullest wording
  EXPECT_EQ(quotes[1].sources, (std::vector<std::string>{"c"}));
}

TEST(QuoteTableTest, ShortQuoteInsideALongOneOfOtherWordsStaysApart) {
  Article a, b;
  a.id = "a";
  a.text = "\"The river rose quickly overnight and the levee held, which is what matters most tonight,\" engineer Tova Lind said.";
  b.id = "b";
  b.text = "Residents called the night \"what matters most tonight for the town's future plans\", engineer Tova Lind said.";
  std::vector<StoryMember> members = {{&a, "", ""}, {&b, "", ""}};
  AlignedStory view(members);
  QuoteTable table;
  std::vector<BriefQuote> quotes = table.Build(view, {});
  EXPECT_EQ(quotes.size(), 2u);
}

}  // namespace
}  // namespace storyfuse
