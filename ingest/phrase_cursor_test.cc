#include "ingest/phrase_cursor.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

TEST(PhraseCursorTest, EatMovesOnlyOnSuccess) {
  PhraseCursor c("this story has been updated");
  EXPECT_FALSE(c.Eat("the "));
  EXPECT_EQ(c.pos(), 0u);
  EXPECT_TRUE(c.Eat("this "));
  EXPECT_EQ(c.pos(), 5u);
  EXPECT_TRUE(c.LookingAt("story"));
  EXPECT_EQ(c.pos(), 5u);
  EXPECT_EQ(c.Peek(), 's');
  PhraseCursor end("ab", 7);  // clamped to the end
  EXPECT_TRUE(end.AtEnd());
  EXPECT_EQ(end.Peek(), '\0');
}

TEST(PhraseCursorTest, EatOneOfTakesTheFirstThatFits) {
  struct Case {
    const char* text;
    bool whole_word;
    int index;  // into {"photo", "photograph", "image"}
    size_t pos;
  } cases[] = {
      {"photo of", false, 0, 5},      {"photograph of", false, 0, 5},  // a prefix is enough
      {"photograph of", true, 1, 10},                                  // but not as a whole word
      {"photos", true, -1, 0},        {"image.", true, 2, 5},         {"imagery", false, 2, 5}, {"", false, -1, 0},
  };
  for (const Case& k : cases) {
    PhraseCursor c(k.text);
    EXPECT_EQ(c.EatOneOf({"photo", "photograph", "image"}, k.whole_word), k.index) << k.text;
    EXPECT_EQ(c.pos(), k.pos) << k.text;
  }
}

TEST(PhraseCursorTest, DigitsAndLettersAreGreedyWithinTheirLimits) {
  struct Case {
    const char* text;
    size_t min, max;
    bool ok;
    size_t pos;
  } digits[] = {
      {"1:42", 1, 2, true, 1},  {"01:42", 1, 2, true, 2}, {"123", 1, 2, true, 2},
      {"2031.", 4, 4, true, 4}, {"203.", 4, 4, false, 0}, {"x1", 1, 2, false, 0},
  };
  for (const Case& k : digits) {
    PhraseCursor c(k.text);
    EXPECT_EQ(c.EatDigits(k.min, k.max), k.ok) << k.text;
    EXPECT_EQ(c.pos(), k.pos) << k.text;
  }
  PhraseCursor letters("sept. 2");
  EXPECT_TRUE(letters.EatLetters(1));
  EXPECT_EQ(letters.pos(), 4u);
  EXPECT_TRUE(letters.EatLetters(0));  // none, and none needed
  EXPECT_FALSE(letters.EatLetters(1));
  EXPECT_EQ(letters.pos(), 4u);
}

TEST(PhraseCursorTest, BoundaryIsBetweenWordAndNonWordBytes) {
  struct Case {
    const char* text;
    size_t pos;
    bool boundary;
  } cases[] = {
      {"is pictured", 0, true},
      {"is pictured", 2, true},
      {"is pictured", 1, false},
      {"is pictured", 11, true},
      {"this", 2, false},
      {"a_b", 1, false},
      {"caf\xC3\xA9 x", 3, true},  // bytes >= 0x80 are not word
                                   // bytes
      {"", 0, false},
      {"  ", 1, false},
  };
  for (const Case& k : cases)
    EXPECT_EQ(PhraseCursor(k.text, k.pos).AtBoundary(), k.boundary) << k.text << " @" << k.pos;
}

}  // namespace
}  // namespace storyfuse
