#include "brief/citation_support.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

const StatementMatcher& M() { return StatementMatcher::Shipped(); }

float Support(const char* claim, const char* span) {
  CitationSupport s(M());
  return s.Score(M().Read(claim), M().Read(span));
}

bool Supports(const char* claim, const char* span) { return CitationSupport(M()).Supports(Support(claim, span)); }

TEST(CitationSupportTest, ContainmentScoresReachTheOperatingPoint) {
  // A span holding the claim scores its covered share, which must pass.
  EXPECT_GE(CitationSupport::kContainedShare, M().threshold());
}

// Invented (claim, span, supported) cases; the span may say more.
struct Case {
  const char* claim;
  const char* span;
  bool supported;
  const char* why;
};

const Case kCases[] = {
    {"The Corvale council approved emergency funds for the flooded harbour district.",
     "After a three-hour session on Tuesday, the Corvale council approved emergency funds for the flooded "
     "harbour district, and its chair said repairs would start within days.",
     true, "the claim inside a longer sentence"},
    {"The Corvale council approved emergency funds for the flooded harbour district.",
     "The Corvale council approved emergency funds for the flooded harbour district.", true, "the same sentence"},
    {"Ferry services between Amsel and Brokk resumed on Friday after a week of storms.",
     "Officials said ferry services between Amsel and Brokk resumed on Friday after a week of storms, though "
     "the night crossing stays cancelled.",
     true, "a longer sentence with an attribution and a clause"},
    {"\"The harbour is flooded and the pumps have failed,\" said Jana Orlova.",
     "\"The harbour is flooded and the roads are closed,\" said Piet Demmers.", false,
     "two quotes of two people in the same frame"},
    {"\"The water came in within minutes,\" said Jana Orlova, a ferry captain.",
     "\"The water came in within minutes,\" said Piet Demmers, a harbour guard.", false,
     "the same words credited to someone else"},
    {"Fuel prices in Marenta rose sharply in March.", "Fuel prices in Marenta fell sharply in March.", false,
     "opposite verbs"},
    {"The Corvale council approved emergency funds for the flooded harbour district.",
     "The Corvale council rejected emergency funds for the flooded harbour district.", false, "approved / rejected"},
    {"The Corvale council approved emergency funds for the flooded harbour district on Tuesday.",
     "The Corvale council postponed any decision on emergency funds for the flooded harbour district on "
     "Tuesday.",
     false, "approved / postponed a decision"},
    {"The storm killed 32 people in Velda province.", "The storm killed 23 people in Velda province.", false,
     "a different number"},
    {"The storm killed 32 people in Velda province, officials said on Monday.",
     "The storm killed at least 300 people in Velda province.", false, "a different number, other words"},
    {"Police in Amsel said 59 people were pulled from the wreck and six more died in hospital.",
     "Police in Amsel said 59 people were pulled from the wreck and one more died in hospital.", false,
     "a number word differs"},
    {"Like Mayor Ilse Varga, some residents of Amsel fear the dam will fail.",
     "Some residents of Amsel fear the dam will fail.", false, "the span leaves out who else fears it"},
    {"The Tarsk minister will attend the Velda summit.", "The Tarsk minister will not attend the Velda summit.", false,
     "negation"},
    {"Rescuers in Velda province found 12 fishermen alive on Sunday.",
     "Rescuers in Velda province found 12 fishermen dead on Sunday.", false, "alive / dead"},
    {"The Tarsk minister met her Velda counterpart in Amsel on Thursday.",
     "The Tarsk minister met her Velda counterpart in Amsel on Wednesday.", false, "another weekday"},
    {"The Tarsk minister met her Velda counterpart in Amsel on Thursday.",
     "The Tarsk minister met her Velda counterpart in Brokk on Thursday.", false, "another place"},
    {"The Tarsk minister met her Velda counterpart in Amsel on Thursday and discussed grain exports.",
     "The Tarsk minister met her Velda counterpart.", false, "the span says less than the claim"},
    {"Orlova said the ferry company never paid the harbour fees for the north terminal.",
     "The ferry company never paid the harbour fees for the north terminal.", false,
     "the span leaves out who says so (a name opening the sentence)"},
    {"Orlova said the ferry company never paid the harbour fees for the north terminal.",
     "Jana Orlova said on Monday that the ferry company never paid the harbour fees for the north terminal.", true,
     "the speaker named in the span"},
    {"The ferry itself comes with what she calls a dungeon.", "The ferry appears to include a dungeon.", false,
     "the span hedges what the claim states"},
    {"Varga abused her powers by asking the port police to detain Orlova in Amsel, says Brenner, but the plan failed.",
     "According to Brenner, Varga abused her powers and asked the port police to detain Orlova in Amsel.", false,
     "the span lacks the claim's last clause"},
};

class CitationSupportCaseTest : public testing::TestWithParam<Case> {};

TEST_P(CitationSupportCaseTest, Decides) {
  const Case& c = GetParam();
  EXPECT_EQ(Supports(c.claim, c.span), c.supported)
      << c.why << "\n  claim: " << c.claim << "\n  span:  " << c.span << "\n  support " << Support(c.claim, c.span);
}

INSTANTIATE_TEST_SUITE_P(Invented, CitationSupportCaseTest, testing::ValuesIn(kCases));

TEST(CitationSupportTest, IsDirectional) {
  const char* claim = "The Corvale council approved emergency funds for the flooded harbour district.";
  const char* longer =
      "After a three-hour session on Tuesday, the Corvale council approved emergency funds for the flooded "
      "harbour district, and its chair said repairs would start within days.";
  EXPECT_TRUE(Supports(claim, longer));
  EXPECT_FALSE(Supports(longer, claim)) << "the short sentence does not state the long one's day and chair";
}

}  // namespace
}  // namespace storyfuse
