#include "ingest/photo_credit.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/credit_parser.h"

namespace storyfuse {
namespace {

struct SlashCase {
  const char* text;
  bool credit;
};

class SlashCreditTest : public ::testing::TestWithParam<SlashCase> {};

TEST_P(SlashCreditTest, Shape) {
  EXPECT_EQ(PhotoCredit::IsSlashCredit(GetParam().text), GetParam().credit) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, SlashCreditTest,
    ::testing::Values(SlashCase{"REUTERS/Ana Pereira", true}, SlashCase{"Ana Pereira/Reuters", true},
                      SlashCase{"Ana Pereira/AFP/Getty Images", true}, SlashCase{"REUTERS/KCNA/Files", true},
                      SlashCase{"Tobias Renn/Getty", true}, SlashCase{"Mira Castell/The Harbor Ledger", true},
                      SlashCase{"(Ana Pereira/Pool)", true},
                      // Not photo credits: two agencies, numbers, words, spaced slashes, prose.
                      SlashCase{"AP/Reuters", false}, SlashCase{"24/7", false}, SlashCase{"and/or", false},
                      SlashCase{"Harbor Ledger/ Port Elwin/ News", false}, SlashCase{"AC/DC", false},
                      SlashCase{"the ferry/bus link opened in Port Elwin", false},
                      SlashCase{"https://harborledger.nv/news", false}));

TEST(PhotoCreditTest, TrailingCredits) {
  using sv = std::string_view;
  std::string line = "Cranes stand idle at the north terminal on March 3, 2031. REUTERS/Ana Pereira";
  EXPECT_EQ(PhotoCredit::TrailingStart(line), line.find("REUTERS"));
  line = "Mira Castell greets the crew in Port Elwin. Tobias Renn/The Harbor Ledger";
  EXPECT_EQ(PhotoCredit::TrailingStart(line), line.find("Tobias"));
  line = "The pier on Monday, March 3, 2031. (AP Photo/Ana Pereira, File) (Associated Press)";
  EXPECT_EQ(PhotoCredit::TrailingStart(line), line.find("(AP Photo"));
  line = "Crews lift the pilings. (Photo by Ana Pereira/Getty Images)";
  EXPECT_EQ(PhotoCredit::TrailingStart(line), line.find("(Photo by"));
  // Story text: a slash inside a sentence, an agency credit, a party tag.
  EXPECT_EQ(PhotoCredit::TrailingStart("The ferry/bus link opened on Monday, the authority said."), sv::npos);
  EXPECT_EQ(PhotoCredit::TrailingStart("The authority said the repairs would cost 4 million. (Reuters)"), sv::npos);
  EXPECT_EQ(PhotoCredit::TrailingStart("Representative Ana Pereira (R-NV) voted against the plan."), sv::npos);
}

TEST(PhotoCreditTest, CaptionRunIntoTheLead) {
  std::string line =
      "In this March 3, 2031, file photo, crews lift pilings in Port Elwin. (AP Photo/Ana Pereira, File) The harbor "
      "authority said on Tuesday that the north terminal would close.";
  size_t n = PhotoCredit::CaptionPrefixLength(line);
  EXPECT_EQ(line.substr(n), " The harbor authority said on Tuesday that the north terminal would close.");
  // A credit closing the line leaves nothing to split off.
  EXPECT_EQ(PhotoCredit::CaptionPrefixLength("Crews lift pilings in Port Elwin. (AP Photo/Ana Pereira)"), 0u);
}

TEST(PhotoCreditTest, CreditOpeningItsCaption) {
  std::string line = "Ana Pereira/Getty The harbor master said the ferry would sail on Friday.";
  EXPECT_EQ(line.substr(0, PhotoCredit::LeadingLength(line)), "Ana Pereira/Getty");
  EXPECT_EQ(PhotoCredit::LeadingLength("Tobias Renn/AFP/Getty Images Crews lift pilings in Port Elwin."),
            std::string("Tobias Renn/AFP/Getty").size());
  // Not a credit: a list, a ratio, or no capitalized word after it.
  EXPECT_EQ(PhotoCredit::LeadingLength("Port Elwin/Velda ferry fares rise on Monday."), 0u);
  EXPECT_EQ(PhotoCredit::LeadingLength("The harbor's 24/7 service resumes on Friday."), 0u);
  EXPECT_EQ(PhotoCredit::LeadingLength("Ana Pereira/Getty"), 0u);
}

TEST(PhotoCreditTest, APhotoCreditNeverNamesTheWire) {
  EXPECT_FALSE(CreditParser::ParseClosing("REUTERS/Ana Pereira").has_value());
  EXPECT_FALSE(CreditParser::ParseClosing("(Reuters/Ana Pereira)").has_value());
  // A story's own agency credit still does.
  ASSERT_TRUE(CreditParser::ParseClosing("(Reuters)").has_value());
  EXPECT_EQ(CreditParser::ParseClosing("(Reuters)")->agency, "Reuters");
}

}  // namespace
}  // namespace storyfuse
