#include "feed/url_list_parser.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

TEST(UrlListParserTest, ReadsLinesSkipsCommentsAndReportsBadOnes) {
  UrlList list = UrlListParser::Parse(
      "\xEF\xBB\xBF# feeds I follow\r\n"
      "https://harbourgazette.test/rss.xml\r\n"
      "\r\n"
      "   https://coastwire.test/feed.atom   \n"
      "ftp://files.test/feed\n"
      "not a url\n"
      "HTTPS://HarbourGazette.test:443/rss.xml#x\n"
      "https://valleyherald.test/index.rdf",
      100);
  ASSERT_EQ(list.urls.size(), 3u);
  EXPECT_EQ(list.urls[0].url, "https://harbourgazette.test/rss.xml");
  EXPECT_EQ(list.urls[0].line, 2u);
  EXPECT_EQ(list.urls[1].url, "https://coastwire.test/feed.atom");
  EXPECT_EQ(list.urls[2].url, "https://valleyherald.test/index.rdf");
  EXPECT_EQ(list.urls[2].line, 8u);
  EXPECT_EQ(list.duplicates, 1u);
  ASSERT_EQ(list.errors.size(), 2u);
  EXPECT_EQ(list.errors[0], "line 5: not an http(s) URL: scheme ftp");
  EXPECT_EQ(list.errors[1].rfind("line 6: not an absolute URL", 0), 0u) << list.errors[1];
  EXPECT_FALSE(list.truncated);
}

TEST(UrlListParserTest, CapsUrlsAndErrors) {
  std::string text;
  for (int i = 0; i < 300; ++i) text += "junk " + std::to_string(i) + "\n";
  for (int i = 0; i < 20; ++i) text += "https://h.test/" + std::to_string(i) + "\n";
  UrlList list = UrlListParser::Parse(text, 10);
  EXPECT_EQ(list.urls.size(), 10u);
  EXPECT_TRUE(list.truncated);
  ASSERT_EQ(list.errors.size(), UrlListParser::kMaxErrors + 1);
  EXPECT_EQ(list.errors.back(), "... and 200 more bad lines");
  EXPECT_EQ(list.bad_lines, 300u);
}

}  // namespace
}  // namespace storyfuse
