// ArticleStore: the SQLite StoryStore (store/story_store.h): articles,
// their version history and stories in SQLite (schema in docs/store.md),
// with full-text search (FTS5) over title and text.
//
// Put() is idempotent and versioned:
//   - same id, same content           -> kUnchanged (nothing written)
//   - same content under another id   -> kDuplicate (nothing written; the
//                                        result names the stored id)
//   - same id, or same url, with new
//     content                         -> kUpdated: a new current version;
//                                        the previous one is kept in
//                                        article_versions
//   - otherwise                       -> kInserted (version 1)
// "Content" is the title, the cleaned text and the corrections the article
// prints (content_hash); metadata-only changes do not make a version. Each
// Put is one transaction.
//
// Thread safety: not thread-safe; use one ArticleStore (and connection) per
// thread. Several processes may share the file (WAL, busy timeout).
#ifndef STORYFUSE_STORE_ARTICLE_STORE_H_
#define STORYFUSE_STORE_ARTICLE_STORE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "ingest/article.h"
#include "store/database.h"
#include "store/story_store.h"

namespace storyfuse {

class ArticleStore : public StoryStore {
 public:
  static constexpr int kSchemaVersion = 7;

  // Opens or creates the store at `path` and migrates its schema to
  // kSchemaVersion. Returns IoError naming the path when it cannot be
  // opened, Unsupported when its schema is newer than this build.
  static Result<std::unique_ptr<ArticleStore>> Open(const std::string& path);

  // Stores `a` (see the rules above). `now` is the ISO 8601 UTC time to
  // record (the current time when empty). Returns InvalidArgument for an
  // article without id or text.
  Result<PutResult> Put(const Article& a, const std::string& now = "") override;

  // The current version of article `id`, or nullopt.
  Result<std::optional<StoredArticle>> Get(const std::string& id) override;
  // Earlier versions of `id`, oldest first.
  Result<std::vector<ArticleVersion>> History(const std::string& id) override;
  Result<std::optional<StoredArticle>> FirstVersion(const std::string& id) override;
  // Full-text search (FTS5 query syntax) over title and text, best first.
  Result<std::vector<SearchHit>> Search(const std::string& query, int limit);
  Result<int64_t> CountArticles();

  // Links an article to its story and/or the article it copies ("" clears).
  Status SetStory(const std::string& article_id, const std::string& story_id) override;
  Status SetCopyOf(const std::string& article_id, const std::string& copy_of) override;
  // Inserts or replaces a story.
  Status PutStory(const StoredStory& story) override;
  Result<std::optional<StoredStory>> GetStory(const std::string& id) override;
  // The rendered GET /api/articles/{id} answer, stored on the ingest side
  // whenever the article's story is rewritten (schema 3). nullopt when
  // none is stored (an article not yet in a story, or a store migrated
  // from schema 2 whose story has not changed since).
  Status PutArticleView(const std::string& article_id, const std::string& view_json) override;
  Result<std::optional<std::string>> GetArticleView(const std::string& article_id) override;
  // Ids of the articles of a story, in ingest order.
  Result<std::vector<std::string>> StoryArticles(const std::string& story_id);

  Result<std::vector<std::string>> ArticleIds() override;
  Status DeleteStory(const std::string& id) override;
  Result<std::vector<std::string>> StoryIds() override;
  Result<StoryPage> ListStories(const StoryListFilter& filter, const StopCondition& stop) override;
  Result<std::vector<ArticleSearchHit>> SearchArticles(const std::vector<std::string>& terms, int limit,
                                                       const StopCondition& stop) override;
  Result<StoreCounts> Counts() override;
  Status ForEachArticleStory(
      const std::function<void(const std::string& id, const std::string& story_id)>& fn) override;
  Status ForEachStoryBrief(
      const std::function<void(const std::string& id, const std::string& brief_json)>& fn) override;
  Result<std::vector<std::string>> StaleArticleViews() override;
  Result<std::unique_ptr<StoreTransaction>> Begin() override;
  Status AppendStreamEvent(const StreamEvent& event) override;
  Result<std::vector<StreamEvent>> StreamEvents() override;
  Result<std::vector<StreamEvent>> StreamCorrections(const std::string& story_id) override;
  Status AddStoryMove(const StoryMoveRecord& move) override;
  Result<std::vector<StoryMoveRecord>> StoryMoves(const std::string& story_id, int limit) override;

  // The terms as an FTS5 query: every term, each as a prefix ("" for none).
  static std::string FtsQuery(const std::vector<std::string>& terms);

  // The content hash Put() uses (hex XXH3-128 of title and text).
  static std::string ContentHash(const Article& a);

  Database& db() { return *db_; }

 private:
  explicit ArticleStore(std::unique_ptr<Database> db) : db_(std::move(db)) {}
  Status Migrate();
  Status MigrateTo1();
  Status MigrateTo2();
  Status MigrateTo3();
  Status MigrateTo4();
  Status MigrateTo5();
  Status MigrateTo6();
  Status MigrateTo7();
  Result<int> SchemaVersion();
  Status Prepare();
  Status Archive(const std::string& id, const std::string& now);
  Status Write(const Article& a, const std::string& id, const std::string& hash, const std::string& now,
               int64_t version, bool update);

  std::unique_ptr<Database> db_;
  SqlStatement find_by_id_, find_by_hash_, find_by_url_, insert_, update_, archive_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_STORE_ARTICLE_STORE_H_
