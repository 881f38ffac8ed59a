#include "analyze/name_similarity.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storyfuse {
namespace {

struct FoldCase {
  const char* name;
  const char* key;
};

const FoldCase kFoldCases[] = {
    {"Sergéy Ivanov", "sergey ivanov"}, {"U.S.", "us"},
    {"O\u2019Neil", "o'neil"},          {"\u0218tefan Pop", "stefan pop"},  // s with comma below
    {"\u0141\u00f3d\u017a", "lodz"},                                        // stroke letters fold to their base
    {"HERNÁNDEZ", "hernandez"},         {"", ""},
};

class FoldNameTest : public ::testing::TestWithParam<FoldCase> {};

TEST_P(FoldNameTest, SpellingsShareOneKey) { EXPECT_EQ(FoldName(GetParam().name), GetParam().key); }

INSTANTIATE_TEST_SUITE_P(Table, FoldNameTest, ::testing::ValuesIn(kFoldCases));

TEST(JaroWinklerTest, BoundsAndOrder) {
  EXPECT_EQ(JaroWinkler("", "maren"), 0);
  EXPECT_EQ(JaroWinkler("maren", "maren"), 1);
  EXPECT_EQ(JaroWinkler("abc", "xyz"), 0);
  // A transliteration scores above the linker's 0.93; a different name below.
  EXPECT_GT(JaroWinkler("zelenskiy", "zelensky"), 0.93);
  EXPECT_LT(JaroWinkler("okafor", "okonkwo"), 0.88);
  EXPECT_DOUBLE_EQ(JaroWinkler("dvorak", "dvorjak"), JaroWinkler("dvorjak", "dvorak"));
}

TEST(SplitWordsTest, DropsEmptyWords) {
  EXPECT_EQ(SplitWords("port  venn harbour "), (std::vector<std::string>{"port", "venn", "harbour"}));
  EXPECT_TRUE(SplitWords("").empty());
}

struct AcronymCase {
  const char* acronym;
  const char* name;
  bool abbreviates;
};

const AcronymCase kAcronymCases[] = {
    {"asean", "association of southeast asian nations", true},
    {"vwa", "velmora water authority", true},
    {"nasa", "national aeronautics and space administration", true},  // connectors skipped
    {"dod", "department of defense", false},    // a connector's letter is not the name's: a known limit
    {"awv", "velmora water authority", false},  // initials out of order
    {"v", "velmora water", false},              // the acronym must cover two initials
    {"xw", "velmora water authority", false},   // must start with the first initial
};

class AbbreviatesTest : public ::testing::TestWithParam<AcronymCase> {};

TEST_P(AbbreviatesTest, OnlyTheNamesOwnLettersInOrder) {
  const AcronymCase& c = GetParam();
  EXPECT_EQ(Abbreviates(c.acronym, SplitWords(c.name)), c.abbreviates) << c.acronym << " / " << c.name;
}

INSTANTIATE_TEST_SUITE_P(Table, AbbreviatesTest, ::testing::ValuesIn(kAcronymCases));

}  // namespace
}  // namespace storyfuse
