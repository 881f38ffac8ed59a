// StoryWriter: the write side of a stored repository. Stores articles,
// clusters the new ones (StoryPipeline), and writes the stories they
// touched: each story's article links, brief and article views in one
// transaction, so a reader (or a crash) sees them all old or all new.
//
// The single writer is a mutex held only for short steps: storing one
// article and clustering it, settling the stories a batch touched, and
// committing one built story. The costly work runs outside it, in the
// calling thread: cleaning the documents before, and after, building each
// changed story's brief and article views from a read connection. Every
// story has a generation, bumped whenever its members change; a built
// story is committed only if its story is still at the generation it was
// built from, and is otherwise rebuilt from the current members (unless a
// newer one is stored already). So ingests run side by side, a costly
// document never holds the others, and a stale brief never replaces a
// newer one. An ingest returns once every story it touched is stored at a
// generation that includes its articles.
//
// Recover() replays the stored articles through the clusterer (rebuilding
// its in-memory state) and repairs what an interrupted ingest left
// behind: articles without a story get one, a story whose brief does not
// list exactly its articles gets its brief rebuilt, stories merged away
// are deleted. Builds are recorded in the WriterLock's journal (a story
// whose build stopped the process twice is skipped on open).
//
// Thread-safe: IngestDocs and IngestArticles may run at once, from any
// threads. Recover() runs before any ingest.
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
#include "pipeline/story_pipeline.h"
#include "pipeline/story_repository.h"
#include "pipeline/writer_lock.h"
#include "store/story_store.h"

namespace storyfuse {

class StoryWriter {
 public:
  // `store` is the writer's connection; `lock` (held, outliving this)
  // keeps the build journal; `readers` (outliving this) lends the
  // connections briefs are built from.
  StoryWriter(std::unique_ptr<StoryStore> store, WriterLock* lock, ReaderPool* readers);

  // Replays and repairs the store (see above).
  Status Recover();

  // Cleans, stores and clusters the documents, then writes the stories
  // they touched. Outcomes as StoryRepository::Ingest's.
  Result<std::vector<IngestOutcome>> IngestDocs(const std::vector<RawDoc>& docs);
  // The same for articles already cleaned (text cut to the limit).
  Result<std::vector<IngestOutcome>> IngestArticles(const std::vector<Article>& articles);

  // Stories repaired by Recover() and stories merged away since.
  int repaired() const { return repaired_; }
  // Stories Recover() left as they were (see WriterLock).
  const std::vector<std::string>& skipped() const { return skipped_; }

 private:
  // A story's members at one generation, taken under mu_.
  struct Snapshot {
    std::string id;
    int64_t generation = 0;
    std::vector<MemberLinks> members;
  };
  // The writes of one built story (StoryWriter.cc).
  struct StoryWrite;

  // Stores and clusters the articles (null: rejected, its outcome given),
  // then builds and writes the stories they touched.
  Result<std::vector<IngestOutcome>> IngestBatch(const std::vector<const Article*>& articles,
                                                 std::vector<IngestOutcome> outcomes);
  // Under mu_.
  Result<IngestOutcome> StoreOne(const Article& article, const std::string& now);
  void ApplySettled(const SettledStories& settled);
  void Unsettle(const std::string& article_id);  // one of its entries
  Result<bool> StoredIsCurrent(const std::string& story_id, const std::vector<std::string>& ids);
  Status Relink(const Snapshot& snapshot);
  Status Commit(const StoryWrite& write, const std::string& now);

  // Builds `story_id` and commits it, again while its members change,
  // until a generation at least as new as the current one is stored.
  Status BuildUntilCurrent(const std::string& story_id, const std::string& now);
  // Outside mu_: reads the members, builds the brief and the views.
  Result<StoryWrite> Build(const Snapshot& snapshot, const std::string& now);

  std::mutex mu_;                      // the single writer: guards everything below but readers_
  std::unique_ptr<StoryStore> store_;  // the writer's connection
  WriterLock* lock_;
  ReaderPool* readers_;
  StoryPipeline pipeline_;                     // Extract and BuildBrief are thread-safe and run outside mu_
  std::map<std::string, int64_t> generation_;  // current story -> its generation
  std::map<std::string, int64_t> stored_;      // story -> generation of its stored brief
  std::map<std::string, std::vector<std::string>> members_;  // current story -> its article ids
  std::multiset<std::string> unsettled_;  // articles stored and clustered whose ingest has not settled yet
  std::atomic<int> repaired_{0};
  std::vector<std::string> skipped_;
};

// The article ids a stored brief lists, in its order.
std::vector<std::string> BriefArticleIds(const std::string& brief_json);

}  // namespace storyfuse

#endif  // STORYFUSE_PIPELINE_STORY_WRITER_H_
