#include "pipeline/feed_follower.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>

#include "feed/fictional_news_server.h"
#include "feed/local_test_server.h"
#include "feed/url_canonicalizer.h"
#include "feed/warc_writer.h"
#include "ingest/article_extractor.h"
#include "ingest/input_reader.h"
#include "pipeline/store_story_repository.h"
#include "store/article_store.h"

namespace storyfuse {
namespace {

using std::chrono::milliseconds;

// A page of an invented outlet that the extractor takes as an article.
std::string ArticlePage(int n) {
  std::string town = n % 2 ? "Marrowvale" : "Ostrin Bay";
  std::string html = "<html><head><title>Flood gates open at " + town + " weir " + std::to_string(n) +
                     "</title></head><body><article><h1>Flood gates open at " + town + " weir " + std::to_string(n) +
                     "</h1>";
  const char* paragraphs[] = {
      "Engineers opened the flood gates at the weir on Tuesday after three days of heavy rain raised the river "
      "by two metres, the regional water board said.",
      "\"We had no choice but to release the water before the night shift,\" said Edda Florin, the board's chief "
      "engineer, speaking to reporters at the lock keeper's house.",
      "Residents of the lower terraces were asked to move cars and livestock to higher ground, and the ferry "
      "between the two banks stopped running at noon.",
      "The board expects the level to fall by Friday if the rain eases, though forecasters warned of another band "
      "of showers moving in from the west.",
  };
  for (const char* p : paragraphs) html += "<p>" + std::string(p) + " Report " + std::to_string(n) + ".</p>";
  return html + "</article></body></html>";
}

std::string Rss(const std::string& title, const std::vector<std::pair<std::string, std::string>>& items) {
  std::string x = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>" + title + "</title>";
  for (const auto& [guid, link] : items) {
    x += "<item><guid isPermaLink=\"false\">" + guid + "</guid><link>" + link + "</link><title>Item " + guid +
         "</title></item>";
  }
  return x + "</channel></rss>";
}

class FeedFollowerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ =
        (std::filesystem::temp_directory_path() / ("feed_follower_test_" + std::to_string(getpid()) + ".db")).string();
    Cleanup();
    httplib::Server& s = server_.server();
    s.Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("User-agent: *\nDisallow: /private/\n", "text/plain");
    });
    s.Get(R"(/news/(\d+))", [this](const httplib::Request& req, httplib::Response& res) {
      ++page_requests_;
      res.set_content(ArticlePage(std::stoi(req.matches[1])), "text/html; charset=utf-8");
    });
    s.Get("/good.xml", [this](const httplib::Request& req, httplib::Response& res) {
      if (req.get_header_value("If-None-Match") == "\"g1\"") {
        res.status = 304;
        return;
      }
      res.set_header("ETag", "\"g1\"");
      res.set_content(Rss("Marrowvale Ledger", {{"a1", "/news/1"},
                                                {"a2", "/news/2?utm_source=rss"},
                                                {"a3", "/news/3"},
                                                {"p", "/private/4"},
                                                {"n", "/not-article"},
                                                {"w", "/latin1"}}),
                      "application/rss+xml");
    });
    s.Get("/guids.xml", [this](const httplib::Request&, httplib::Response& res) {
      // A new GUID on every fetch for the same pages.
      std::string g = std::to_string(++guid_fetches_);
      res.set_content(Rss("Ostrin Bay Herald", {{"x" + g, "/news/2"}, {"y" + g, "/news/5"}}), "application/rss+xml");
    });
    s.Get("/pages.xml", [this](const httplib::Request&, httplib::Response& res) {
      res.set_content(Rss("Trouble Post", {{"b", "/big"},
                                           {"z", "/bomb"},
                                           {"s", "/stall"},
                                           {"d", "/drip"},
                                           {"g", "/gone"},
                                           {"l", "/loop-a"},
                                           {"e", "/error"},
                                           {"k", "/news/6"}}),
                      "application/rss+xml");
    });
    s.Get("/truncated.xml", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Cut</title><item><title>Hal",
                      "application/rss+xml");
    });
    s.Get(R"(/amp/news/(\d+))", [this](const httplib::Request& req, httplib::Response& res) {
      ++page_requests_;
      std::string n = req.matches[1];
      std::string page = ArticlePage(std::stoi(n));
      page.insert(page.find("</head>"), "<link rel=\"canonical\" href=\"/news/" + n + "\">");
      res.set_content(page, "text/html; charset=utf-8");
    });
    s.Get("/amp.xml", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(Rss("Marrowvale Ledger AMP", {{"m1", "/amp/news/1"}, {"m8", "/amp/news/8"}}),
                      "application/rss+xml");
    });
    s.Get("/plain.xml", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(Rss("Marrowvale Ledger", {{"p8", "/news/8"}}), "application/rss+xml");
    });
    s.Get("/cp1251.xml", [](const httplib::Request&, httplib::Response& res) {
      // "Вести" in windows-1251, no XML declaration: only the header says.
      res.set_content(Rss("\xC2\xE5\xF1\xF2\xE8", {{"c9", "/news/9"}}), "application/rss+xml; charset=windows-1251");
    });
    s.Get("/malformed.xml", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(
          "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Bad</title><item><title>A</item>"
          "</channel></rss>",
          "application/rss+xml");
    });
    s.Get("/html-feed", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("<!DOCTYPE html><html><body><p>Welcome to our home page</p></body></html>", "text/html");
    });
    s.Get("/site", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(
          "<!DOCTYPE html><html><head><title>Marrowvale Ledger</title><link rel=\"alternate\" "
          "type=\"application/rss+xml\" href=\"/good.xml\"></head><body><p>Front page</p></body></html>",
          "text/html");
    });
    s.Get("/gone", [](const httplib::Request&, httplib::Response& res) { res.status = 410; });
    s.Get("/error", [](const httplib::Request&, httplib::Response& res) { res.status = 500; });
    s.Get("/loop-a", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/loop-b"); });
    s.Get("/loop-b", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/loop-a"); });
    s.Get("/stall", [this](const httplib::Request&, httplib::Response& res) {
      server_.SleepUnlessStopping(milliseconds(3000));
      res.set_content(ArticlePage(90), "text/html");
    });
    s.Get("/drip", [this](const httplib::Request&, httplib::Response& res) {
      res.set_chunked_content_provider("text/html", [this](size_t, httplib::DataSink& sink) {
        server_.SleepUnlessStopping(milliseconds(50));
        if (server_.stopping()) return false;
        sink.write("<p>", 3);
        return true;
      });
    });
    s.Get("/big", [](const httplib::Request&, httplib::Response& res) {
      // 50 MB, streamed: the fetcher must stop at its cap, not read it all.
      res.set_chunked_content_provider("text/html", [sent = size_t{0}](size_t, httplib::DataSink& sink) mutable {
        static const std::string chunk(64 * 1024, 'a');
        if (sent >= size_t{50} << 20) {
          sink.done();
          return true;
        }
        sent += chunk.size();
        return sink.write(chunk.data(), chunk.size());
      });
    });
    s.Get("/bomb", [this](const httplib::Request&, httplib::Response& res) {
      res.set_header("Content-Encoding", "gzip");
      res.set_content(bomb_, "application/octet-stream");
    });
    s.Get("/not-article", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("<html><body><form><input name=q></form><a href=/>Home</a></body></html>", "text/html");
    });
    s.Get("/latin1", [](const httplib::Request&, httplib::Response& res) {
      // windows-1252 bytes (é = 0xE9) labelled UTF-8: a wrong charset.
      std::string page = ArticlePage(7);
      page.insert(page.find("</article>"), "<p>The caf\xE9 on the quay stayed open.</p>");
      res.set_content(page, "text/html; charset=utf-8");
    });
    bomb_ = LocalTestServer::Gzip(std::string(size_t{64} << 20, '\0'));
    ASSERT_TRUE(server_.Start());
  }
  void TearDown() override { Cleanup(); }
  void Cleanup() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }

  Crawler::Options Options() {
    Crawler::Options o;
    o.fetch.total_timeout = milliseconds(700);
    o.fetch.max_body_bytes = size_t{1} << 20;
    o.schedule.min_delay_s = 0;
    o.max_attempts = 1;
    return o;
  }

  // One round over `feeds` on a fresh crawler (as a restarted process).
  FollowStats RoundOver(const std::vector<std::string>& feeds) {
    Result<std::unique_ptr<StoreStoryRepository>> repo = StoreStoryRepository::Open(path_, 0);
    EXPECT_TRUE(repo.ok()) << repo.status().message();
    Result<std::unique_ptr<FeedStore>> store = FeedStore::Open(path_);
    EXPECT_TRUE(store.ok());
    for (const std::string& f : feeds) EXPECT_TRUE((*store)->Add(server_.Url(f), "").ok());
    Crawler crawler(Options());
    FeedFollower follower(store->get(), &crawler,
                          [&](std::vector<RawDoc> docs) { return (*repo)->Ingest(std::move(docs)); });
    Result<FollowStats> stats = follower.Round();
    EXPECT_TRUE(stats.ok()) << stats.status().message();
    return stats.ok() ? *stats : FollowStats();
  }

  std::map<std::string, FeedRecord> Feeds() {
    std::map<std::string, FeedRecord> out;
    Result<std::unique_ptr<FeedStore>> store = FeedStore::Open(path_);
    EXPECT_TRUE(store.ok());
    Result<std::vector<FeedRecord>> all = (*store)->List();
    EXPECT_TRUE(all.ok());
    for (FeedRecord& f : *all) out[f.url] = f;
    return out;
  }

  std::string path_;
  LocalTestServer server_;
  std::string bomb_;
  std::atomic<int> page_requests_{0};
  std::atomic<int> guid_fetches_{0};
};

