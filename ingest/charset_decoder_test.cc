#include "ingest/charset_decoder.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

TEST(CharsetDecoderTest, ReadsCharsetFromContentType) {
  struct Case {
    const char* header;
    const char* want;
  } cases[] = {
      {"text/html; charset=ISO-8859-1", "ISO-8859-1"},
      {"text/html;charset=\"utf-8\"", "utf-8"},
      {"text/plain; format=flowed; Charset = windows-1250 ", "windows-1250"},
      {"text/html", ""},
      {"", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(CharsetDecoder::FromContentType(c.header), c.want) << c.header;
}

TEST(CharsetDecoderTest, ReadsCharsetFromMeta) {
  struct Case {
    const char* html;
    const char* want;
  } cases[] = {
      {"<html><head><meta charset=\"windows-1251\"><title>x</title>", "windows-1251"},
      {"<HEAD><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=iso-8859-2\">", "iso-8859-2"},
      {"<meta name=viewport content=x><meta charset=koi8-r>", "koi8-r"},
      {"<meta charset='Shift_JIS'/>", "shift_jis"},
      {"<html><body>charset=utf-8 appears in text only</body>", ""},
      {"<p>no meta</p>", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(CharsetDecoder::FromMeta(c.html), c.want) << c.html;
}

TEST(CharsetDecoderTest, MetaBeyondThePrescanWindowIsIgnored) {
  std::string html = "<html><head>" + std::string(5000, ' ') + "<meta charset=koi8-r>";
  EXPECT_EQ(CharsetDecoder::FromMeta(html), "");
}

struct DecodeCase {
  std::string name;
  std::string bytes;
  std::string declared;
  bool html;
  std::string want;
  std::string want_charset;
};

TEST(CharsetDecoderTest, DecodesByDeclarationOrContent) {
  const DecodeCase cases[] = {
      {"utf8 kept", "Caf\xC3\xA9 au lait", "", false, "Caf\xC3\xA9 au lait", "utf-8"},
      {"utf8 despite a latin-1 label", "Caf\xC3\xA9", "iso-8859-1", false, "Caf\xC3\xA9", "utf-8"},
      {"latin-1 label means windows-1252", "Caf\xE9 \x93quoted\x94", "ISO-8859-1", false,
       "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D", "windows-1252"},
      {"meta charset for html",
       "<html><head><meta charset=\"windows-1251\"></head><body>\xCC\xEE\xF1\xEA\xE2\xE0</body>", "", true,
       "<html><head><meta charset=\"windows-1251\"></head><body>"
       "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0</body>",
       "windows-1251"},
      {"header beats meta", "<meta charset=windows-1251><p>Caf\xE9</p>", "windows-1252", true,
       "<meta charset=windows-1251><p>Caf\xC3\xA9</p>", "windows-1252"},
      {"a stray bad byte in utf-8 is repaired",
       "\xC3\xA9t\xC3\xA9 \xC3\xA0 Montr\xC3\xA9"
       "al \xFF end",
       "", false,
       "\xC3\xA9t\xC3\xA9 \xC3\xA0 Montr\xC3\xA9"
       "al \xEF\xBF\xBD end",
       "utf-8"},
      {"utf-16 bom", std::string("\xFF\xFEH\0i\0", 6), "", false, "Hi", ""},
  };
  for (const DecodeCase& c : cases) {
    std::string used;
    Result<std::string> out = CharsetDecoder::ToUtf8(c.bytes, c.declared, c.html, &used);
    ASSERT_TRUE(out.ok()) << c.name << ": " << out.status().ToString();
    EXPECT_EQ(*out, c.want) << c.name;
    if (!c.want_charset.empty()) EXPECT_EQ(used, c.want_charset) << c.name;
  }
}

TEST(CharsetDecoderTest, UndeclaredLatin1IsDetected) {
  std::string text =
      "Le conseil municipal a vot\xE9 hier soir le budget de l'ann\xE9"
      "e prochaine. Les \xE9lus ont d\xE9"
      "battu pendant trois heures avant de d\xE9"
      "cider.";
  Result<std::string> out = CharsetDecoder::ToUtf8(text, "", false);
  ASSERT_TRUE(out.ok());
  EXPECT_NE(out->find("vot\xC3\xA9 hier"), std::string::npos);
}

TEST(CharsetDecoderTest, RejectsBinaryData) {
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  EXPECT_EQ(CharsetDecoder::ToUtf8(png, "", false).status().code(), Status::Code::kInvalidArgument);
  EXPECT_FALSE(CharsetDecoder::ToUtf8(std::string(100, '\0'), "", false).ok());
}

TEST(CharsetDecoderTest, UnknownDeclaredCharsetFallsBackToDetection) {
  Result<std::string> out = CharsetDecoder::ToUtf8("plain ascii", "x-no-such-charset", false);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, "plain ascii");
}

}  // namespace
}  // namespace storyfuse
