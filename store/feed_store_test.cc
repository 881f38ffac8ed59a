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

// Schema 7 keeps what the feed said of each item; a version 6 file gains
// the columns and keeps its seen items.
TEST_F(FeedStoreTest, KeepsTheFeedsEvidenceAndMigratesVersion6) {
  {
    Result<std::unique_ptr<FeedStore>> s = FeedStore::Open(path_);
    ASSERT_TRUE(s.ok());
    int64_t id = (*s)->Add("https://harbor-gazette.test/feed.xml", "").value().id;
    ASSERT_TRUE((*s)->MarkSeen(id, "https://harbor-gazette.test/old", "x", "", "").ok());
  }
  {
    Result<std::unique_ptr<Database>> db = Database::Open(path_);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)
                    ->Exec("ALTER TABLE feed_items DROP COLUMN title; ALTER TABLE feed_items DROP COLUMN published; "
                           "ALTER TABLE feed_items DROP COLUMN author; ALTER TABLE feed_items DROP COLUMN summary; "
                           "UPDATE schema_version SET version = 6")
                    .ok());
  }
  Result<std::unique_ptr<FeedStore>> s = FeedStore::Open(path_);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_TRUE((*s)->Seen("https://harbor-gazette.test/old").value());
  int64_t id = (*s)->Add("https://harbor-gazette.test/feed.xml", "").value().id;
  FeedItemEvidence said{"Ferry &amp; pier reopen", "2026-12-04T09:30:00Z", "Ana Varga", "The ferry runs again."};
  ASSERT_TRUE((*s)->MarkSeen(id, "https://harbor-gazette.test/new", "y", "", "", said).ok());
  Result<std::optional<FeedItemEvidence>> got = (*s)->Evidence("https://harbor-gazette.test/new");
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->title, said.title);
  EXPECT_EQ((*got)->published, said.published);
  EXPECT_EQ((*got)->author, said.author);
  EXPECT_EQ((*got)->summary, said.summary);
  EXPECT_FALSE((*s)->Evidence("https://harbor-gazette.test/none").value().has_value());
}

}  // namespace
}  // namespace storyfuse
