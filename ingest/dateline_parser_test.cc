#include "ingest/dateline_parser.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

struct DatelineCase {
  const char* text;
  bool found;
  const char* place;
  const char* credit;
  const char* rest;  // text after the dateline
};

class DatelineParserTest : public ::testing::TestWithParam<DatelineCase> {};

TEST_P(DatelineParserTest, Parses) {
  const DatelineCase& c = GetParam();
  std::optional<Dateline> d = DatelineParser::Parse(c.text);
  ASSERT_EQ(d.has_value(), c.found) << c.text;
  if (!d) return;
  EXPECT_EQ(d->place, c.place);
  EXPECT_EQ(d->credit, c.credit);
  EXPECT_EQ(std::string_view(c.text).substr(d->length), c.rest);
}

INSTANTIATE_TEST_SUITE_P(
    Forms, DatelineParserTest,
    ::testing::Values(
        DatelineCase{"PORT ELWIN, Norvania (Reuters) \xE2\x80\x94 The ferry sank.", true, "PORT ELWIN, Norvania",
                     "Reuters", "The ferry sank."},
        DatelineCase{"VELDA (AP) _ Rescuers dug.", true, "VELDA", "AP", "Rescuers dug."},
        DatelineCase{"(Channel Nine) \xE2\x80\x94 Talks resumed.", true, "", "Channel Nine", "Talks resumed."},
        DatelineCase{"OSTRAVO, March 3 (Reuters) - Prices rose.", true, "OSTRAVO", "Reuters", "Prices rose."},
        DatelineCase{"NEW HALDEN \xE2\x80\x94 A jury ruled.", true, "NEW HALDEN", "", "A jury ruled."},
        DatelineCase{"Port Elwin [Norvania], March 3 (ANI): The minister spoke.", true, "Port Elwin, Norvania", "ANI",
                     "The minister spoke."},
        DatelineCase{"Port Elwin - the town - flooded.", false, "", "", ""},
        DatelineCase{"NATO and the EU met on Monday.", false, "", "", ""},
        DatelineCase{"I think so, she said.", false, "", "", ""}));

}  // namespace
}  // namespace storyfuse