TEST_F(FeedFollowerTest, StoresNewPagesOnceAndSecondRoundFetchesNoPage) {
  FollowStats first = RoundOver({"/good.xml", "/guids.xml"});
  EXPECT_EQ(first.feeds, 2u);
  EXPECT_EQ(first.feed_errors, 0u);
  // /news/1, 2 (in both feeds, with and without a campaign tag), 3, 5, and
  // the wrongly labelled page; /private/4 is disallowed, /not-article is not.
  EXPECT_EQ(first.pages_stored, 5u);
  EXPECT_EQ(page_requests_.load(), 4);
  std::map<std::string, FeedRecord> feeds = Feeds();
  const FeedRecord& good = feeds[server_.Url("/good.xml")];
  EXPECT_EQ(good.etag, "\"g1\"");
  EXPECT_EQ(good.title, "Marrowvale Ledger");
  EXPECT_NE(good.last_error.find(server_.Url("/")), std::string::npos) << good.last_error;

  // Restart: the good feed answers 304, the GUID-changing one names pages
  // already stored. No page is fetched again.
  FollowStats second = RoundOver({});
  EXPECT_EQ(second.feeds_not_modified, 1u);
  EXPECT_EQ(second.pages_fetched, 0u);
  EXPECT_EQ(page_requests_.load(), 4);
  EXPECT_EQ(guid_fetches_.load(), 2);
}

