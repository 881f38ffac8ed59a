#include "pipeline/follower_thread.h"

#include <gtest/gtest.h>

#include <unistd.h>
#include <set>

#include <filesystem>

#include "feed/fictional_news_server.h"
#include "pipeline/store_story_repository.h"

namespace storyfuse {
namespace {

using std::chrono::milliseconds;

class FollowerThreadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() / ("follower_thread_test_" + std::to_string(getpid()) + ".db"))
                .string();
    Cleanup();
  }
  void TearDown() override { Cleanup(); }
  void Cleanup() {
    for (const char* suffix : {"", "-wal", "-shm", ".lock"}) std::filesystem::remove(path_ + suffix);
  }

  static FollowerThread::Options Options() {
    FollowerThread::Options o;
    o.crawl.schedule.min_delay_s = 0;
    o.interval = milliseconds(60000);  // rounds only when woken
    return o;
  }

  // Waits until `rounds` rounds have completed (at most 20 s).
  static FollowerThread::RoundInfo WaitForRounds(FollowerThread* service, int64_t rounds) {
    auto end = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    FollowerThread::RoundInfo info = service->LastRound();
    while ((info.rounds < rounds || info.running) && std::chrono::steady_clock::now() < end) {
      std::this_thread::sleep_for(milliseconds(20));
      info = service->LastRound();
    }
    return info;
  }

  std::string path_;
};

TEST_F(FollowerThreadTest, FollowsAddedFeedsThroughTheRepositoryAsTheyPublish) {
  FictionalNews::Options no;
  no.hosts = 2;
  no.feeds = 2;
  no.pages = 24;
  no.stories = 2;
  FictionalNews news(no);
  FictionalNewsServer server(&news);
  server.set_published(10);
  ASSERT_TRUE(server.Start());

  Result<std::unique_ptr<StoreStoryRepository>> repo = StoreStoryRepository::Open(path_, 2);
  ASSERT_TRUE(repo.ok()) << repo.status().message();
  Result<std::unique_ptr<FollowerThread>> service = FollowerThread::Open(path_, repo->get(), Options());
  ASSERT_TRUE(service.ok()) << service.status().message();
  (*service)->Start();
  FollowerThread::RoundInfo info = WaitForRounds(service->get(), 1);
  EXPECT_EQ(info.last.feeds, 0u);  // nothing to follow yet

  Result<FollowerThread::Added> added = (*service)->Add(
      {server.FeedUrl(0), "ftp://example.test/feed", "not a url"},
      "<opml version=\"2.0\"><body><outline text=\"B\" xmlUrl=\"" + server.FeedUrl(1) + "\"/></body></opml>");
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(added->feeds.size(), 2u);
  ASSERT_EQ(added->errors.size(), 2u);
  EXPECT_NE(added->errors[0].find("ftp://example.test/feed"), std::string::npos) << added->errors[0];

  info = WaitForRounds(service->get(), 2);
  EXPECT_EQ(info.last.pages_stored, 10u) << info.error;
  Result<RepositoryStats> stats = (*repo)->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->articles, 10);

  // The outlets publish more; the next round brings only the new pages.
  server.set_published(24);
  (*service)->Wake();
  info = WaitForRounds(service->get(), 3);
  EXPECT_EQ(info.last.pages_stored, 14u) << info.error;
  Result<std::vector<FeedRecord>> feeds = (*service)->List();
  ASSERT_TRUE(feeds.ok());
  ASSERT_EQ(feeds->size(), 2u);
  int64_t articles = 0;
  for (const FeedRecord& f : *feeds) {
    EXPECT_FALSE(f.last_success.empty());
    EXPECT_EQ(f.error_count, 0);
    articles += f.articles;
  }
  EXPECT_EQ(articles, 24);
  StoryQuery q;
  Result<StoryList> stories = (*repo)->ListStories(q);
  ASSERT_TRUE(stories.ok());
  EXPECT_EQ(stories->total, 2);

  EXPECT_TRUE((*service)->Remove((*feeds)[0].id).ok());
  EXPECT_EQ((*service)->Remove((*feeds)[0].id).code(), Status::Code::kNotFound);
  auto t0 = std::chrono::steady_clock::now();
  (*service)->Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(5));
}

// POST /api/feeds takes a site or a sitemap as well as a feed: a site's
// home page announcing no feed brings the news sitemap its robots.txt
// names; a sitemap given directly is followed like a feed.
TEST_F(FollowerThreadTest, FollowsASiteAndASitemapAddedThroughTheApi) {
  FictionalNews::Options no;
  no.hosts = 2;
  no.feeds = 2;
  no.pages = 24;
  no.stories = 2;
  FictionalNews news(no);
  FictionalNewsServer server(&news);
  ASSERT_TRUE(server.Start());
  Result<std::unique_ptr<StoreStoryRepository>> repo = StoreStoryRepository::Open(path_, 2);
  ASSERT_TRUE(repo.ok()) << repo.status().message();
  Result<std::unique_ptr<FollowerThread>> service = FollowerThread::Open(path_, repo->get(), Options());
  ASSERT_TRUE(service.ok()) << service.status().message();
  (*service)->Start();
  WaitForRounds(service->get(), 1);  // the empty first round
  Result<FollowerThread::Added> added =
      (*service)->Add({server.Origin(0) + "/", server.Origin(1) + FictionalNews::kNewsSitemapPath}, "");
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(added->feeds.size(), 2u);
  FollowerThread::RoundInfo info = WaitForRounds(service->get(), 2);
  Result<RepositoryStats> stats = (*repo)->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->articles, 24) << info.error;
  Result<std::vector<FeedRecord>> feeds = (*service)->List();
  ASSERT_TRUE(feeds.ok());
  std::set<std::string> urls;
  for (const FeedRecord& f : *feeds) {
    urls.insert(f.url);
    EXPECT_EQ(f.error_count, 0) << f.url << ": " << f.last_error;
  }
  // The site is replaced by its sitemap.
  EXPECT_EQ(urls, (std::set<std::string>{server.Origin(0) + FictionalNews::kNewsSitemapPath,
                                         server.Origin(1) + FictionalNews::kNewsSitemapPath}));
  (*service)->Stop();
}

}  // namespace
}  // namespace storyfuse
