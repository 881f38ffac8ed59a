// The typed StoryStore calls the application makes, through the
// engine-neutral interface (OpenStoryStore), on invented articles.
#include "store/story_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

namespace storyfuse {
namespace {
namespace fs = std::filesystem;

class StoryStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (fs::temp_directory_path() / ("storyfuse_story_store_" + std::to_string(getpid()) + "_" +
                                          ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db"))
                .string();
    Remove();
    Result<std::unique_ptr<StoryStore>> s = OpenStoryStore(path_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(*s);
  }
  void TearDown() override {
    store_.reset();
    Remove();
  }
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path_ + suffix);
  }
  void Put(const std::string& id, const std::string& title, const std::string& text, const std::string& story) {
    Article a;
    a.id = id;
    a.title = title;
    a.text = text;
    a.outlet = "Harbour Gazette";
    ASSERT_TRUE(store_->Put(a, "2031-03-14T10:00:00Z").ok());
    ASSERT_TRUE(store_->SetStory(id, story).ok());
  }
  void PutStory(const std::string& id, const std::string& headline, const std::string& updated) {
    ASSERT_TRUE(store_->PutStory({id, headline, updated, "{\"articles\": []}", 1, 1, 1, "2031-03-14"}).ok());
  }

  std::string path_;
  std::unique_ptr<StoryStore> store_;
};

TEST_F(StoryStoreTest, ListsStoriesNewestFirstFilteredBySinceAndWords) {
  Put("a1", "Velmora bridge reopens", "The harbour bridge reopened on Friday.", "s-1");
  Put("a2", "Tallvik ferry strike ends", "Ferry crews voted to accept a contract.", "s-2");
  PutStory("s-1", "Bridge reopens", "2031-03-14T10:00:00Z");
  PutStory("s-2", "Strike ends", "2031-03-15T10:00:00Z");

  Result<StoryPage> all = store_->ListStories({}, nullptr);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(all->total, 2);
  ASSERT_EQ(all->stories.size(), 2u);
  EXPECT_EQ(all->stories[0].id, "s-2");
  EXPECT_EQ(all->stories[0].headline, "Strike ends");
  EXPECT_EQ(all->stories[0].published, "2031-03-14");
  EXPECT_TRUE(all->stories[0].brief_json.empty());  // a list reads no brief

  Result<StoryPage> since = store_->ListStories({"2031-03-15T00:00:00Z", {}, 20, 0}, nullptr);
  ASSERT_EQ(since->total, 1);
  EXPECT_EQ(since->stories[0].id, "s-2");
  Result<StoryPage> words = store_->ListStories({"", {"harb"}, 20, 0}, nullptr);  // a prefix
  ASSERT_EQ(words->total, 1);
  EXPECT_EQ(words->stories[0].id, "s-1");
  Result<StoryPage> page = store_->ListStories({"", {}, 1, 1}, nullptr);
  EXPECT_EQ(page->total, 2);
  ASSERT_EQ(page->stories.size(), 1u);
  EXPECT_EQ(page->stories[0].id, "s-1");
}

TEST_F(StoryStoreTest, SearchNamesEachHitsStory) {
  Put("a1", "Velmora bridge reopens", "The harbour bridge reopened on Friday.", "s-1");
  Put("a2", "Bridge tolls", "A bridge toll was proposed.", "");
  PutStory("s-1", "Bridge reopens", "2031-03-14T10:00:00Z");
  Result<std::vector<ArticleSearchHit>> hits = store_->SearchArticles({"bridge"}, 10, nullptr);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 2u);
  for (const ArticleSearchHit& h : *hits) {
    EXPECT_EQ(h.story_id, h.hit.id == "a1" ? "s-1" : "");
    EXPECT_EQ(h.story_headline, h.hit.id == "a1" ? "Bridge reopens" : "");
  }
  EXPECT_TRUE(store_->SearchArticles({}, 10, nullptr)->empty());
}

TEST_F(StoryStoreTest, IdsCountsDeletesAndChecks) {
  Put("b", "Second", "Stored first.", "s-1");
  Put("a", "First", "Stored second.", "");
  PutStory("s-1", "One", "2031-03-14T10:00:00Z");
  PutStory("s-2", "Two", "2031-03-14T10:00:00Z");
  EXPECT_EQ(store_->ArticleIds().value(), (std::vector<std::string>{"b", "a"}));  // storing order
  EXPECT_EQ(store_->Counts()->stories, 2);
  ASSERT_TRUE(store_->DeleteStory("s-2").ok());
  EXPECT_EQ(store_->StoryIds().value(), std::vector<std::string>{"s-1"});
  StoreCounts counts = store_->Counts().value();
  EXPECT_EQ(counts.articles, 2);
  EXPECT_EQ(counts.archived_versions, 0);
  EXPECT_EQ(counts.stories, 1);

  std::vector<std::string> seen;
  ASSERT_TRUE(store_
                  ->ForEachArticleStory(
                      [&](const std::string& id, const std::string& story) { seen.push_back(id + ":" + story); })
                  .ok());
  EXPECT_EQ(seen.size(), 2u);
  // A view of the article's story and version is current; one of another story is stale.
  ASSERT_TRUE(store_->PutArticleView("b", R"({"story": "s-1", "versions": [{"version": 1}]})").ok());
  EXPECT_TRUE(store_->StaleArticleViews()->empty());
  ASSERT_TRUE(store_->PutArticleView("b", R"({"story": "s-9", "versions": [{"version": 1}]})").ok());
  EXPECT_EQ(store_->StaleArticleViews().value(), std::vector<std::string>{"b"});
}

TEST_F(StoryStoreTest, AnUncommittedTransactionRollsBack) {
  {
    Result<std::unique_ptr<StoreTransaction>> tx = store_->Begin();
    ASSERT_TRUE(tx.ok());
    PutStory("s-1", "Gone", "2031-03-14T10:00:00Z");
  }
  EXPECT_TRUE(store_->StoryIds()->empty());
  {
    Result<std::unique_ptr<StoreTransaction>> tx = store_->Begin();
    PutStory("s-1", "Kept", "2031-03-14T10:00:00Z");
    ASSERT_TRUE((*tx)->Commit().ok());
  }
  EXPECT_EQ(store_->GetStory("s-1").value()->headline, "Kept");
}

}  // namespace
}  // namespace storyfuse
