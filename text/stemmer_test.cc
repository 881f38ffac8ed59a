#include "text/stemmer.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

TEST(StemmerTest, EnglishStems) {
  Stemmer s;
  const std::pair<const char*, const char*> cases[] = {
      {"Meetings", "meet"},
      {"talks", "talk"},
      {"frustration", "frustrat"},
      {"Ministers", "minist"},
  };
  for (auto [word, stem] : cases) EXPECT_EQ(s.Stem(word), stem) << word;
}

TEST(StemmerTest, LanguageCodesAndFallback) {
  Stemmer de("de");
  EXPECT_EQ(de.Stem("Häuser"), "haus");
  Stemmer unknown("klingon");
  EXPECT_EQ(unknown.Stem("walking"), "walk");
}

}  // namespace
}  // namespace storyfuse
