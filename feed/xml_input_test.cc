#include "feed/xml_input.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

struct SniffCase {
  const char* bytes;
  bool html;
};

const SniffCase kSniff[] = {
    {"<!DOCTYPE html><html>", true},
    {"\xEF\xBB\xBF  \n<!doctype HTML>", true},
    {"<?xml version=\"1.0\"?><!-- cached --> <HTML lang=en>", true},
    {"<html>", true},
    {"<rss version=\"2.0\">", false},
    {"<htmlish/>", false},
    {"<!-- an unclosed comment <html>", false},
    {"", false},
    {"{\"version\": 1}", false},
};

TEST(XmlInputTest, LooksLikeHtml) {
  for (const SniffCase& c : kSniff) EXPECT_EQ(XmlInput::LooksLikeHtml(c.bytes), c.html) << c.bytes;
}

TEST(XmlInputTest, SkipLeadingSpace) {
  EXPECT_EQ(XmlInput::SkipLeadingSpace("\xEF\xBB\xBF \r\n\t<a/>"), "<a/>");
  EXPECT_EQ(XmlInput::SkipLeadingSpace("  "), "");
}

TEST(XmlInputTest, ParseNamesWhatWasExpected) {
  EXPECT_EQ(XmlInput::Parse(" \n", "sitemap").status().message(), "empty sitemap");
  EXPECT_EQ(XmlInput::Parse("<!DOCTYPE html><p>x", "feed").status().message(), "an HTML page, not a feed");
  EXPECT_EQ(XmlInput::Parse("<html xmlns=\"http://www.w3.org/1999/xhtml\"/>", "OPML list").status().message(),
            "an HTML page, not an OPML list");
  auto doc = XmlInput::Parse("<urlset/>", "sitemap");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->LocalName(doc->Root()), "urlset");
}

TEST(XmlInputTest, DeclaresEncoding) {
  struct Case {
    std::string bytes;
    bool want;
  } cases[] = {
      {"<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss/>", true},
      {"  <?xml version='1.0' encoding='UTF-8'?><rss/>", true},
      {"\xEF\xBB\xBF<rss/>", true},
      {std::string("\xFF\xFE<\0r\0", 6), true},
      {"<?xml version=\"1.0\"?><rss><title>encoding</title></rss>", false},
      {"<rss version=\"2.0\"/>", false},
      {"", false},
  };
  for (const Case& c : cases) EXPECT_EQ(XmlInput::DeclaresEncoding(c.bytes), c.want) << c.bytes;
}

}  // namespace
}  // namespace storyfuse