TEST_F(FeedFollowerTest, EveryBadCaseIsAPerFeedErrorNamingTheUrlAndTheRestFlows) {
  FollowStats stats =
      RoundOver({"/truncated.xml", "/html-feed", "/gone", "/error", "/loop-a", "/stall", "/pages.xml", "/good.xml"});
  EXPECT_EQ(stats.feed_errors, 6u);
  std::map<std::string, FeedRecord> feeds = Feeds();
  struct Case {
    const char* feed;
    const char* want;
  } cases[] = {
      {"/truncated.xml", "truncated XML"},
      {"/html-feed", "an HTML page, not a feed"},
      {"/gone", "HTTP 410"},
      {"/error", "HTTP 500"},
      {"/loop-a", "too many redirects"},
      {"/stall", "timed out"},
  };
  for (const Case& c : cases) {
    const FeedRecord& f = feeds[server_.Url(c.feed)];
    EXPECT_EQ(f.error_count, 1) << c.feed;
    EXPECT_NE(f.last_error.find(server_.Url(c.feed)), std::string::npos) << f.last_error;
    EXPECT_NE(f.last_error.find(c.want), std::string::npos) << c.feed << ": " << f.last_error;
  }
  // The feed of bad pages parsed; its pages each failed and were counted,
  // and its one good page was stored; the good feed flowed.
  const FeedRecord& pages = feeds[server_.Url("/pages.xml")];
  EXPECT_EQ(pages.error_count, 7) << pages.last_error;
  EXPECT_EQ(pages.articles, 1);
  EXPECT_EQ(feeds[server_.Url("/good.xml")].articles, 4);
}

