#include "store/feed_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

namespace storyfuse {
namespace {

class FeedStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() / ("feed_store_test_" + std::to_string(getpid()) + ".db")).string();
    Cleanup();
  }
  void TearDown() override { Cleanup(); }
  void Cleanup() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }
  std::string path_;
};

TEST_F(FeedStoreTest, KeepsValidatorsErrorsAndSeenItemsAcrossReopen) {
  int64_t id = 0;
  {
    Result<std::unique_ptr<FeedStore>> s = FeedStore::Open(path_);
    ASSERT_TRUE(s.ok()) << s.status().message();
    Result<FeedRecord> f = (*s)->Add("https://harbor-gazette.test/feed.xml", "2026-12-04T10:00:00Z");
    ASSERT_TRUE(f.ok());
    id = f->id;
    EXPECT_EQ((*s)->Add("https://harbor-gazette.test/feed.xml", "").value().id, id) << "added once";
    ASSERT_TRUE((*s)->RecordError(id, "https://harbor-gazette.test/feed.xml: HTTP 500", "").ok());
    ASSERT_TRUE((*s)->RecordError(id, "https://harbor-gazette.test/feed.xml: HTTP 500", "").ok());
    ASSERT_TRUE((*s)->MarkSeen(id, "https://harbor-gazette.test/a", "https://harbor-gazette.test/a", "", "").ok());
    ASSERT_TRUE((*s)->MarkSeen(id, "https://harbor-gazette.test/b", "", "not an article", "").ok());
    Result<std::optional<FeedRecord>> got = (*s)->Get(id);
    ASSERT_TRUE(got.ok() && got->has_value());
    EXPECT_EQ((*got)->error_count, 2);
    EXPECT_EQ((*got)->items_seen, 2);
    EXPECT_EQ((*got)->articles, 1);
    ASSERT_TRUE(
        (*s)->RecordSuccess(id, "\"v7\"", "Fri, 04 Dec 2026 10:00:00 GMT", "Harbor Gazette", "2026-12-04T10:05:00Z")
            .ok());
  }
  Result<std::unique_ptr<FeedStore>> s = FeedStore::Open(path_);
  ASSERT_TRUE(s.ok());
  Result<std::vector<FeedRecord>> all = (*s)->List();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 1u);
  const FeedRecord& f = all->front();
  EXPECT_EQ(f.etag, "\"v7\"");
  EXPECT_EQ(f.last_modified, "Fri, 04 Dec 2026 10:00:00 GMT");
  EXPECT_EQ(f.title, "Harbor Gazette");
  EXPECT_EQ(f.last_success, "2026-12-04T10:05:00Z");
  EXPECT_EQ(f.last_error, "");
  EXPECT_EQ(f.error_count, 0);
  EXPECT_TRUE((*s)->Seen("https://harbor-gazette.test/a").value());
  EXPECT_TRUE((*s)->Seen("https://harbor-gazette.test/b").value());
  EXPECT_FALSE((*s)->Seen("https://harbor-gazette.test/c").value());
  ASSERT_TRUE((*s)->Remove(id).ok());
  EXPECT_FALSE((*s)->Seen("https://harbor-gazette.test/a").value()) << "seen items go with their feed";
  EXPECT_EQ((*s)->Remove(id).code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace storyfuse
