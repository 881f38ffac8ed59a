// StoreStoryRepository: a StoryRepository over a persistent store
// (store/story_store.h; the SQLite schema in docs/store.md).
//
// Reads use a pool of read connections, one per concurrent request, so
// they never wait on the ingest (WAL). Ingests run in their callers'
// threads, side by side: cleaning and brief building outside the single
// writer, which each holds only to store an article, settle its stories or
// commit a built story (pipeline/story_writer.h); each article and each
// story is its own transaction.
//
// Crash safety (pipeline/story_writer.h): Open() replays the stored articles through the clusterer
// (rebuilding its in-memory state) and repairs what an interrupted ingest
// left behind: articles without a story get one, a story whose brief does
// not list exactly its articles gets its brief rebuilt, stories merged
// away are deleted. So after a kill -9 and a restart every stored article
// is in exactly one story and every brief matches its articles.
//
// Thread-safe.
#ifndef STORYFUSE_PIPELINE_STORE_STORY_REPOSITORY_H_
#define STORYFUSE_PIPELINE_STORE_STORY_REPOSITORY_H_

#include <memory>
#include <string>
#include <vector>

#include "pipeline/reader_pool.h"
#include "pipeline/story_repository.h"
#include "pipeline/story_writer.h"
#include "pipeline/writer_lock.h"

namespace storyfuse {

class StoreStoryRepository : public StoryRepository {
 public:
  // Opens (or creates) the store at `path`, takes its writer lock
  // (pipeline/writer_lock.h: IoError while another process holds it),
  // repairs it (see above) and opens `readers` read connections up front
  // (more are opened when more reads or brief builds run at once). Returns
  // the store's error naming the path. `options` go to the StoryWriter
  // (the assigner of issue #25 hands builds to a queue).
  static Result<std::unique_ptr<StoreStoryRepository>> Open(const std::string& path, int readers = 8,
                                                            StoryWriter::Options options = {});
  ~StoreStoryRepository() override;

  Result<StoryList> ListStories(const StoryQuery& query) override;
  // The brief with the story's "version", "history" (its latest moves)
  // and "editor_corrections" (docs/server.md). An id merged away answers
  // with the story holding its articles now, with "merged_from": the id
  // asked for.
  Result<std::string> StoryBriefJson(const std::string& story_id) override;
  Result<std::string> ArticleViewJson(const std::string& article_id) override;
  Result<std::vector<SearchResult>> Search(const std::string& q, int limit, const QueryControl& control) override;
  Result<std::vector<IngestOutcome>> Ingest(std::vector<RawDoc> docs) override;
  // Ingest for articles already cleaned (the `storyfuse ingest` command):
  // stores them, clusters the new ones and rebuilds the briefs of the
  // stories they touched. Outcomes as Ingest's, in order.
  Result<std::vector<IngestOutcome>> IngestArticles(const std::vector<Article>& articles);
  Result<RepositoryStats> Stats() override;
  Result<std::vector<ArticleMove>> Correct(const StoryCorrection& correction) override;

  // Moves shown with a story (GET /api/stories/{id}): the latest this many.
  static constexpr int kHistoryMoves = 50;
  // Merges followed from a merged-away story id to the story holding its
  // articles now (StoryBriefJson); a chain longer than this is not served.
  static constexpr int kMaxMergeHops = 8;

  // Checks that every article is in exactly one story, every story's
  // brief lists exactly its articles, and every stored article view is of
  // the article's current story and version. Corruption listing the first
  // problems otherwise; `summary` gets the counts.
  Status Verify(std::string* summary);

  // A repository that only reads: no writer lock, no repair, Ingest
  // answers Unsupported. For `serve --read-only` beside the workers of
  // docs/scale.md (any number of readers; the assigner holds the lock).
  static Result<std::unique_ptr<StoreStoryRepository>> OpenReadOnly(const std::string& path, int readers = 8);

  // Stories repaired by Open() (for the log).
  int repaired() const { return writer_ ? writer_->repaired() : 0; }

  // A story whose brief was being built when the process died twice
  // (crash, kill, out of memory, abandoned at shutdown) is not built again
  // on open: its brief stays as it was (Verify reports it) until an ingest
  // touches the story (WriterLock's build journal). These are the stories
  // Open() skipped.
  static constexpr int kMaxBuildAttempts = WriterLock::kMaxBuildAttempts;
  const std::vector<std::string>& skipped() const { return writer_ ? writer_->skipped() : no_skips_; }

 private:
  explicit StoreStoryRepository(const std::string& path);

  const std::vector<std::string> no_skips_;
  // Declared first, so the lock is released after everything that writes.
  WriterLock lock_;
  ReaderPool readers_;  // before the writer, which builds briefs from it
  std::unique_ptr<StoryWriter> writer_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_PIPELINE_STORE_STORY_REPOSITORY_H_