// The cases of issue #24 served as feeds (the test above serves most of
// them as pages): each is an error on its own feed naming the URL, and what
// an earlier round stored is untouched.
TEST_F(FeedFollowerTest, BadFeedsAfterAGoodRoundHarmNothingStored) {
  FollowStats first = RoundOver({"/good.xml"});
  ASSERT_EQ(first.pages_stored, 4u);
  auto stored = [this] {
    Result<std::unique_ptr<ArticleStore>> s = ArticleStore::Open(path_);
    EXPECT_TRUE(s.ok());
    size_t n = 0;
    EXPECT_TRUE((*s)->ForEachArticleStory([&](const std::string&, const std::string&) { ++n; }).ok());
    return n;
  };
  size_t before = stored();
  FollowStats stats = RoundOver({"/malformed.xml", "/missing.xml", "/drip", "/bomb", "/big"});
  EXPECT_EQ(stats.feed_errors, 5u);
  EXPECT_EQ(stats.feeds_not_modified, 1u) << "the good feed still flows";
  std::map<std::string, FeedRecord> feeds = Feeds();
  struct Case {
    const char* feed;
    const char* want;
  } cases[] = {
      {"/malformed.xml", "malformed XML"},
      {"/missing.xml", "HTTP 404"},
      {"/drip", "timed out"},
      {"/bomb", "limit"},
      {"/big", "limit"},
  };
  for (const Case& c : cases) {
    const FeedRecord& f = feeds[server_.Url(c.feed)];
    EXPECT_EQ(f.error_count, 1) << c.feed;
    EXPECT_NE(f.last_error.find(server_.Url(c.feed)), std::string::npos) << f.last_error;
    EXPECT_NE(f.last_error.find(c.want), std::string::npos) << c.feed << ": " << f.last_error;
  }
  EXPECT_EQ(feeds[server_.Url("/good.xml")].error_count, 0);
  EXPECT_EQ(feeds[server_.Url("/good.xml")].articles, 4);
  EXPECT_EQ(stored(), before);
}

// The page's rel="canonical" identifies the article: an AMP link to a
// stored page adds no article, and a feed naming the canonical URL later
// costs no fetch.
TEST_F(FeedFollowerTest, ThePagesCanonicalUrlIdentifiesTheArticle) {
  FollowStats first = RoundOver({"/good.xml", "/amp.xml"});
  EXPECT_EQ(first.pages_stored, 5u);  // good.xml's 4, and /news/8 by its AMP link
  Result<std::unique_ptr<ArticleStore>> articles = ArticleStore::Open(path_);
  ASSERT_TRUE(articles.ok());
  EXPECT_TRUE((*articles)->Get(server_.Url("/news/8")).value().has_value());
  EXPECT_FALSE((*articles)->Get(server_.Url("/amp/news/8")).value().has_value());
  EXPECT_FALSE((*articles)->Get(server_.Url("/amp/news/1")).value().has_value());
  std::map<std::string, FeedRecord> feeds = Feeds();
  EXPECT_EQ(feeds[server_.Url("/amp.xml")].articles, 2) << "both items name a stored article";
  int fetched = page_requests_.load();
  FollowStats second = RoundOver({"/plain.xml"});
  EXPECT_EQ(second.pages_fetched, 0u);
  EXPECT_EQ(page_requests_.load(), fetched);
}

// A feed that declares no encoding is read in its Content-Type's charset.
TEST_F(FeedFollowerTest, AFeedWithoutAnEncodingIsReadInTheHeadersCharset) {
  FollowStats stats = RoundOver({"/cp1251.xml"});
  EXPECT_EQ(stats.feed_errors, 0u);
  EXPECT_EQ(stats.pages_stored, 1u);
  const FeedRecord& f = Feeds()[server_.Url("/cp1251.xml")];
  EXPECT_EQ(f.title, "\xD0\x92\xD0\xB5\xD1\x81\xD1\x82\xD0\xB8") << f.last_error;  // "Вести" in UTF-8
}

TEST_F(FeedFollowerTest, ASiteUrlIsReplacedByTheFeedsItsPageAnnouncesPolledInTheSameRound) {
  FollowStats stats = RoundOver({"/site"});
  EXPECT_EQ(stats.feeds_discovered, 1u);
  EXPECT_EQ(stats.feeds, 2u);  // the site page, then its feed
  EXPECT_EQ(stats.feed_errors, 0u);
  EXPECT_EQ(stats.pages_stored, 4u);
  std::map<std::string, FeedRecord> feeds = Feeds();
  ASSERT_EQ(feeds.size(), 1u);
  EXPECT_EQ(feeds.begin()->first, server_.Url("/good.xml"));
  EXPECT_EQ(feeds.begin()->second.articles, 4);
}

