#include "text/utf8.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

struct ValidityCase {
  std::string input;
  size_t first_invalid;
};

TEST(Utf8Test, FindInvalidUtf8) {
  const size_t npos = std::string_view::npos;
  const ValidityCase cases[] = {
      {"", npos},
      {"plain ascii", npos},
      {"caf\xC3\xA9", npos},
      {"\xE2\x80\x9Cquote\xE2\x80\x9D", npos},
      {"\xF0\x9F\x98\x80", npos},
      {"ab\xC3", 2},            // truncated
      {"\xC0\xAF", 0},          // overlong
      {"x\xED\xA0\x80", 1},     // surrogate
      {"ok\xFF", 2},            // never valid
      {"\xF4\x90\x80\x80", 0},  // above U+10FFFF
  };
  for (const auto& c : cases) {
    EXPECT_EQ(FindInvalidUtf8(c.input), c.first_invalid) << c.input;
  }
}

TEST(Utf8Test, DecodeAndAppendRoundTrip) {
  for (char32_t cp : {U'a', U'\u00e9', U'\u201c', U'\U0001F600'}) {
    std::string s;
    AppendUtf8(cp, &s);
    size_t pos = 0;
    EXPECT_EQ(DecodeUtf8(s, &pos), cp);
    EXPECT_EQ(pos, s.size());
  }
}

TEST(Utf8Test, CodePointIndexCountsCharactersNotBytes) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "\xC3\xA9x";  // "éx" repeated
  CodePointIndex index(text);
  EXPECT_EQ(index.ToCodePoint(0), 0u);
  EXPECT_EQ(index.ToCodePoint(2), 1u);  // after é
  EXPECT_EQ(index.ToCodePoint(3), 2u);  // after éx
  EXPECT_EQ(index.ToCodePoint(300), 200u);
  EXPECT_EQ(index.ToCodePoint(static_cast<uint32_t>(text.size())), 400u);
  EXPECT_EQ(index.ToCodePoint(100000), 400u);
}

}  // namespace
}  // namespace storyfuse
