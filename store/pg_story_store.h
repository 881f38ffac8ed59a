// PgStoryStore: the PostgreSQL StoryStore (store/story_store.h), for
// `--db postgresql://...` (issue #25: one store shared by many processes
// on many machines). Same versioned schema as the SQLite ArticleStore
// (docs/store.md), same Put rules (idempotent and versioned, see
// article_store.h), same answers; the differences are the engine's:
//   - search uses a tsvector column ('simple' configuration: lower-cased
//     words, no stemming, like FTS5's unicode61, but diacritics are kept)
//     with a GIN index; SearchHit::rank is minus ts_rank (lower is better,
//     as with bm25), and snippets come from ts_headline;
//   - a read's StopCondition is checked before the read, not during it;
//     statement_timeout bounds a read that runs long.
// Concurrency: any number of processes may Put at once. A Put takes
// transaction-scoped advisory locks on every key it decides on (id,
// content hash, url), in a fixed order, so two Puts of the same content or
// the same article serialize (one inserts, the other sees kDuplicate or
// kUnchanged) and unrelated Puts run in parallel.
//
// Thread safety: one connection; not thread-safe. Use one per thread.
#ifndef STORYFUSE_STORE_PG_STORY_STORE_H_
#define STORYFUSE_STORE_PG_STORY_STORE_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "store/pg_connection.h"
#include "store/story_store.h"

namespace storyfuse {

class PgStoryStore : public StoryStore {
 public:
  // The schema version this build writes. Versions are numbered for both
  // engines; PostgreSQL skips SQLite's 5 and 7 (feeds) and SQLite skips 8
  // (the search index's settings), so the two may differ (docs/store.md).
  static constexpr int kSchemaVersion = 8;

  // Connects to `url` (postgresql://...) and creates or migrates the schema.
  // IoError naming the server when it cannot connect, Unsupported when the
  // database's schema is newer than this build.
  static Result<std::unique_ptr<PgStoryStore>> Open(const std::string& url);

  Result<PutResult> Put(const Article& a, const std::string& now = "") override;
  Result<std::optional<StoredArticle>> Get(const std::string& id) override;
  Result<std::vector<ArticleVersion>> History(const std::string& id) override;
  Result<std::optional<StoredArticle>> FirstVersion(const std::string& id) override;
  Result<std::vector<std::string>> ArticleIds() override;
  Status SetStory(const std::string& article_id, const std::string& story_id) override;
  Status SetCopyOf(const std::string& article_id, const std::string& copy_of) override;
  Status PutStory(const StoredStory& story) override;
  Result<std::optional<StoredStory>> GetStory(const std::string& id) override;
  Status DeleteStory(const std::string& id) override;
  Result<std::vector<std::string>> StoryIds() override;
  Result<std::vector<ArticleWithHistory>> GetWithHistory(const std::vector<std::string>& ids) override;
  Status PutArticleViews(const std::vector<std::pair<std::string, std::string>>& views) override;
  Status PutArticleView(const std::string& article_id, const std::string& view_json) override;
  Result<std::optional<std::string>> GetArticleView(const std::string& article_id) override;
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
  // A session advisory lock: released when the connection closes, the
  // process's death included. Known gap: a reconnect after a lost
  // connection does not take it again (docs/store.md).
  Status LockWriter() override;

  // Small named values for the workers (issue #25): the assigner's
  // checkpoint and each story's member list, written inside the caller's
  // transaction when one is open (Begin), so they commit with the rows they
  // describe. Table worker_state (docs/store.md), created on open when
  // missing: an additive table, no schema version change. GetState answers
  // nullopt for an unknown key.
  Status PutState(const std::string& key, const std::string& value);
  Result<std::optional<std::string>> GetState(const std::string& key);
  // GetState that also row-locks the key until the caller's transaction
  // (Begin) ends: a writer of the key waits, and one that deleted it first
  // makes this answer nullopt.
  Result<std::optional<std::string>> LockState(const std::string& key);
  // Cleaning's boilerplate memory as the assigner keeps it (table
  // worker_boilerplate, created on open like worker_state): in how many
  // articles of an outlet each line hash occurred. AddLineCounts adds to
  // the stored counts (in the caller's transaction when one is open, so
  // they commit with the checkpoint they belong to).
  struct LineCount {
    std::string outlet;
    uint64_t hash = 0;
    uint32_t count = 0;
  };
  Status AddLineCounts(const std::vector<LineCount>& counts);
  Status ForEachLineCount(const std::function<void(const LineCount&)>& fn);
  // The keys that start with `prefix`, in order.
  Result<std::vector<std::string>> StateKeys(const std::string& prefix);
  // Adds one to the number stored at `key` (0 when absent) atomically and
  // returns the new value: unique across processes.
  Result<int64_t> IncrementState(const std::string& key);
  Status DeleteState(const std::string& key);

  // The terms as a tsquery text: every term, each a prefix ("" for none).
  // Terms are quoted, so no term is read as tsquery syntax.
  static std::string TsQuery(const std::vector<std::string>& terms);

  PgConnection& connection() { return *conn_; }

 private:
  explicit PgStoryStore(std::unique_ptr<PgConnection> conn) : conn_(std::move(conn)) {}
  Status Migrate();
  Status UpdateArticleLink(const char* column, const std::string& article_id, const std::string& value);

  std::unique_ptr<PgConnection> conn_;
  bool in_store_transaction_ = false;  // Begin() is open: Put joins it
  friend class PgStoreTransaction;
};

}  // namespace storyfuse

#endif  // STORYFUSE_STORE_PG_STORY_STORE_H_
