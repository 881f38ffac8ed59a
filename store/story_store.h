// StoryStore: what the application (pipeline/) needs from persistent
// storage, in typed calls only. Articles with their version history,
// stories with their briefs and list columns, the rendered article views,
// full-text search, and the checks a repair needs.
//
// The interface names no storage engine: the SQLite implementation is
// ArticleStore (store/article_store.h, schema in docs/store.md); another
// engine implements the same calls. Only store/ speaks SQL.
//
// Errors: IoError / Corruption from the engine; Unsupported when a read was
// stopped by its `stop` condition.
//
// Thread safety: an instance is one connection; not thread-safe. Use one
// per thread. Several processes may share one store.
#ifndef STORYFUSE_STORE_STORY_STORE_H_
#define STORYFUSE_STORE_STORY_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "ingest/article.h"

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

struct ArticleWithHistory {
  StoredArticle article;
  std::vector<ArticleVersion> history;  // earlier versions, oldest first
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
  // 1 when first stored, one more each time its set of articles changes
  // (an article joins or leaves it: a move is a new version of both
  // stories) (schema 6).
  int64_t version = 1;
};

// One entry of the clusterer's log (schema 6): what the stream did besides
// taking articles, in order, so that a restart replays it at the same
// point: a revision of its window at the end of an ingest batch, or an
// editor's correction (pipeline/story_writer.h).
struct StreamEvent {
  int64_t seq = 0;             // the store's order; ignored by Append
  int64_t after_articles = 0;  // articles clustered before it
  std::string kind;            // "revise", "merge", "move" or "detach"
  std::string article_id;      // move, detach: the article
  std::string story_id;        // merge: the story merged away; move, detach: the story it left
  std::string target_id;       // merge: the story kept; move: the story it joined; detach: the new story
  std::string at;              // ISO 8601 UTC
  std::string note;            // the editor's words, or ""
};

// An article that changed story after it was first placed (schema 6).
struct StoryMoveRecord {
  int64_t seq = 0;  // the store's order; ignored by AddStoryMove
  std::string article_id;
  std::string from_story, to_story;
  std::string cause;  // "stream" (a revision) or "editor" (a correction)
  std::string at;     // ISO 8601 UTC
};

struct SearchHit {
  std::string id;
  std::string title;
  std::string snippet;  // text around the match, matches in [brackets]
  double rank = 0;      // bm25; lower is better
};

// One page of the story list (ListStories).
struct StoryListFilter {
  std::string since;               // ISO 8601; only stories updated at or after it; "" for all
  std::vector<std::string> terms;  // words (each a prefix) one of the story's articles holds; none for all
  int limit = 20;
  int offset = 0;
};
struct StoryPage {
  std::vector<StoredStory> stories;  // newest update first; brief_json left empty
  int64_t total = 0;                 // matching stories before limit/offset
};

// An article search hit with the story it belongs to.
struct ArticleSearchHit {
  SearchHit hit;
  std::string story_id;        // "" when not in a story
  std::string story_headline;  // "" when not in a story
};

struct StoreCounts {
  int64_t articles = 0;
  int64_t archived_versions = 0;  // superseded versions (article_versions)
  int64_t stories = 0;
};

// A write transaction: rolls back on destruction unless Commit() succeeded.
class StoreTransaction {
 public:
  virtual ~StoreTransaction() = default;
  virtual Status Commit() = 0;
};

class StoryStore {
 public:
  enum class PutOutcome { kInserted, kUnchanged, kDuplicate, kUpdated };
  struct PutResult {
    PutOutcome outcome = PutOutcome::kInserted;
    std::string id;       // the stored article's id (the existing one for kDuplicate/url updates)
    int64_t version = 0;  // its current version
  };
  // Stops a read when it returns true (checked often); empty: never.
  using StopCondition = std::function<bool()>;

  virtual ~StoryStore() = default;

  // Articles. Put is idempotent and versioned (rules in article_store.h).
  virtual Result<PutResult> Put(const Article& a, const std::string& now = "") = 0;
  virtual Result<std::optional<StoredArticle>> Get(const std::string& id) = 0;
  // Earlier versions of `id`, oldest first.
  virtual Result<std::vector<ArticleVersion>> History(const std::string& id) = 0;
  // Article `id` as it was first stored (its oldest archived version, else
  // the current one), with the current story and copy links: what ingest
  // clustered, since an update only marks its story for a new brief.
  virtual Result<std::optional<StoredArticle>> FirstVersion(const std::string& id) = 0;
  // Every stored article's id, in the order they were first stored.
  virtual Result<std::vector<std::string>> ArticleIds() = 0;
  // Links an article to its story and/or the article it copies ("" clears).
  virtual Status SetStory(const std::string& article_id, const std::string& story_id) = 0;
  virtual Status SetCopyOf(const std::string& article_id, const std::string& copy_of) = 0;

