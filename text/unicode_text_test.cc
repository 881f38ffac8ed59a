#include "text/unicode_text.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <string>
#include <vector>

#include "text/utf8.h"

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

// IsNfc answers some texts without ICU's UTF-16 copy (Latin and General
// Punctuation); it must answer exactly as ICU does on the copy, for every
// code point of those ranges and their neighbours, alone, after a letter,
// and before a combining mark; and for ill-formed bytes.
TEST(UnicodeTextTest, IsNfcAgreesWithIcu) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  ASSERT_TRUE(U_SUCCESS(status));
  auto icu_says = [&](const std::string& s) {
    UErrorCode st = U_ZERO_ERROR;
    return static_cast<bool>(nfc->isNormalized(icu::UnicodeString::fromUTF8(s), st));
  };
  std::vector<std::string> texts;
  auto add_around = [&texts](char32_t cp) {
    std::string c;
    AppendUtf8(cp, &c);
    for (const std::string& t :
         {c, "a" + c, c + "\xCC\x81", "e" + c + "\xCC\x81", c + "e\xCC\x81", "\xE2\x80\x9C" + c}) {
      texts.push_back(t);
    }
  };
  for (char32_t cp = 0x80; cp < 0x400; ++cp) add_around(cp);
  for (char32_t cp = 0x1FF0; cp < 0x2090; ++cp) add_around(cp);
  for (char32_t cp : {0x1100, 0x1161, 0x11A8, 0xAC00, 0x3099, 0x309A, 0xFFFD}) add_around(cp);
  for (std::string bad : {"\xC3", "\xE2\x80", "\xE2\x80\xE2\x80\x99", "\xC0\xAF", "\xED\xA0\x80", "\x80\xCC\x81",
                          "e\xE2\x80\x99\xCC\x81", "\xC3\xE2\x80\x99"}) {
    texts.push_back(bad);
    texts.push_back("a" + bad + "b");
  }
  for (const std::string& t : texts) EXPECT_EQ(UnicodeText::IsNfc(t), icu_says(t)) << t;
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