// Sitemaps and sites given by their URL alone, on two hosts of their own
// (common paths are per origin): an outlet whose home page announces no
// feed, with a feed at a common path and a sitemap index in robots.txt,
// and a bare site with neither.
class FeedFollowerSitemapTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ =
        (std::filesystem::temp_directory_path() / ("feed_sitemap_test_" + std::to_string(getpid()) + ".db")).string();
    Cleanup();
    httplib::Server& s = site_.server();
    s.Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("User-agent: *\nAllow: /\nSitemap: /sitemap_index.xml\n", "text/plain");
    });
    s.Get("/", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(
          "<!DOCTYPE html><html><head><title>Quayside Courier</title></head><body><p>Front page</p>"
          "</body></html>",
          "text/html");
    });
    s.Get(R"(/news/(\d+))", [this](const httplib::Request& req, httplib::Response& res) {
      ++page_requests_;
      res.set_content(ArticlePage(std::stoi(req.matches[1])), "text/html; charset=utf-8");
    });
    s.Get("/rss.xml", [this](const httplib::Request&, httplib::Response& res) {
      ++feed_requests_;
      res.set_content(Rss("Quayside Courier", {{"q20", "/news/20"}}), "application/rss+xml");
    });
    s.Get("/sitemap_index.xml", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(
          "<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
          "<sitemap><loc>/sitemap-2019.xml</loc><lastmod>2019-01-31</lastmod></sitemap>"
          "<sitemap><loc>/news-sitemap.xml</loc><lastmod>2031-06-02</lastmod></sitemap></sitemapindex>",
          "application/xml");
    });
    s.Get("/news-sitemap.xml", [](const httplib::Request& req, httplib::Response& res) {
      if (req.get_header_value("If-None-Match") == "\"n1\"") {
        res.status = 304;
        return;
      }
      res.set_header("ETag", "\"n1\"");
      res.set_content(
          "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
          "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">"
          "<url><loc>/news/21</loc><news:news><news:publication><news:name>Quayside Courier</news:name>"
          "<news:language>en</news:language></news:publication>"
          "<news:publication_date>2031-06-02T08:15:00+02:00</news:publication_date>"
          "<news:title>Weir gates opened overnight</news:title></news:news></url>"
          "<url><loc>/news/20?utm_medium=sitemap</loc></url></urlset>",
          "application/xml");
    });
    s.Get("/sitemap-2019.xml", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(
          "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
          "<url><loc>/news/22</loc><lastmod>2019-01-30</lastmod></url></urlset>",
          "application/xml");
    });
    bare_.server().Get("/", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("<!DOCTYPE html><html><body><p>Under construction</p></body></html>", "text/html");
    });
    ASSERT_TRUE(site_.Start());
    ASSERT_TRUE(bare_.Start());
  }
  void TearDown() override { Cleanup(); }
  void Cleanup() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }

  FollowStats RoundOver(const std::vector<std::string>& urls) {
    Result<std::unique_ptr<StoreStoryRepository>> repo = StoreStoryRepository::Open(path_, 0);
    EXPECT_TRUE(repo.ok()) << repo.status().message();
    Result<std::unique_ptr<FeedStore>> store = FeedStore::Open(path_);
    EXPECT_TRUE(store.ok());
    for (const std::string& u : urls) EXPECT_TRUE((*store)->Add(u, "").ok());
    Crawler::Options o;
    o.schedule.min_delay_s = 0;
    Crawler crawler(o);
    FeedFollower follower(store->get(), &crawler,
                          [&](std::vector<RawDoc> docs) { return (*repo)->Ingest(std::move(docs)); });
    Result<FollowStats> stats = follower.Round();
    EXPECT_TRUE(stats.ok()) << stats.status().message();
    return stats.ok() ? *stats : FollowStats();
  }

  std::map<std::string, FeedRecord> Feeds() {
    std::map<std::string, FeedRecord> out;
    Result<std::unique_ptr<FeedStore>> store = FeedStore::Open(path_);
    EXPECT_TRUE(store.ok());
    Result<std::vector<FeedRecord>> all = (*store)->List();
    EXPECT_TRUE(all.ok());
    for (FeedRecord& f : *all) out[f.url] = f;
    return out;
  }

  std::string path_;
  LocalTestServer site_, bare_;
  std::atomic<int> page_requests_{0};
  std::atomic<int> feed_requests_{0};
};

