// ArticleStore: articles, their version history and stories in SQLite
// (schema in docs/store.md), with full-text search over title and text.
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

namespace storyfuse {

// An article as stored: the Article fields the store keeps (not the offset
// map or removed boilerplate; corrections since schema 4) plus the store's
// own columns.
struct StoredArticle {
  Article article;
  std::string content_hash;
  std::string story_id;  // "" when not assigned
  std::string copy_of;   // id of the article this one copies, or ""
  std::string ingested_at;
  int64_t version = 0;
};

// A superseded version from article_versions.
struct ArticleVersion {
  int64_t version = 0;
  std::string content_hash;
  std::string url;
  std::string title;
  std::string text;
  std::string ingested_at;
  std::string replaced_at;
};

struct StoredStory {
  std::string id;
  std::string headline;
  std::string updated_at;
  std::string brief_json;  // "" when no brief has been stored
  // The story list's counts, kept beside the brief so listing stories reads
  // no brief (schema 2).
  int64_t articles = 0;
  int64_t outlets = 0;
  int64_t independent_sources = 0;
  std::string published;  // latest article date, "" when none
};

struct SearchHit {
  std::string id;
  std::string title;
  std::string snippet;  // text around the match, matches in [brackets]
  double rank = 0;      // bm25; lower is better
};

class ArticleStore {
 public:
  static constexpr int kSchemaVersion = 5;

  enum class PutOutcome { kInserted, kUnchanged, kDuplicate, kUpdated };
  struct PutResult {
    PutOutcome outcome = PutOutcome::kInserted;
    std::string id;       // the stored article's id (the existing one for kDuplicate/url updates)
    int64_t version = 0;  // its current version
  };

  // Opens or creates the store at `path` and migrates its schema to
  // kSchemaVersion. Returns IoError naming the path when it cannot be
  // opened, Unsupported when its schema is newer than this build.
  static Result<std::unique_ptr<ArticleStore>> Open(const std::string& path);

  // Stores `a` (see the rules above). `now` is the ISO 8601 UTC time to
  // record (the current time when empty). Returns InvalidArgument for an
  // article without id or text.
  Result<PutResult> Put(const Article& a, const std::string& now = "");

  // The current version of article `id`, or nullopt.
  Result<std::optional<StoredArticle>> Get(const std::string& id);
  // Earlier versions of `id`, oldest first.
  Result<std::vector<ArticleVersion>> History(const std::string& id);
  // Full-text search (FTS5 query syntax) over title and text, best first.
  Result<std::vector<SearchHit>> Search(const std::string& query, int limit);
  Result<int64_t> CountArticles();

  // Links an article to its story and/or the article it copies ("" clears).
  Status SetStory(const std::string& article_id, const std::string& story_id);
  Status SetCopyOf(const std::string& article_id, const std::string& copy_of);
  // Inserts or replaces a story.
  Status PutStory(const StoredStory& story);
  Result<std::optional<StoredStory>> GetStory(const std::string& id);
  // The rendered GET /api/articles/{id} answer, stored on the ingest side
  // whenever the article's story is rewritten (schema 3). nullopt when
  // none is stored (an article not yet in a story, or a store migrated
  // from schema 2 whose story has not changed since).
  Status PutArticleView(const std::string& article_id, const std::string& view_json);
  Result<std::optional<std::string>> GetArticleView(const std::string& article_id);
  // Ids of the articles of a story, in ingest order.
  Result<std::vector<std::string>> StoryArticles(const std::string& story_id);

  // The content hash Put() uses (hex XXH3-128 of title and text).
  static std::string ContentHash(const Article& a);
  // Current UTC time as "YYYY-MM-DDTHH:MM:SSZ".
  static std::string NowUtc();

  Database& db() { return *db_; }

 private:
  explicit ArticleStore(std::unique_ptr<Database> db) : db_(std::move(db)) {}
  Status Migrate();
  Status MigrateTo1();
  Status MigrateTo2();
  Status MigrateTo3();
  Status MigrateTo4();
  Status MigrateTo5();
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
