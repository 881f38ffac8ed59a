#include "feed/feed_discovery.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

TEST(FeedDiscoveryTest, AlternateLinksOfFeedTypes) {
  constexpr char kPage[] = R"html(<!DOCTYPE html><html><head>
<title>The Harbour Gazette</title>
<link rel="stylesheet" href="/site.css">
<link rel="alternate" type="application/rss+xml" title="All news" href="/rss.xml">
<link rel="Alternate" type="Application/Atom+XML; charset=utf-8" href="https://harbourgazette.test/feeds/world.atom">
<link rel="alternate" hreflang="fr" href="/fr/">
<link rel="alternate feed" type="application/feed+json" href="feed.json">
<link rel="alternate" type="application/rss+xml" href="HTTPS://HARBOURGAZETTE.TEST:443/rss.xml#dup">
<link rel="alternate" type="application/rss+xml" href="javascript:void(0)">
<link rel="alternate" type="text/html" href="/mobile/">
</head><body><link rel="alternate" type="application/rdf+xml" href="/index.rdf"><p>Front page</p></body></html>)html";
  auto feeds = FeedDiscovery::FromHtml(kPage, "https://harbourgazette.test/news/");
  struct Want {
    const char* url;
    const char* type;
  };
  const Want kWant[] = {
      {"https://harbourgazette.test/rss.xml", "application/rss+xml"},
      {"https://harbourgazette.test/feeds/world.atom", "application/atom+xml; charset=utf-8"},
      {"https://harbourgazette.test/news/feed.json", "application/feed+json"},
      {"https://harbourgazette.test/index.rdf", "application/rdf+xml"},
  };
  ASSERT_EQ(feeds.size(), std::size(kWant));
  for (size_t i = 0; i < std::size(kWant); ++i) {
    EXPECT_EQ(feeds[i].url, kWant[i].url);
    EXPECT_EQ(feeds[i].type, kWant[i].type);
  }
}

TEST(FeedDiscoveryTest, NothingFromPagesWithoutFeeds) {
  EXPECT_TRUE(FeedDiscovery::FromHtml("", "https://h.test/").empty());
  EXPECT_TRUE(FeedDiscovery::FromHtml("<p>no head at all", "https://h.test/").empty());
  EXPECT_TRUE(FeedDiscovery::FromHtml("<link rel=alternate type=application/rss+xml href=/r>", "").empty());
}

TEST(FeedDiscoveryTest, FeedsAreCapped) {
  std::string page;
  for (size_t i = 0; i < FeedDiscovery::kMaxFeeds + 10; ++i) {
    page += "<link rel=alternate type=application/rss+xml href=/s" + std::to_string(i) + ".xml>";
  }
  EXPECT_EQ(FeedDiscovery::FromHtml(page, "https://h.test/").size(), FeedDiscovery::kMaxFeeds);
}

TEST(FeedDiscoveryTest, CommonPaths) {
  auto paths = FeedDiscovery::CommonPaths("https://coastwire.test/world/today?x=1");
  ASSERT_EQ(paths.size(), 8u);
  EXPECT_EQ(paths[0], "https://coastwire.test/feed");
  EXPECT_EQ(paths[7], "https://coastwire.test/feeds/posts/default");
  EXPECT_TRUE(FeedDiscovery::CommonPaths("ftp://coastwire.test/").empty());
}

TEST(FeedDiscoveryTest, CanonicalUrlIsThePagesOwnOnItsOwnHost) {
  const std::string page = "http://harbor-gazette.test/amp/2031/ferry?utm_source=feed";
  struct Case {
    const char* head;
    const char* want;
  } cases[] = {
      {"<link rel=\"canonical\" href=\"/2031/ferry?utm_medium=x#top\">", "http://harbor-gazette.test/2031/ferry"},
      {"<link rel=\"Canonical\" href=\"https://harbor-gazette.test:443/2031/ferry\">",
       "https://harbor-gazette.test/2031/ferry"},
      {"<link rel=\"canonical\" href=\"https://wire.test/story/1\">", ""},  // a syndicated copy: not merged
      {"<link rel=\"alternate\" href=\"/other\">", ""},
      {"", ""},
      {"<link rel=\"canonical\" href=\"mailto:desk@harbor-gazette.test\">", ""},
  };
  for (const Case& c : cases) {
    std::string html = std::string("<html><head>") + c.head + "</head><body><p>Ferry</p></body></html>";
    EXPECT_EQ(FeedDiscovery::CanonicalUrl(html, page), c.want) << c.head;
  }
}

}  // namespace
}  // namespace storyfuse
