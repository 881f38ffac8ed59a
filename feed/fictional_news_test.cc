#include "feed/fictional_news.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "feed/feed_parser.h"
#include "feed/url_canonicalizer.h"
#include "ingest/article_extractor.h"

namespace storyfuse {
namespace {

const char kOrigin[] = "http://127.0.0.1:9";

FictionalNews::Options Small() {
  FictionalNews::Options o;
  o.hosts = 4;
  o.feeds = 16;
  o.pages = 120;
  o.stories = 12;
  return o;
}

TEST(FictionalNewsTest, SameOptionsSameBytes) {
  FictionalNews a(Small()), b(Small());
  ASSERT_EQ(a.pages().size(), 120u);
  for (int i = 0; i < 120; i += 17) EXPECT_EQ(a.PageHtml(i, kOrigin), b.PageHtml(i, kOrigin));
  for (size_t f = 0; f < a.feeds().size(); ++f) {
    EXPECT_EQ(a.FeedBody(static_cast<int>(f), kOrigin), b.FeedBody(static_cast<int>(f), kOrigin));
  }
  FictionalNews::Options other = Small();
  other.seed = 7;
  EXPECT_NE(FictionalNews(other).PageHtml(0, kOrigin), a.PageHtml(0, kOrigin));
}

TEST(FictionalNewsTest, PagesAreInPublicationOrderSpreadOverStoriesHostsAndFeeds) {
  FictionalNews news(Small());
  std::map<int, int> per_story;
  std::set<std::string> paths;
  for (size_t i = 0; i < news.pages().size(); ++i) {
    const FictionalNews::Page& p = news.pages()[i];
    ++per_story[p.story];
    EXPECT_TRUE(paths.insert(p.path).second) << p.path;
    if (i > 0) EXPECT_LE(news.pages()[i - 1].published, p.published);
  }
  EXPECT_EQ(per_story.size(), 12u);
  for (const auto& [story, n] : per_story) EXPECT_EQ(n, 10) << story;
  ASSERT_EQ(news.feeds().size(), 16u);
  std::vector<int> in_feeds(news.pages().size(), 0);
  std::set<int> hosts;
  for (const FictionalNews::Feed& f : news.feeds()) {
    hosts.insert(f.host);
    for (int p : f.pages) {
      ++in_feeds[p];
      EXPECT_EQ(news.pages()[p].host, f.host);
    }
  }
  EXPECT_EQ(hosts.size(), 4u);
  for (int n : in_feeds) EXPECT_EQ(n, 1);
}

TEST(FictionalNewsTest, EveryFeedParsesAndItsItemsAgreeWithTheirPages) {
  FictionalNews news(Small());
  std::map<std::string, int> page_of;
  for (size_t i = 0; i < news.pages().size(); ++i) page_of[kOrigin + news.pages()[i].path] = static_cast<int>(i);
  std::set<FictionalNews::FeedKind> kinds;
  std::set<int> listed;
  int repeats = 0;
  for (size_t f = 0; f < news.feeds().size(); ++f) {
    const FictionalNews::Feed& feed = news.feeds()[f];
    kinds.insert(feed.kind);
    std::string url = kOrigin + feed.path;
    Result<Feed> parsed = FeedParser::Parse(news.FeedBody(static_cast<int>(f), kOrigin), url);
    ASSERT_TRUE(parsed.ok()) << feed.path << ": " << parsed.status().message();
    EXPECT_EQ(parsed->title, news.OutletName(feed.host));
    EXPECT_GE(parsed->items.size(), feed.pages.size()) << feed.path;
    for (const FeedItem& item : parsed->items) {
      Result<std::string> canonical = UrlCanonicalizer::Canonicalize(item.link);
      ASSERT_TRUE(canonical.ok()) << item.link;
      auto it = page_of.find(*canonical);
      ASSERT_NE(it, page_of.end()) << item.link;
      const FictionalNews::Page& p = news.pages()[it->second];
      EXPECT_EQ(item.title, p.title);
      EXPECT_EQ(item.published, p.published) << feed.path;
      EXPECT_EQ(item.author, p.author);
      if (!listed.insert(it->second).second) ++repeats;
    }
  }
  EXPECT_EQ(kinds.size(), 4u);
  EXPECT_EQ(listed.size(), news.pages().size());
  EXPECT_GT(repeats, 0) << "the top feeds repeat items of the others";
}

TEST(FictionalNewsTest, FeedsListOnlyWhatIsPublished) {
  FictionalNews news(Small());
  size_t items = 0;
  for (size_t f = 0; f < news.feeds().size(); ++f) {
    Result<Feed> parsed = FeedParser::Parse(news.FeedBody(static_cast<int>(f), kOrigin, 30), kOrigin);
    ASSERT_TRUE(parsed.ok());
    for (const FeedItem& item : parsed->items) {
      std::string path = item.link.substr(std::string(kOrigin).size());
      auto p = std::find_if(news.pages().begin(), news.pages().end(),
                            [&](auto& pg) { return item.link.find(pg.path) != std::string::npos; });
      ASSERT_NE(p, news.pages().end()) << path;
      EXPECT_LT(p - news.pages().begin(), 30);
    }
    items += parsed->items.size();
  }
  EXPECT_GE(items, 30u);
}

TEST(FictionalNewsTest, PagesAreArticlesWithTheFeedsMetadata) {
  FictionalNews news(Small());
  ArticleExtractor extractor;
  for (int i : {0, 1, 57, 119}) {
    const FictionalNews::Page& p = news.pages()[i];
    RawDoc doc;
    doc.source = p.path;
    doc.id = "page";
    doc.format = DocFormat::kHtml;
    doc.bytes = news.PageHtml(i, kOrigin);
    Result<Article> a = extractor.Extract(doc);
    ASSERT_TRUE(a.ok()) << a.status().message();
    EXPECT_EQ(a->title, p.title);
    EXPECT_EQ(a->url, kOrigin + p.path);
    EXPECT_EQ(a->published.iso, p.published);
    ASSERT_EQ(a->authors.size(), 1u);
    EXPECT_EQ(a->authors[0], p.author);
    EXPECT_EQ(a->outlet, news.OutletName(p.host));
    EXPECT_GT(a->text.size(), 500u) << a->text;
    EXPECT_EQ(a->text.find("About us"), std::string::npos) << a->text;
  }
}

}  // namespace
}  // namespace storyfuse