TEST_F(FeedFollowerSitemapTest, ASiteBringsItsCommonPathFeedAndRobotsSitemapsInOneRound) {
  FollowStats first = RoundOver({site_.Url("/"), bare_.Url("/")});
  // The feed at /rss.xml (found by probing), the index from robots.txt and
  // its two sitemaps.
  EXPECT_EQ(first.feeds_discovered, 4u);
  EXPECT_EQ(first.feed_errors, 1u);  // the bare site
  // /news/20 (feed and news sitemap, with a campaign tag), 21, and 22.
  EXPECT_EQ(first.pages_stored, 3u);
  EXPECT_EQ(page_requests_.load(), 3);
  EXPECT_EQ(feed_requests_.load(), 1);  // probed once, not fetched again
  std::map<std::string, FeedRecord> feeds = Feeds();
  EXPECT_EQ(feeds.count(site_.Url("/")), 0u) << "the site is replaced by what it offers";
  for (const char* p : {"/rss.xml", "/sitemap_index.xml", "/news-sitemap.xml", "/sitemap-2019.xml"}) {
    ASSERT_EQ(feeds.count(site_.Url(p)), 1u) << p;
    EXPECT_EQ(feeds[site_.Url(p)].error_count, 0) << p << ": " << feeds[site_.Url(p)].last_error;
  }
  EXPECT_EQ(feeds[site_.Url("/news-sitemap.xml")].etag, "\"n1\"");
  EXPECT_EQ(feeds[site_.Url("/news-sitemap.xml")].title, "Quayside Courier");
  EXPECT_EQ(feeds[site_.Url("/news-sitemap.xml")].articles, 1);  // /news/20 came by the feed first or here
  const FeedRecord& bare = feeds[bare_.Url("/")];
  EXPECT_EQ(bare.error_count, 1);
  EXPECT_NE(bare.last_error.find(bare_.Url("/")), std::string::npos) << bare.last_error;
  EXPECT_NE(bare.last_error.find("no feed"), std::string::npos) << bare.last_error;

  // Restart: the news sitemap answers 304, the rest names stored pages.
  FollowStats second = RoundOver({});
  EXPECT_EQ(second.feeds_not_modified, 1u);
  EXPECT_EQ(second.pages_fetched, 0u);
  EXPECT_EQ(page_requests_.load(), 3);
}

TEST_F(FeedFollowerSitemapTest, ANewsSitemapGivesItsTitleAndDateAsTheItemsEvidence) {
  FollowStats stats = RoundOver({site_.Url("/news-sitemap.xml")});
  EXPECT_EQ(stats.feed_errors, 0u);
  EXPECT_EQ(stats.pages_stored, 2u);
  Result<std::unique_ptr<FeedStore>> store = FeedStore::Open(path_);
  ASSERT_TRUE(store.ok());
  Result<std::optional<FeedItemEvidence>> evidence = (*store)->Evidence(site_.Url("/news/21"));
  ASSERT_TRUE(evidence.ok()) << evidence.status().message();
  ASSERT_TRUE(evidence->has_value());
  EXPECT_EQ((*evidence)->title, "Weir gates opened overnight");
  EXPECT_EQ((*evidence)->published, "2031-06-02T06:15:00Z");
  // The page wins where it says more (its own headline), the sitemap fills
  // in what the page lacks (it prints no date).
  Result<std::unique_ptr<ArticleStore>> articles = ArticleStore::Open(path_);
  ASSERT_TRUE(articles.ok());
  Result<std::optional<StoredArticle>> a = (*articles)->Get(site_.Url("/news/21"));
  ASSERT_TRUE(a.ok() && a->has_value());
  EXPECT_EQ((*a)->article.title, "Flood gates open at Marrowvale weir 21");
  EXPECT_EQ((*a)->article.published.iso, "2031-06-02T06:15:00Z");
}

// The stories of a store as sets of article URLs (story ids depend on
// the order articles came in; the grouping must not).
std::set<std::set<std::string>> StoriesByUrl(const std::string& path) {
  std::set<std::set<std::string>> out;
  Result<std::unique_ptr<ArticleStore>> store = ArticleStore::Open(path);
  EXPECT_TRUE(store.ok());
  if (!store.ok()) return out;
  std::map<std::string, std::set<std::string>> by_story;
  std::vector<std::pair<std::string, std::string>> rows;
  EXPECT_TRUE((*store)
                  ->ForEachArticleStory([&](const std::string& id, const std::string& story) {
                    rows.push_back({id, story});
                  })
                  .ok());
  for (const auto& [id, story] : rows) {
    Result<std::optional<StoredArticle>> a = (*store)->Get(id);
    EXPECT_TRUE(a.ok() && a->has_value()) << id;
    if (a.ok() && a->has_value()) by_story[story].insert((*a)->article.url);
  }
  for (auto& [story, urls] : by_story) out.insert(std::move(urls));
  return out;
}

