#include "feed/opml_reader.h"

#include <gtest/gtest.h>

#include <string>

namespace storyfuse {
namespace {

constexpr char kOpml[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Desk subscriptions</title></head>
  <body>
    <outline text="News">
      <outline text="Regional" title="Regional">
        <outline type="rss" text="Harbour Gazette" xmlUrl="https://harbourgazette.test/rss.xml"
                 htmlUrl="https://harbourgazette.test/"/>
        <outline type="rss" text="Valley Herald" title="The Valley Herald" xmlURL=" https://valleyherald.test/index.rdf "/>
      </outline>
      <outline type="rss" text="Coast Wire" xmlurl="https://coastwire.test/feed.atom"/>
    </outline>
    <outline type="rss" text="Harbour again" xmlUrl="HTTPS://harbourgazette.test:443/rss.xml"/>
    <outline type="rss" text="Broken" xmlUrl="feeds/relative.xml"/>
    <outline type="rss" text="Ledger &amp; Co" xmlUrl="https://northernledger.test/feed.json?a=1&amp;b=2"/>
  </body>
</opml>)";

TEST(OpmlReaderTest, NestedOutlinesWithCategories) {
  auto list = OpmlReader::Parse(kOpml);
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  struct Want {
    const char* url;
    const char* title;
    const char* site;
    const char* category;
  };
  const Want kWant[] = {
      {"https://harbourgazette.test/rss.xml", "Harbour Gazette", "https://harbourgazette.test/", "News/Regional"},
      {"https://valleyherald.test/index.rdf", "The Valley Herald", "", "News/Regional"},
      {"https://coastwire.test/feed.atom", "Coast Wire", "", "News"},
      {"https://northernledger.test/feed.json?a=1&b=2", "Ledger & Co", "", ""},
  };
  ASSERT_EQ(list->feeds.size(), std::size(kWant));
  for (size_t i = 0; i < std::size(kWant); ++i) {
    EXPECT_EQ(list->feeds[i].url, kWant[i].url);
    EXPECT_EQ(list->feeds[i].title, kWant[i].title);
    EXPECT_EQ(list->feeds[i].site_url, kWant[i].site);
    EXPECT_EQ(list->feeds[i].category, kWant[i].category);
  }
  EXPECT_EQ(list->duplicates, 1u);
  ASSERT_EQ(list->errors.size(), 1u);
  EXPECT_EQ(list->errors[0].rfind("outline \"Broken\": not an absolute URL", 0), 0u) << list->errors[0];
}

TEST(OpmlReaderTest, PlainListsToo) {
  auto list = OpmlReader::Parse("https://harbourgazette.test/rss.xml\n# comment\nhttps://coastwire.test/feed.atom\n");
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->feeds.size(), 2u);
  EXPECT_EQ(list->feeds[1].url, "https://coastwire.test/feed.atom");
  auto empty = OpmlReader::Parse("");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->feeds.empty());
}

TEST(OpmlReaderTest, BadInputGetsAClearError) {
  struct Bad {
    std::string input;
    const char* message_part;
  };
  const Bad kBad[] = {
      {"<opml><body><outline text=\"A\">", "truncated XML: the input ends inside <outline>"},
      {"<!DOCTYPE html><html><body>Sign in</body></html>", "an HTML page, not an OPML list"},
      {"<rss version=\"2.0\"><channel/></rss>", "not an OPML list: the root element is <rss> (a feed)"},
      {"<opml version=\"2.0\"><head/></opml>", "OPML without a <body>"},
      {"<opml><body><outline text=\"a\" text=\"b\"/></body></opml>", "malformed XML at line 1"},
      {std::string(OpmlReader::kMaxBytes + 1, '#'), "over the 4 MiB limit"},
  };
  for (const Bad& c : kBad) {
    auto list = OpmlReader::Parse(c.input);
    ASSERT_FALSE(list.ok()) << c.input.substr(0, 60);
    EXPECT_NE(list.status().message().find(c.message_part), std::string::npos)
        << c.message_part << " -> " << list.status().message();
  }
}

TEST(OpmlReaderTest, FeedsAreCapped) {
  std::string opml = "<opml><body>";
  for (size_t i = 0; i < OpmlReader::kMaxFeeds + 3; ++i) {
    opml += "<outline xmlUrl=\"https://h.test/" + std::to_string(i) + "\"/>";
  }
  opml += "</body></opml>";
  auto list = OpmlReader::Parse(opml);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->feeds.size(), OpmlReader::kMaxFeeds);
  EXPECT_TRUE(list->truncated);
}

}  // namespace
}  // namespace storyfuse
