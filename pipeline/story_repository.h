// StoryRepository: what the server needs from storage, and nothing more.
//
// The HTTP layer (api_router) talks to this interface only, so the routes
// are tested against MemoryStoryRepository and served from the SQLite
// store (StoreStoryRepository) in production.
//
// Thread safety: every method may be called from many threads at once.
// Reads never wait for an ingest to finish. Ingests may run side by side;
// their writes are serialized (a store-backed repository builds briefs
// outside its single writer, pipeline/story_writer.h), and each returns
// once the stories of its articles are stored with them.
#ifndef STORYFUSE_PIPELINE_STORY_REPOSITORY_H_
#define STORYFUSE_PIPELINE_STORY_REPOSITORY_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "ingest/raw_doc.h"

namespace storyfuse {

// How long a search may run, and whether anyone still waits for it.
struct QueryControl {
  // A search (or a list filtered by words) stops after this long with
  // Unsupported: a cost bound that no query can pass.
  static constexpr std::chrono::milliseconds kDefaultBudget{2000};
  std::chrono::milliseconds budget = kDefaultBudget;
  // Set once the client has gone: the query stops (Unsupported).
  std::shared_ptr<const std::atomic<bool>> client_gone;

  bool Gone() const { return client_gone && client_gone->load(std::memory_order_relaxed); }
};

// GET /api/stories parameters. Empty strings mean "no filter".
struct StoryQuery {
  std::string q;      // words that must occur in the story's headline or articles
  std::string since;  // ISO 8601; only stories updated at or after it
  int limit = 20;     // 1..200
  int offset = 0;     // >= 0
  QueryControl control;
};

// One row of the story list.
struct StorySummary {
  std::string id;
  std::string headline;
  int articles = 0;
  int outlets = 0;
  int independent_sources = 0;
  std::string updated;    // ISO 8601 UTC of the last ingest that touched it
  std::string published;  // latest publication date of its articles, or ""
};

struct StoryList {
  std::vector<StorySummary> stories;  // newest update first
  int64_t total = 0;                  // matching stories before limit/offset
};

// One search result: an article or a story, best first.
struct SearchResult {
  std::string kind;  // "article" or "story"
  std::string id;
  std::string title;     // article title or story headline
  std::string story_id;  // the article's story (kind "article"), else = id
  std::string snippet;   // matching text, terms wrapped in [ and ]
  double score = 0;      // higher is better
};

// What happened to one posted article.
struct IngestOutcome {
  std::string id;
  std::string story_id;   // empty when rejected
  std::string status;     // "created", "updated" (new version), "unchanged", "rejected"
  std::string error;      // why it was rejected
  std::string warning;    // what was changed to store it (its text cut to the limit), or ""
  std::string stored_id;  // the stored article: `id`, or for "duplicate" the one it repeats
  int64_t version = 0;    // the stored article's current version (0 when rejected)
};

// An editor's correction (docs/server.md; `storyfuse correct` reads them
// one JSON object a line): a constraint the clusterer keeps from then on.
struct StoryCorrection {
  std::string kind;     // "merge": story into target; "move": article to target; "detach": article on its own
  std::string article;  // move, detach
  std::string story;    // merge: the story merged away
  std::string target;   // merge: the story kept; move: the story it joins
  std::string note;     // the editor's words, kept with it
};

// An article a correction moved.
struct ArticleMove {
  std::string article;
  std::string from, to;  // story ids
};

struct RepositoryStats {
  int64_t articles = 0;
  int64_t versions = 0;
  int64_t stories = 0;
};

class StoryRepository {
 public:
  virtual ~StoryRepository() = default;

  // Stories matching `query`, newest update first. InvalidArgument for a
  // malformed query (the server checks ranges before calling).
  virtual Result<StoryList> ListStories(const StoryQuery& query) = 0;

  // The story's brief as JSON text, the shape of one story of
  // `storyfuse brief --format json`. NotFound for an unknown id.
  virtual Result<std::string> StoryBriefJson(const std::string& story_id) = 0;

  // One article: metadata, cleaned `text`, `sentences` (code point spans
  // into text), `analyses` (what its story's brief cites from it),
  // `versions` and `story`, serialized: a stored view is served as it was
  // stored, never parsed and dumped again. NotFound for an unknown id.
  virtual Result<std::string> ArticleViewJson(const std::string& article_id) = 0;

  // Articles and stories matching the words of `q` (SearchTerms: at most
  // kMaxSearchTerms distinct words), best first, at most `limit` of each
  // kind. Unsupported when stopped by `control` (over budget, client gone).
  virtual Result<std::vector<SearchResult>> Search(const std::string& q, int limit, const QueryControl& control) = 0;

  // Cleans, clusters, stores the documents and rebuilds the briefs of the
  // stories they touch; one outcome per document, in order. A document
  // whose id is stored with the same text is "unchanged" (stored once).
  // A non-OK Status means nothing of the batch was stored.
  virtual Result<std::vector<IngestOutcome>> Ingest(std::vector<RawDoc> docs) = 0;

  virtual Result<RepositoryStats> Stats() = 0;

  // Applies an editor's correction (serialized with ingests), stores it
  // and rewrites the stories it touched; the articles it moved.
  // InvalidArgument for a malformed correction or one that changes
  // nothing, NotFound for an unknown story or article. By default
  // Unsupported: corrections are kept in a store.
  virtual Result<std::vector<ArticleMove>> Correct(const StoryCorrection& correction) {
    (void)correction;
    return Status::Unsupported("corrections need a store: serve with --db");
  }
};

}  // namespace storyfuse

#endif  // STORYFUSE_PIPELINE_STORY_REPOSITORY_H_
