#include "text/ascii_chars.h"

#include <gtest/gtest.h>

#include <string>

namespace storyfuse {
namespace {

// Every byte: the classes agree with the C locale's <cctype>, the one
// definition the rest of the tree relied on before these helpers, and bytes
// at or above 0x80 (UTF-8 lead and trail bytes) are never letters or space.
TEST(AsciiCharsTest, EveryByteMatchesTheCLocale) {
  for (int b = 0; b < 256; ++b) {
    char c = static_cast<char>(b);
    bool ascii = b < 0x80;
    EXPECT_EQ(IsAsciiUpper(c), ascii && b >= 'A' && b <= 'Z') << b;
    EXPECT_EQ(IsAsciiLower(c), ascii && b >= 'a' && b <= 'z') << b;
    EXPECT_EQ(IsAsciiDigit(c), ascii && b >= '0' && b <= '9') << b;
    EXPECT_EQ(IsAsciiSpace(c), b == ' ' || (b >= '\t' && b <= '\r')) << b;
    EXPECT_EQ(IsHtmlSpace(c), IsAsciiSpace(c) && b != '\v') << b;
    EXPECT_EQ(AsciiLower(c), IsAsciiUpper(c) ? static_cast<char>(b + 32) : c) << b;
    EXPECT_EQ(AsciiUpper(c), IsAsciiLower(c) ? static_cast<char>(b - 32) : c) << b;
  }
}

TEST(AsciiCharsTest, StringHelpers) {
  struct Case {
    std::string in, lower, trimmed;
  };
  const Case kCases[] = {
      {"", "", ""},
      {"Content-Type", "content-type", "Content-Type"},
      {" \t\r\n\f\vHost: A \v\n", " \t\r\n\f\vhost: a \v\n", "Host: A"},
      {"\xC3\x89TAT Caf\xC3\xA9", "\xC3\x89tat caf\xC3\xA9", "\xC3\x89TAT Caf\xC3\xA9"},  // only ASCII folds
      {"\xC2\xA0x\xC2\xA0", "\xC2\xA0x\xC2\xA0", "\xC2\xA0x\xC2\xA0"},  // no-break space is not ASCII space
      {"   ", "   ", ""},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(AsciiLower(std::string_view(c.in)), c.lower) << c.in;
    EXPECT_EQ(TrimAsciiSpace(c.in), c.trimmed) << c.in;
  }
  EXPECT_TRUE(AsciiEqualsNoCase("Chunked", "chUNKED"));
  EXPECT_FALSE(AsciiEqualsNoCase("chunked", "chunke"));
  EXPECT_FALSE(AsciiEqualsNoCase("\xC3\x89", "\xC3\xA9"));
}

}  // namespace
}  // namespace storyfuse
