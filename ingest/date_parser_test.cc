#include "ingest/date_parser.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

struct DateCase {
  const char* text;
  const char* iso;  // "" when no date should be found
};

class DateParserTest : public ::testing::TestWithParam<DateCase> {};

TEST_P(DateParserTest, FindsIso) {
  const DateCase& c = GetParam();
  std::optional<DateMatch> m = DateParser::Find(c.text);
  if (*c.iso == '\0') {
    EXPECT_FALSE(m.has_value()) << c.text << " -> " << m->iso;
  } else {
    ASSERT_TRUE(m.has_value()) << c.text;
    EXPECT_EQ(m->iso, c.iso) << c.text;
  }
}

INSTANTIATE_TEST_SUITE_P(Forms, DateParserTest,
                         ::testing::Values(DateCase{"2031-03-14", "2031-03-14"},
                                           DateCase{"posted 2031-03-14T09:05:00Z by staff", "2031-03-14T09:05:00Z"},
                                           DateCase{"2031-03-14 09:05 +02:00", "2031-03-14T09:05:00+02:00"},
                                           DateCase{"March 14, 2031", "2031-03-14"},
                                           DateCase{"Mar. 14 2031", "2031-03-14"},
                                           DateCase{"Friday, March 14, 2031", "2031-03-14"},
                                           DateCase{"14 March 2031", "2031-03-14"},
                                           DateCase{"Fri 14 Mar 2031 08:00 GMT", "2031-03-14T08:00:00Z"},
                                           DateCase{"Fri, 14 Mar 2031 08:00:00 +0000", "2031-03-14T08:00:00Z"},
                                           DateCase{"Sept. 2nd, 2030 at 4:15 p.m. EDT", "2030-09-02T16:15:00-04:00"},
                                           DateCase{"Updated 10:32 AM ET, Fri March 14, 2031", "2031-03-14"},
                                           DateCase{"2031/03/14", "2031-03-14"},
                                           DateCase{"03/14/2031", ""},  // numeric day/month order is ambiguous
                                           DateCase{"on March 14 the mayor", ""},  // no year: not a complete date
                                           DateCase{"February 30, 2031", ""},      // no such day
                                           DateCase{"in 2031 the port", ""}, DateCase{"May 2031 budget", ""}));

TEST(DateParserWholeTest, OnlyDates) {
  EXPECT_EQ(DateParser::ParseWhole(" March 14, 2031 |"), "2031-03-14");
  EXPECT_FALSE(DateParser::ParseWhole("March 14, 2031 was cold").has_value());
}

TEST(DateParserMonthTest, Names) {
  EXPECT_EQ(DateParser::MonthNumber("Sept"), 9);
  EXPECT_EQ(DateParser::MonthNumber("dec"), 12);
  EXPECT_EQ(DateParser::MonthNumber("Ma"), 0);
}

}  // namespace
}  // namespace storyfuse
