// StoreStoryRepository: a StoryRepository over a persistent store
// (store/story_store.h; the SQLite schema in docs/store.md).
//
// Reads use a pool of read connections, one per concurrent request, so
// they never wait on the ingest (WAL). Ingests are serialized on one
// writer connection, run on a niced writer thread (pipeline/writer_thread.h)
// so that they do not take CPU from reads either; each article and each
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
#include <mutex>
#include <string>
#include <vector>

#include "pipeline/reader_pool.h"
#include "pipeline/story_repository.h"
#include "pipeline/story_writer.h"
#include "pipeline/writer_lock.h"
#include "pipeline/writer_thread.h"

namespace storyfuse {

class StoreStoryRepository : public StoryRepository {
 public:
  // Opens (or creates) the store at `path`, takes its writer lock
  // (pipeline/writer_lock.h: IoError while another process holds it),
  // repairs it (see above) and opens `readers` read connections up front
  // (more are opened when more reads run at once). Ingests run on a writer
  // thread `writer_nice` above the process's nice value (0 for a
  // command-line ingest that has no readers to yield to). Returns the
  // store's error naming the path.
  static Result<std::unique_ptr<StoreStoryRepository>> Open(const std::string& path, int readers = 8,
                                                            int writer_nice = WriterThread::kDefaultNiceIncrement);
  ~StoreStoryRepository() override;

  Result<StoryList> ListStories(const StoryQuery& query) override;
  // The brief with the story's "version", "history" (its latest moves)
  // and "editor_corrections" (docs/server.md).
  Result<std::string> StoryBriefJson(const std::string& story_id) override;
  Result<nlohmann::json> ArticleJson(const std::string& article_id) override;
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

  // Checks that every article is in exactly one story, every story's
  // brief lists exactly its articles, and every stored article view is of
  // the article's current story and version. Corruption listing the first
  // problems otherwise; `summary` gets the counts.
  Status Verify(std::string* summary);

  // Stories repaired by Open() (for the log).
  int repaired() const { return writer_->repaired(); }

  // A story whose brief was being built when the process died twice
  // (crash, kill, out of memory, abandoned at shutdown) is not built again
  // on open: its brief stays as it was (Verify reports it) until an ingest
  // touches the story (WriterLock's build journal). These are the stories
  // Open() skipped.
  static constexpr int kMaxBuildAttempts = WriterLock::kMaxBuildAttempts;
  const std::vector<std::string>& skipped() const { return writer_->skipped(); }

 private:
  StoreStoryRepository(const std::string& path, int writer_nice);

  // Declared first, so the lock is released after everything that writes.
  WriterLock lock_;
  ReaderPool readers_;
  std::mutex ingest_mu_;  // serializes the writer's calls
  std::unique_ptr<StoryWriter> writer_;
  // Runs every Ingest, at a lower CPU priority than the readers. Declared
  // last so it stops before the writer state it uses is destroyed.
  WriterThread writer_thread_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_PIPELINE_STORE_STORY_REPOSITORY_H_