// The bar of issue #24, at a size CI affords (the full 50 feeds, 10 hosts,
// 5,000 pages and 300 stories: build/bench/bench_follow): following the
// feeds of 10 outlets ends with the same stories as ingesting the same
// pages, fetches every page once, keeps every host under its rate, and a
// second round in which every feed answers 304 fetches no page.
TEST(FeedFollowerBarTest, FollowEndsWithTheStoriesOfIngestFetchingEveryPageOncePolitely) {
  FictionalNews::Options options;
  options.hosts = 10;
  options.feeds = 20;
  options.pages = 400;
  options.stories = 30;
  FictionalNews news(options);
  FictionalNewsServer server(&news);
  ASSERT_TRUE(server.Start());
  std::string base = (std::filesystem::temp_directory_path() / ("follow_bar_" + std::to_string(getpid()))).string();
  std::string follow_db = base + "-follow.db", ingest_db = base + "-ingest.db";
  auto cleanup = [&] {
    for (const std::string& db : {follow_db, ingest_db}) {
      for (const char* suffix : {"", "-wal", "-shm", ".lock"}) std::filesystem::remove(db + suffix);
    }
  };
  cleanup();

  // A host's limit: one request per kDelay seconds.
  constexpr double kDelay = 0.05;
  Crawler::Options co;
  co.schedule.min_delay_s = kDelay;
  co.threads = 4;
  std::map<std::string, std::vector<double>> starts;
  {
    Result<std::unique_ptr<StoreStoryRepository>> repo = StoreStoryRepository::Open(follow_db, 0);
    ASSERT_TRUE(repo.ok()) << repo.status().message();
    Result<std::unique_ptr<FeedStore>> feeds = FeedStore::Open(follow_db);
    ASSERT_TRUE(feeds.ok());
    for (size_t f = 0; f < news.feeds().size(); ++f) {
      ASSERT_TRUE((*feeds)->Add(server.FeedUrl(static_cast<int>(f)), "").ok());
    }
    Crawler crawler(co);
    FeedFollower follower(feeds->get(), &crawler,
                          [&](std::vector<RawDoc> docs) { return (*repo)->Ingest(std::move(docs)); });
    Result<FollowStats> first = follower.Round();
    ASSERT_TRUE(first.ok()) << first.status().message();
    EXPECT_EQ(first->feed_errors, 0u);
    EXPECT_EQ(first->page_errors, 0u);
    EXPECT_EQ(first->pages_fetched, news.pages().size());
    EXPECT_EQ(first->pages_stored, news.pages().size());
    Result<FollowStats> second = follower.Round();
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(second->feeds_not_modified, news.feeds().size());
    EXPECT_EQ(second->pages_fetched, 0u);
    starts = crawler.RequestStarts();
  }
  for (size_t i = 0; i < news.pages().size(); ++i) {
    EXPECT_EQ(server.page_requests(static_cast<int>(i)), 1) << server.PageUrl(static_cast<int>(i));
  }
  EXPECT_EQ(server.not_modified(), static_cast<int>(news.feeds().size()));
  ASSERT_EQ(starts.size(), 10u);
  for (const auto& [host, times] : starts) {
    for (size_t i = 1; i < times.size(); ++i) EXPECT_GE(times[i] - times[i - 1], kDelay - 1e-6) << host;
  }
  // As the hosts saw it (arrivals jitter by scheduling): at most the rate
  // in any second, plus the one request a window's edge may catch.
  for (int h = 0; h < options.hosts; ++h) EXPECT_LE(server.MostRequestsWithin(h, 1.0), 1 / kDelay + 1) << h;

  // `storyfuse ingest` of the same pages, saved as files, in publication
  // order and in its batches of 200.
  {
    Result<std::unique_ptr<StoreStoryRepository>> repo = StoreStoryRepository::Open(ingest_db, 0);
    ASSERT_TRUE(repo.ok());
    ArticleExtractor extractor;
    std::vector<Article> batch;
    for (size_t i = 0; i < news.pages().size(); ++i) {
      const FictionalNews::Page& p = news.pages()[i];
      RawDoc doc;
      doc.source = "pages/" + std::to_string(i) + ".html";
      doc.id = std::to_string(i);
      doc.format = DocFormat::kHtml;
      doc.bytes = news.PageHtml(static_cast<int>(i), server.Origin(p.host));
      Result<Article> a = extractor.Extract(doc);
      ASSERT_TRUE(a.ok()) << a.status().message();
      batch.push_back(std::move(*a));
      if (batch.size() == 200 || i + 1 == news.pages().size()) {
        ASSERT_TRUE((*repo)->IngestArticles(batch).ok());
        batch.clear();
      }
    }
  }
  std::set<std::set<std::string>> followed = StoriesByUrl(follow_db), ingested = StoriesByUrl(ingest_db);
  EXPECT_EQ(followed.size(), ingested.size());
  EXPECT_TRUE(followed == ingested);
  // And they are the stories the generator wrote.
  std::map<int, std::set<std::string>> gold;
  for (size_t i = 0; i < news.pages().size(); ++i)
    gold[news.pages()[i].story].insert(server.PageUrl(static_cast<int>(i)));
  std::set<std::set<std::string>> written;
  for (auto& [story, urls] : gold) written.insert(urls);
  EXPECT_EQ(followed.size(), written.size());
  EXPECT_TRUE(followed == written);
  cleanup();
}

}  // namespace
}  // namespace storyfuse

