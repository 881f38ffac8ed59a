#include "pipeline/cached_story_repository.h"

#include <gtest/gtest.h>

#include <functional>

#include "pipeline/memory_story_repository.h"
#include "pipeline/test_fixtures.h"

namespace storyfuse {
namespace {

using Clock = CachedStoryRepository::Clock;
using std::chrono::milliseconds;

// The store the cache fronts; `during_read` runs inside a story read, to
// put a write in the middle of one.
class HookedRepository : public MemoryStoryRepository {
 public:
  Result<std::string> StoryBriefJson(const std::string& id) override {
    if (during_read) during_read();
    return MemoryStoryRepository::StoryBriefJson(id);
  }
  std::function<void()> during_read;
};

class CachedStoryRepositoryTest : public ::testing::Test {
 protected:
  CachedStoryRepository::Options Options() {
    CachedStoryRepository::Options o;
    o.max_age = milliseconds(1000);
    o.clock = [this] { return now_; };
    return o;
  }
  // A write by another process: straight into the store, not through the cache.
  void WriteBehind(const std::string& body) { ASSERT_TRUE(store_.Ingest(DocsFromJson(body)).ok()); }
  std::string StoryId(StoryRepository& repo) {
    Result<StoryList> list = repo.ListStories({});
    return list.ok() && !list->stories.empty() ? list->stories[0].id : "";
  }

  HookedRepository store_;
  Clock::time_point now_ = Clock::time_point() + std::chrono::hours(1);
};

TEST_F(CachedStoryRepositoryTest, HitsServeTheStoresBytesUntilMaxAge) {
  WriteBehind(BridgeArticlesJson());
  CachedStoryRepository cache(&store_, Options());
  std::string story = StoryId(store_);
  ASSERT_FALSE(story.empty());
  // Read twice: the second read is a hit with the same bytes as the store's.
  for (int round = 0; round < 2; ++round) {
    EXPECT_EQ(*cache.StoryBriefJson(story), *store_.StoryBriefJson(story));
    EXPECT_EQ(*cache.ArticleViewJson("hd-1"), *store_.ArticleViewJson("hd-1"));
    EXPECT_EQ(cache.ListStories({})->stories[0].headline, store_.ListStories({})->stories[0].headline);
    EXPECT_EQ(cache.Search("bridge", 20, {})->size(), store_.Search("bridge", 20, {})->size());
  }
  EXPECT_EQ(cache.stats().misses, 4);
  EXPECT_EQ(cache.stats().hits, 4);

  // Another process stores a second story: the cached list stays as it
  // was for max_age from its read, then shows it.
  WriteBehind(FerryArticleJson("fp-1"));
  now_ += milliseconds(999);
  EXPECT_EQ(cache.ListStories({})->total, 1);
  EXPECT_EQ(cache.Search("ferry", 20, {})->size(), store_.Search("ferry", 20, {})->size());  // a new key: read now
  now_ += milliseconds(1);
  EXPECT_EQ(cache.ListStories({})->total, 2);
  // Other parameters are other answers.
  StoryQuery second_page;
  second_page.offset = 1;
  EXPECT_EQ(cache.ListStories(second_page)->stories.size(), 1u);
}

TEST_F(CachedStoryRepositoryTest, WritesThroughItAndErrorsAreSeenAtOnce) {
  CachedStoryRepository cache(&store_, Options());
  EXPECT_EQ(cache.ListStories({})->total, 0);
  // A NotFound is not kept: the article stored a moment later is served.
  EXPECT_EQ(cache.ArticleViewJson("fp-1").status().code(), Status::Code::kNotFound);
  WriteBehind(FerryArticleJson("fp-1"));
  EXPECT_TRUE(cache.ArticleViewJson("fp-1").ok());
  // A write through the cache empties it: its client sees the write.
  EXPECT_EQ(cache.ListStories({})->total, 0);  // still the cached answer
  ASSERT_TRUE(cache.Ingest(DocsFromJson(BridgeArticlesJson())).ok());
  EXPECT_EQ(cache.ListStories({})->total, 2);
  EXPECT_EQ(cache.stats().entries, 1u);
}

TEST_F(CachedStoryRepositoryTest, AReadOverlappingAWriteThroughItIsNotKept) {
  WriteBehind(BridgeArticlesJson());
  CachedStoryRepository cache(&store_, Options());
  std::string story = StoryId(store_);
  // The write's Invalidate lands while the read runs: its answer may
  // predate the write, so it is served once but not kept.
  store_.during_read = [&] { cache.Invalidate(); };
  ASSERT_TRUE(cache.StoryBriefJson(story).ok());
  EXPECT_EQ(cache.stats().entries, 0u);
  store_.during_read = nullptr;
  ASSERT_TRUE(cache.StoryBriefJson(story).ok());
  EXPECT_EQ(cache.stats().entries, 1u);
}

TEST_F(CachedStoryRepositoryTest, StaysWithinItsBytesAndDropsExpiredEntries) {
  WriteBehind(BridgeArticlesJson());
  CachedStoryRepository::Options o = Options();
  size_t one_view = store_.ArticleViewJson("hd-1")->size();
  o.max_bytes = one_view + 1024;  // room for one article view, not two
  CachedStoryRepository cache(&store_, o);
  ASSERT_TRUE(cache.ArticleViewJson("hd-1").ok());
  ASSERT_TRUE(cache.ArticleViewJson("cc-1").ok());
  EXPECT_EQ(cache.stats().entries, 1u);  // the older one made room
  EXPECT_LE(cache.stats().bytes, o.max_bytes);
  ASSERT_TRUE(cache.ArticleViewJson("cc-1").ok());
  EXPECT_EQ(cache.stats().hits, 1);
  // Expired entries go as new ones come in.
  now_ += milliseconds(1000);
  ASSERT_TRUE(cache.ListStories({}).ok());
  EXPECT_EQ(cache.stats().entries, 1u);
  EXPECT_LT(cache.stats().bytes, one_view);
}

}  // namespace
}  // namespace storyfuse
