#include "ingest/credit_parser.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

TEST(CreditParserTest, ClosingCredits) {
  std::string line = "The mayor said the bridge would reopen. (ANI)";
  auto c = CreditParser::ParseClosing(line);
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->agency, "ANI");
  EXPECT_EQ(line.substr(c->begin), " (ANI)");

  auto dash = CreditParser::ParseClosing("Crews worked overnight. \xE2\x80\x94 AFP");
  ASSERT_TRUE(dash.has_value());
  EXPECT_EQ(dash->agency, "AFP");

  auto whole = CreditParser::ParseClosing("(With inputs from PTI)");
  ASSERT_TRUE(whole.has_value());
  EXPECT_EQ(whole->begin, 0u);
  EXPECT_EQ(whole->agency, "PTI");

  EXPECT_FALSE(CreditParser::ParseClosing("The council met (briefly).").has_value());
  EXPECT_FALSE(CreditParser::ParseClosing("The network said (CNN)").has_value());
}

TEST(CreditParserTest, Contributions) {
  auto wire = CreditParser::ParseContribution("The Associated Press contributed to this report.");
  ASSERT_TRUE(wire.has_value());
  EXPECT_EQ(wire->agency, "AP");
  auto person = CreditParser::ParseContribution("Harbor Ledger's Ana Pereira contributed to this report.");
  ASSERT_TRUE(person.has_value());
  EXPECT_EQ(person->agency, "");
  auto editing = CreditParser::ParseContribution("(Reporting by Ana Pereira; Editing by Tom Lee)");
  ASSERT_TRUE(editing.has_value());
  EXPECT_EQ(editing->agency, "");
  auto additional = CreditParser::ParseContribution("Additional reporting by Reuters");
  ASSERT_TRUE(additional.has_value());
  EXPECT_EQ(additional->agency, "Reuters");
  EXPECT_FALSE(CreditParser::ParseContribution("Three firms contributed money to the fund.").has_value());
}

}  // namespace
}  // namespace storyfuse
