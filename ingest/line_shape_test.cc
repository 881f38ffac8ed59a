#include "ingest/line_shape.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storyfuse {
namespace {

constexpr char kNbsp[] = "\xC2\xA0";
constexpr char kBom[] = "\xEF\xBB\xBF";
constexpr char kZwsp[] = "\xE2\x80\x8B";

TEST(LineShapeTest, TrimDropsAsciiAndUnicodeSpaceAtBothEnds) {
  struct Case {
    std::string in, out;
  } cases[] = {
      {"", ""},
      {"  a b \t", "a b"},
      {std::string(kBom) + "Title" + kNbsp, "Title"},
      {std::string(kNbsp) + kZwsp + " x", "x"},
      {"caf\xC3\xA9", "caf\xC3\xA9"},  // é ends in a byte >= 0x80 that is no space
      {"\xC3\xA0 ", "\xC3\xA0"},
  };
  for (const Case& c : cases) EXPECT_EQ(LineShape::Trim(c.in), c.out) << c.in;
  EXPECT_EQ(LineShape::LeadingSpace(std::string(kNbsp) + " x"), 3u);
}

TEST(LineShapeTest, WordsSplitOnEveryKindOfSpace) {
  std::string line = std::string("Port") + kNbsp + "Elwin\t(Reuters)" + kZwsp + "\xE2\x80\x94 ships";
  std::vector<std::string_view> words = LineShape::Words(line);
  EXPECT_EQ(words, (std::vector<std::string_view>{"Port", "Elwin", "(Reuters)", "\xE2\x80\x94", "ships"}));
  EXPECT_EQ(LineShape::WordCount(line), 5u);
  EXPECT_TRUE(LineShape::Words(" \t ").empty());
  EXPECT_EQ(LineShape::WordCount(""), 0u);
}

TEST(LineShapeTest, WordCountStopsAtItsLimit) {
  struct Case {
    std::string text;
    size_t limit, count;
  } cases[] = {
      {"one two three four", SIZE_MAX, 4},
      {"one two three four", 2, 2},
      {"one two three four", 4, 4},
      {"one two", 5, 2},
      {std::string("a") + kNbsp + "b" + kNbsp + "c", 2, 2},
      {"", 3, 0},
  };
  for (const Case& c : cases) EXPECT_EQ(LineShape::WordCount(c.text, c.limit), c.count) << c.text;
}

TEST(LineShapeTest, WordsStopsAtItsLimit) {
  EXPECT_EQ(LineShape::Words(" one two  three four", 2), (std::vector<std::string_view>{"one", "two"}));
  EXPECT_EQ(LineShape::Words("one two", 5).size(), 2u);
  EXPECT_TRUE(LineShape::Words("one two", 0).empty());
}

TEST(LineShapeTest, EndsSentenceLooksPastClosers) {
  EXPECT_TRUE(LineShape::EndsSentence("He left."));
  EXPECT_TRUE(LineShape::EndsSentence("\"He left.\" "));
  EXPECT_TRUE(LineShape::EndsSentence("He left.\xE2\x80\x9D"));
  EXPECT_FALSE(LineShape::EndsSentence("Ferry fire off Port Elwin"));
  EXPECT_FALSE(LineShape::EndsSentence(""));
}

TEST(LineShapeTest, LowerChangesAsciiOnly) {
  EXPECT_EQ(LineShape::Lower("\xC3\x89T\xC3\x89 Port"), "\xC3\x89t\xC3\x89 port");
}

}  // namespace
}  // namespace storyfuse
