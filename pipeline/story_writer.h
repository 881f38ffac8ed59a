// StoryWriter: the write side of a stored repository. Stores articles,
// clusters the new ones (StoryPipeline), and writes the stories they
// touched: each story's article links, brief and article views in one
// transaction, so a reader (or a crash) sees them all old or all new.
//
// The clusterer is a stream that revises its recent window at the end of
// every batch (StoryPipeline). Each revision and each editor correction
// is appended to the store's stream log with the number of articles
// clustered before it, and every article that changes story is recorded
// as a move (cause "stream" or "editor"); a story's stored version goes
// up each time a brief of another set of articles is committed for it.
//
// The single writer is a mutex held only for short steps: storing one
// article and clustering it, settling the stories a batch touched
// (revising the window, logging the revision and its moves), applying
// and logging an editor's correction, and committing one built story.
// The costly work runs outside it, in the calling thread: cleaning the
// documents before, and after, building each changed story's brief and
// article views from a read connection. Every story has a generation,
// bumped under the writer whenever its members change (an article joins,
// a revision or a correction moves one in or out); a built story is
// committed only if its story is still at the generation it was built
// from, and is otherwise rebuilt from the current members (unless a
// newer one is stored already). So ingests and corrections run side by
// side, a costly document never holds the others, and a stale brief
// never replaces a newer one. An ingest (a correction) returns once every
// story it touched is stored at a generation that includes its articles
// (its moves).
//
// Recover() replays the stored articles through the clusterer (each as
// first stored: an update never moves an article, so the stream placed
// its first version), with the logged revisions and corrections at the
// points they were made (so the same stories, ids included, come back),
// and repairs what an interrupted ingest left behind: articles without a
// story get one, a story whose brief does not list exactly its articles
// gets its brief rebuilt, stories merged away are deleted. Builds are recorded in the
// WriterLock's journal (a story whose build stopped the process twice is
// skipped on open).
//
// With a StoryBuildQueue (Options::queue; the assigner of issue #25), the
// writer does all of the above but building: each settle's changed stories
// are handed to the queue at their current generation (with the ids merged
// away, which the queue deletes), and the brief workers build and commit
// them with the same code (pipeline/story_build.h).
//
// Thread-safe: IngestDocs, IngestArticles and Correct may run at once,
// from any threads. Recover() runs before any of them.
#ifndef STORYFUSE_PIPELINE_STORY_WRITER_H_
#define STORYFUSE_PIPELINE_STORY_WRITER_H_

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "base/status.h"
#include "ingest/article.h"
#include "ingest/raw_doc.h"
#include "pipeline/reader_pool.h"
#include "pipeline/story_build.h"
#include "pipeline/story_pipeline.h"
#include "pipeline/story_repository.h"
#include "pipeline/writer_lock.h"
#include "store/story_store.h"

namespace storyfuse {

struct StoryWriterOptions {
  // Not null: stories are built elsewhere (see above); outlives the writer.
  StoryBuildQueue* queue = nullptr;
  // Recover() revises the window over the articles stored after the
  // last logged revision. Off for a writer whose interrupted batch is
  // delivered again (the assigner): that batch's own settle revises at
  // the point an uninterrupted run did.
  bool revise_on_recover = true;
};

class StoryWriter {
 public:
  using Options = StoryWriterOptions;

  // `store` is the writer's connection; `lock` (held, outliving this)
  // keeps the build journal; `readers` (outliving this) lends the
  // connections briefs are built from.
  StoryWriter(std::unique_ptr<StoryStore> store, WriterLock* lock, ReaderPool* readers, Options options = {});

  // Replays and repairs the store (see above).
  Status Recover();

  // Cleans, stores and clusters the documents, then writes the stories
  // they touched. Outcomes as StoryRepository::Ingest's.
  Result<std::vector<IngestOutcome>> IngestDocs(const std::vector<RawDoc>& docs);
  // The same for articles already cleaned (text cut to the limit).
  Result<std::vector<IngestOutcome>> IngestArticles(const std::vector<Article>& articles);