namespace storyfuse {
namespace {

// `follow --warc`: every response is kept, and `ingest` of the WARC folder
// gives the stories the follower made (articles compared by canonical URL:
// the WARC names the URL fetched, campaign tags and all).
TEST(FeedFollowerWarcTest, IngestOfTheWarcGivesTheStoriesTheFollowerMade) {
  FictionalNews::Options options;
  options.hosts = 3;
  options.feeds = 6;
  options.pages = 90;
  options.stories = 8;
  FictionalNews news(options);
  FictionalNewsServer server(&news);
  ASSERT_TRUE(server.Start());
  std::string base = (std::filesystem::temp_directory_path() / ("follow_warc_" + std::to_string(getpid()))).string();
  std::string follow_db = base + "-follow.db", warc_db = base + "-warc.db", warc_dir = base + "-warc";
  auto cleanup = [&] {
    for (const std::string& db : {follow_db, warc_db}) {
      for (const char* suffix : {"", "-wal", "-shm", ".lock"}) std::filesystem::remove(db + suffix);
    }
    std::filesystem::remove_all(warc_dir);
  };
  cleanup();
  {
    Result<std::unique_ptr<WarcWriter>> warc = WarcWriter::Open(warc_dir, 32 * 1024);  // several files
    ASSERT_TRUE(warc.ok());
    Crawler::Options co;
    co.schedule.min_delay_s = 0;
    co.on_response = [&](const FetchResponse& r) { EXPECT_TRUE((*warc)->Write(r).ok()); };
    Result<std::unique_ptr<StoreStoryRepository>> repo = StoreStoryRepository::Open(follow_db, 0);
    ASSERT_TRUE(repo.ok());
    Result<std::unique_ptr<FeedStore>> feeds = FeedStore::Open(follow_db);
    ASSERT_TRUE(feeds.ok());
    for (size_t f = 0; f < news.feeds().size(); ++f) {
      ASSERT_TRUE((*feeds)->Add(server.FeedUrl(static_cast<int>(f)), "").ok());
    }
    Crawler crawler(co);
    FeedFollower follower(feeds->get(), &crawler,
                          [&](std::vector<RawDoc> docs) { return (*repo)->Ingest(std::move(docs)); });
    Result<FollowStats> stats = follower.Round();
    ASSERT_TRUE(stats.ok());
    ASSERT_EQ(stats->pages_stored, news.pages().size());
    // Robots.txt and feeds too: 3 + 6 + the pages.
    EXPECT_EQ((*warc)->records(), news.pages().size() + 9);
    EXPECT_GT((*warc)->files(), 1);
  }
  {
    Result<std::unique_ptr<StoreStoryRepository>> repo = StoreStoryRepository::Open(warc_db, 0);
    ASSERT_TRUE(repo.ok());
    std::vector<RawDoc> docs;
    std::vector<std::string> errors;
    InputReader reader([&](RawDoc&& d) { docs.push_back(std::move(d)); },
                       [&](const Status& st) { errors.push_back(st.message()); });
    ASSERT_TRUE(reader.Read(warc_dir).ok());
    EXPECT_TRUE(errors.empty()) << errors.front();
    ASSERT_TRUE((*repo)->Ingest(std::move(docs)).ok());
  }
  auto canonical = [](const std::set<std::set<std::string>>& stories) {
    std::set<std::set<std::string>> out;
    for (const std::set<std::string>& s : stories) {
      std::set<std::string> urls;
      for (const std::string& u : s) {
        Result<std::string> c = UrlCanonicalizer::Canonicalize(u);
        urls.insert(c.ok() ? *c : u);
      }
      out.insert(urls);
    }
    return out;
  };
  std::set<std::set<std::string>> followed = canonical(StoriesByUrl(follow_db));
  std::set<std::set<std::string>> again = canonical(StoriesByUrl(warc_db));
  EXPECT_EQ(followed.size(), static_cast<size_t>(options.stories));
  EXPECT_EQ(again.size(), followed.size());
  EXPECT_TRUE(again == followed);
  cleanup();
}

}  // namespace
}  // namespace storyfuse
