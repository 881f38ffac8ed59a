// StoreStoryRepository: a StoryRepository over the SQLite store
// (store/article_store.h; schema in docs/store.md).
//
// Reads use a pool of read connections, one per concurrent request, so
// they never wait on the ingest (WAL). Ingests are serialized on one
// writer connection, run on a niced writer thread (pipeline/writer_thread.h)
// so that they do not take CPU from reads either; each article and each
// story is its own transaction.
//
// Crash safety: Open() replays the stored articles through the clusterer
// (rebuilding its in-memory state) and repairs what an interrupted ingest
// left behind: articles without a story get one, a story whose brief does
// not list exactly its articles gets its brief rebuilt, stories merged
// away are deleted. So after a kill -9 and a restart every stored article
// is in exactly one story and every brief matches its articles.
//
// Thread-safe.
#ifndef STORYFUSE_PIPELINE_STORE_STORY_REPOSITORY_H_
#define STORYFUSE_PIPELINE_STORE_STORY_REPOSITORY_H_

#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "pipeline/story_pipeline.h"
#include "pipeline/story_repository.h"
#include "pipeline/writer_thread.h"
#include "store/article_store.h"

namespace storyfuse {

class StoreStoryRepository : public StoryRepository {
 public:
  // Opens (or creates) the store at `path`, takes its writer lock (an
  // exclusive flock on `path`.lock: IoError while another process holds
  // it), repairs it (see above) and
  // opens `readers` read connections up front (more are opened when more
  // reads run at once). Ingests run on a writer thread `writer_nice` above
  // the process's nice value (0 for a command-line ingest that has no
  // readers to yield to). Returns the store's error naming the path.
  static Result<std::unique_ptr<StoreStoryRepository>> Open(const std::string& path, int readers = 8,
                                                            int writer_nice = WriterThread::kDefaultNiceIncrement);
  ~StoreStoryRepository() override;

  Result<StoryList> ListStories(const StoryQuery& query) override;
  Result<std::string> StoryBriefJson(const std::string& story_id) override;
  Result<nlohmann::json> ArticleJson(const std::string& article_id) override;
  Result<std::vector<SearchResult>> Search(const std::string& q, int limit, const QueryControl& control) override;
  Result<std::vector<IngestOutcome>> Ingest(std::vector<RawDoc> docs) override;
  // Ingest for articles already cleaned (the `storyfuse ingest` command):
  // stores them, clusters the new ones and rebuilds the briefs of the
  // stories they touched. Outcomes as Ingest's, in order.
  Result<std::vector<IngestOutcome>> IngestArticles(const std::vector<Article>& articles);
  Result<RepositoryStats> Stats() override;

  // Checks that every article is in exactly one story, every story's
  // brief lists exactly its articles, and every stored article view is of
  // the article's current story and version. Corruption listing the first
  // problems otherwise; `summary` gets the counts.
  Status Verify(std::string* summary);

  // Stories repaired by Open() (for the log).
  int repaired() const { return repaired_; }

  // A story whose brief was being built when the process died twice
  // (crash, kill, out of memory, abandoned at shutdown) is not built again
  // on open: its brief stays as it was (Verify reports it) until an ingest
  // touches the story. Recorded in the writer lock file (`path`.lock:
  // "skip <id>" and "building <id> <attempts>" lines, written before and
  // cleared after each build), so a document that stops the server cannot
  // stop every restart. These are the stories Open() skipped.
  static constexpr int kMaxBuildAttempts = 2;
  const std::vector<std::string>& skipped() const { return skipped_; }

 private:
  class ReaderLease;
  StoreStoryRepository(std::string path, std::unique_ptr<ArticleStore> writer, int writer_nice);

  Result<ReaderLease> Reader();
  void Return(std::unique_ptr<ArticleStore> reader);
  Status LockWriter();
  Status Recover();
  // Points the stories' articles at them and rebuilds their briefs;
  // deletes the removed stories. Writer only.
  Status WriteStories(const SettledStories& settled, const std::string& now, bool only_stale);
  Status WriteStory(const std::string& story_id, const std::vector<std::string>& ids, const std::string& now,
                    bool only_stale);
  Status WriteArticleViews(const std::vector<StoredArticle>& members, const std::string& brief_json);
  Result<IngestOutcome> IngestOne(const RawDoc& doc, const std::string& now);
  Result<IngestOutcome> StoreOne(const Article& article, const std::string& now);
  // On the writer thread: stores n articles with store_one(i, now), then
  // settles and writes the stories they touched.
  Result<std::vector<IngestOutcome>> IngestBatch(
      size_t n, const std::function<Result<IngestOutcome>(size_t, const std::string&)>& store_one);

  std::string path_;
  // The writer lock's descriptor (flock on path_ + ".lock"); declared
  // first, so it is released after everything that writes.
  struct LockFile {
    int fd = -1;
    ~LockFile();
  } lock_;
  std::mutex ingest_mu_;  // serializes Ingest; guards writer_ and pipeline_
  std::unique_ptr<ArticleStore> writer_;
  StoryPipeline pipeline_;
  std::mutex pool_mu_;
  std::vector<std::unique_ptr<ArticleStore>> readers_;  // idle read connections
  int repaired_ = 0;
  // The build journal (see skipped()); writer only.
  void MarkBuilding(const std::string& story_id);
  void MarkBuilt();
  void WriteJournal(const std::string& building, int attempts);
  std::set<std::string> skip_;
  std::string crashed_story_;  // being built when the last process died
  int crashed_attempts_ = 0;
  std::vector<std::string> skipped_;
  // Runs every Ingest, at a lower CPU priority than the readers. Declared
  // last so it stops before the writer state it uses is destroyed.
  WriterThread writer_thread_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_PIPELINE_STORE_STORY_REPOSITORY_H_