  // Applies an editor's correction, logs it, records its moves and
  // rewrites the stories it touched; the moves it made. NotFound /
  // InvalidArgument for a correction that names an unknown story or
  // article or changes nothing.
  Result<std::vector<StoryMove>> Correct(const StoryCorrection& correction);

  // Stories repaired by Recover() and stories merged away since.
  int repaired() const { return repaired_; }
  // Stories Recover() left as they were (see WriterLock).
  const std::vector<std::string>& skipped() const { return skipped_; }

 private:
  using Snapshot = StorySnapshot;  // taken under mu_

  // Stores and clusters the articles (null: rejected, its outcome given),
  // then builds and writes the stories they touched.
  Result<std::vector<IngestOutcome>> IngestBatch(const std::vector<const Article*>& articles,
                                                 std::vector<IngestOutcome> outcomes);
  // Under mu_.
  Result<IngestOutcome> StoreOne(const Article& article, const std::string& now);
  // Bumps the generations of the stories whose members changed (joins,
  // and the moves of revisions and corrections: Settle reports both).
  void ApplySettled(const SettledStories& settled);
  // Logs the revision Settle made and records its moves.
  Status LogSettled(const SettledStories& settled, const std::string& now);
  Status RecordMoves(const std::vector<StoryMove>& moves, const std::string& cause, const std::string& now);
  // Replays one logged event (a revision or a correction).
  void Replay(const StreamEvent& event);
  // The settled stories holding no article of an ingest in flight (that
  // ingest builds those) go to `build`, the removed ones to `removed`.
  void TakeSettled(SettledStories settled, std::set<std::string>* build, std::vector<std::string>* removed);
  void Unsettle(const std::string& article_id);  // one of its entries
  Result<bool> StoredIsCurrent(const std::string& story_id, const std::vector<std::string>& ids);
  Status Relink(const Snapshot& snapshot);
  Status Commit(const StoryWrite& write, const std::string& now);

  // Outside mu_: builds the stories, then deletes the removed ones still
  // gone (after the stories that took their articles are stored). With a
  // queue: enqueues them instead.
  Status BuildAndDelete(const std::set<std::string>& stories, const std::vector<std::string>& removed,
                        const std::string& now);
  // Under mu_: the stories not enqueued at their current generation yet,
  // and the removed ones still gone, to the queue.
  Status Enqueue(const std::set<std::string>& stories, const std::vector<std::string>& removed);
  // Builds `story_id` and commits it, again while its members change,
  // until a generation at least as new as the current one is stored.
  Status BuildUntilCurrent(const std::string& story_id, const std::string& now);
  // Outside mu_: reads the members, builds the brief and the views.
  Result<StoryWrite> Build(const Snapshot& snapshot, const std::string& now);

  std::mutex mu_;                      // the single writer: guards everything below but readers_
  std::unique_ptr<StoryStore> store_;  // the writer's connection
  WriterLock* lock_;
  ReaderPool* readers_;
  Options options_;
  StoryPipeline pipeline_;                     // Extract and BuildBrief are thread-safe and run outside mu_
  std::map<std::string, int64_t> generation_;  // current story -> its generation
  std::map<std::string, int64_t> stored_;      // story -> generation of its stored (or enqueued) brief
  std::map<std::string, std::vector<std::string>> members_;  // current story -> its article ids
  std::multiset<std::string> unsettled_;  // articles stored and clustered whose ingest has not settled yet
  std::atomic<int> repaired_{0};
  std::vector<std::string> skipped_;
};

// The article ids a stored brief lists, in its order.
std::vector<std::string> BriefArticleIds(const std::string& brief_json);

}  // namespace storyfuse

#endif  // STORYFUSE_PIPELINE_STORY_WRITER_H_
