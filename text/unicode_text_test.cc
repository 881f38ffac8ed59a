#include "text/unicode_text.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

TEST(UnicodeTextTest, Utf8PassesThroughWithoutBom) {
  auto r = UnicodeText::ToUtf8(
      "\xEF\xBB\xBF"
      "caf\xC3\xA9");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, "caf\xC3\xA9");
}

TEST(UnicodeTextTest, Latin1IsDetectedAndConverted) {
  std::string latin1 =
      "The minister said the caf\xE9 on the corner of the square was closed "
      "because of the protest, and the r\xE9sum\xE9 of the talks was short.";
  std::string charset;
  auto r = UnicodeText::ToUtf8(latin1, &charset);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_NE(r->find("caf\xC3\xA9"), std::string::npos);
  EXPECT_FALSE(charset.empty());
}

TEST(UnicodeTextTest, Utf16WithBomIsConverted) {
  std::string utf16("\xFF\xFEh\0i\0", 6);
  auto r = UnicodeText::ToUtf8(utf16);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, "hi");
}

TEST(UnicodeTextTest, BinaryIsRejected) {
  std::string bin("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe", 18);
  auto r = UnicodeText::ToUtf8(bin);
  EXPECT_FALSE(r.ok());
}

TEST(UnicodeTextTest, NfcComposes) {
  // e + combining acute -> é
  EXPECT_EQ(UnicodeText::Nfc("e\xCC\x81"), "\xC3\xA9");
  EXPECT_TRUE(UnicodeText::IsNfc("plain"));
  EXPECT_FALSE(UnicodeText::IsNfc("e\xCC\x81"));
}

TEST(UnicodeTextTest, FoldLowersAllScripts) {
  EXPECT_EQ(UnicodeText::Fold("ASEAN Talks"), "asean talks");
  EXPECT_EQ(UnicodeText::Fold("\xC3\x89LYS\xC3\x89"
                              "E"),
            "\xC3\xA9lys\xC3\xA9"
            "e");
}

TEST(UnicodeTextTest, FoldMarksRemovesDiacritics) {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"Hern\u00E1ndez", "hernandez"},
      {"HERNANDEZ", "hernandez"},
      {"\u0141\u00F3d\u017A", "lodz"},               // Łódź
      {"\u015Etefan", "stefan"},                     // Ş, cedilla
      {"\u0218tefan", "stefan"},                     // Ș, comma below (the table missed it)
      {"Nguy\u1EC5n", "nguyen"},                     // ễ, two marks
      {"S\u00F8ren \u00C5", "soren a"},              // ø, Å
      {"\u0110or\u0111e", "dorde"},                  // Đorđe
      {"I\u0307stanbul", "istanbul"},                // combining dot above
      {"Stra\u00DFe", "strasse"},                    // ß folds to ss
      {"\u0411\u0430\u0445", "\u0431\u0430\u0445"},  // Cyrillic: folded only
      {"", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(UnicodeText::FoldMarks(c.in), c.out) << c.in;
}

TEST(UnicodeTextTest, UnknownCharsetIsAnError) {
  EXPECT_FALSE(UnicodeText::ConvertFrom("abc", "no-such-charset").ok());
}

TEST(UnicodeTextTest, WordCharMatchesPythonWordClass) {
  struct Case {
    char32_t cp;
    bool word;
  } cases[] = {
      {U'a', true},      {U'Z', true},       {U'7', true},       {U'_', true},       {U'-', false},
      {U' ', false},     {U'\u2019', false}, {U'\u00e9', true},  {U'\u0436', true},  {U'\u4e2d', true},
      {U'\u0663', true}, {U'\u00bd', true},  {U'\u0301', false}, {U'\u00a0', false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(UnicodeText::IsWordChar(c.cp), c.word) << static_cast<uint32_t>(c.cp);
  }
}

}  // namespace
}  // namespace storyfuse
