#include "text/abbreviations.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

TEST(AbbreviationsTest, MatchesAsWrittenOrInCapitals) {
  struct Case {
    const char* word;
    bool abbreviation;
  };
  const Case cases[] = {
      {"Gov.", true},  {"Gov", true},   {"GOV.", true},    {"gov.", false},  {"Calif.", true},
      {"ill.", false}, {"Ill.", true},  {"ore", false},    {"no.", false},   {"No.", true},
      {"a.m.", true},  {"A.M.", true},  {"p.m", true},     {"vs.", true},    {"U.S.", true},
      {"u.s.", false}, {"Sens.", true}, {"Messrs.", true}, {"Govt.", false}, {"", false},
  };
  for (const Case& c : cases) EXPECT_EQ(IsAbbreviation(c.word), c.abbreviation) << c.word;
}

TEST(AbbreviationsTest, InitialIsOneCapital) {
  EXPECT_TRUE(IsInitial("A."));
  EXPECT_TRUE(IsInitial("K"));
  EXPECT_FALSE(IsInitial("a."));
  EXPECT_FALSE(IsInitial("AB."));
  EXPECT_FALSE(IsInitial("5."));
}

TEST(AbbreviationsTest, EveryEntryEndsWithPeriodAndMatchesItself) {
  for (std::string_view a : Abbreviations()) {
    ASSERT_FALSE(a.empty());
    EXPECT_EQ(a.back(), '.') << a;
    EXPECT_TRUE(IsAbbreviation(a)) << a;
  }
}

}  // namespace
}  // namespace storyfuse