  // Stories. PutStory inserts or replaces.
  virtual Status PutStory(const StoredStory& story) = 0;
  virtual Result<std::optional<StoredStory>> GetStory(const std::string& id) = 0;
  virtual Status DeleteStory(const std::string& id) = 0;
  virtual Result<std::vector<std::string>> StoryIds() = 0;

  // The articles `ids` (current versions) with their earlier versions,
  // in `ids`' order; an id not stored is left out. What a story's rebuild
  // reads of every member: a server answers it in two round trips, not
  // two per member. The default reads them one by one.
  virtual Result<std::vector<ArticleWithHistory>> GetWithHistory(const std::vector<std::string>& ids);

  // The rendered GET /api/articles/{id} answer, stored whenever the
  // article's story is rewritten. nullopt when none is stored.
  virtual Status PutArticleView(const std::string& article_id, const std::string& view_json) = 0;
  virtual Result<std::optional<std::string>> GetArticleView(const std::string& article_id) = 0;
  // PutArticleView of each (article id, view) pair. A server writes them
  // in one statement and leaves a view equal to the stored one unwritten
  // (no new row version); the default writes them one by one.
  virtual Status PutArticleViews(const std::vector<std::pair<std::string, std::string>>& views);

  // Reads that a client waits for; Unsupported once `stop` says so.
  virtual Result<StoryPage> ListStories(const StoryListFilter& filter, const StopCondition& stop) = 0;
  // Articles holding every term (each a word prefix), best first.
  virtual Result<std::vector<ArticleSearchHit>> SearchArticles(const std::vector<std::string>& terms, int limit,
                                                               const StopCondition& stop) = 0;
  virtual Result<StoreCounts> Counts() = 0;

  // Consistency checks (a repair, `serve --check`): every article's story,
  // every story's brief, calling `fn` per row.
  virtual Status ForEachArticleStory(
      const std::function<void(const std::string& id, const std::string& story_id)>& fn) = 0;
  virtual Status ForEachStoryBrief(
      const std::function<void(const std::string& id, const std::string& brief_json)>& fn) = 0;
  // Articles whose stored view is of another story or version than theirs.
  virtual Result<std::vector<std::string>> StaleArticleViews() = 0;

  virtual Result<std::unique_ptr<StoreTransaction>> Begin() = 0;

  // The clusterer's log (schema 6): appended by the writer, read back in
  // order on open. StreamCorrections: the editor's entries (not
  // "revise") naming `story_id` as story_id or target_id, oldest first.
  virtual Status AppendStreamEvent(const StreamEvent& event) = 0;
  virtual Result<std::vector<StreamEvent>> StreamEvents() = 0;
  virtual Result<std::vector<StreamEvent>> StreamCorrections(const std::string& story_id) = 0;
  // Moves between stories; StoryMoves: the latest `limit` into or out of
  // `story_id`, oldest first.
  virtual Status AddStoryMove(const StoryMoveRecord& move) = 0;
  virtual Result<std::vector<StoryMoveRecord>> StoryMoves(const std::string& story_id, int limit) = 0;

  // Makes this connection the store's one writer for as long as it is open
  // (a writer keeps its own clusterer and story numbering). IoError when
  // another connection holds it. SQLite: nothing here (the pipeline's
  // WriterLock flocks a file beside the database); PostgreSQL: a session
  // advisory lock, so one writer across machines.
  virtual Status LockWriter() { return Status::Ok(); }

  // Current UTC time as "YYYY-MM-DDTHH:MM:SSZ", as the store records it.
  static std::string NowUtc();
};

// Opens (or creates) the store at `path`: a SQLite file for a path (or
// ":memory:"), a PostgreSQL database for a postgresql:// or postgres:// URL
// (PgStoryStore, issue #25; Unsupported in a build without libpq). Returns
// IoError naming the path or server when it cannot be opened, Unsupported
// when its schema is newer than this build.
Result<std::unique_ptr<StoryStore>> OpenStoryStore(const std::string& path);

}  // namespace storyfuse

#endif  // STORYFUSE_STORE_STORY_STORE_H_
