#include "ingest/byline_parser.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

TEST(BylineParserTest, AuthorsAndOutlet) {
  auto b = BylineParser::Parse("By Mira Castell and Tobias Renn, Harbor Ledger");
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(b->authors, (std::vector<std::string>{"Mira Castell", "Tobias Renn"}));
  EXPECT_EQ(b->outlet, "Harbor Ledger");
}

TEST(BylineParserTest, ListOfThreeIsNotAnOutlet) {
  auto b = BylineParser::Parse("By Ana Pereira, Tom Lee and Eve Ng");
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(b->authors.size(), 3u);
  EXPECT_EQ(b->outlet, "");
}

TEST(BylineParserTest, JobTitleAndDateFields) {
  auto b = BylineParser::Parse("By Ana Pereira, Staff Writer | Updated March 14, 2031");
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(b->authors, std::vector<std::string>{"Ana Pereira"});
  EXPECT_EQ(b->outlet, "");
  EXPECT_EQ(b->date_iso, "2031-03-14");
}

TEST(BylineParserTest, RejectsProse) {
  EXPECT_FALSE(BylineParser::Parse("By Tuesday, the river had risen.").has_value());
  EXPECT_FALSE(BylineParser::Parse("By the end of the week").has_value());
  EXPECT_FALSE(BylineParser::Parse("Bystanders ran").has_value());
}

TEST(BylineParserTest, Labels) {
  EXPECT_TRUE(BylineParser::IsLabel("Published by"));
  EXPECT_TRUE(BylineParser::IsLabel("Author:"));
  EXPECT_FALSE(BylineParser::IsLabel("Published by the city"));
}

}  // namespace
}  // namespace storyfuse
