// StoryWriter: the write side of a stored repository. Stores articles,
// clusters the new ones (StoryPipeline), and writes the stories they
// touched: each story's article links, brief and article views in one
// transaction, so a reader (or a crash) sees them all old or all new.
//
// Recover() replays the stored articles through the clusterer (rebuilding
// its in-memory state) and repairs what an interrupted ingest left
// behind: articles without a story get one, a story whose brief does not
// list exactly its articles gets its brief rebuilt, stories merged away
// are deleted. Builds are recorded in the WriterLock's journal (a story
// whose build stopped the process twice is skipped on open).
//
// Not thread-safe by itself: the caller serializes all calls (the
// repository runs them on its writer thread).
#ifndef STORYFUSE_PIPELINE_STORY_WRITER_H_
#define STORYFUSE_PIPELINE_STORY_WRITER_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "ingest/article.h"
#include "ingest/raw_doc.h"
#include "pipeline/story_pipeline.h"
#include "pipeline/story_repository.h"
#include "pipeline/writer_lock.h"
#include "store/story_store.h"

namespace storyfuse {

class StoryWriter {
 public:
  // `store` is the writer's connection; `lock` (held, outliving this)
  // keeps the build journal.
  StoryWriter(std::unique_ptr<StoryStore> store, WriterLock* lock);

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
  // Stores n articles with store_one(i, now), then settles and writes the
  // stories they touched.
  Result<std::vector<IngestOutcome>> IngestBatch(
      size_t n, const std::function<Result<IngestOutcome>(size_t, const std::string&)>& store_one);
  Result<IngestOutcome> IngestOne(const RawDoc& doc, const std::string& now);
  Result<IngestOutcome> StoreOne(const Article& article, const std::string& now);
  // Points the stories' articles at them and rebuilds their briefs
  // (only those whose stored brief is stale, when `only_stale`); deletes
  // the removed stories.
  Status WriteStories(const SettledStories& settled, const std::string& now, bool only_stale);
  Status WriteStory(const std::string& story_id, const std::vector<std::string>& ids, const std::string& now,
                    bool only_stale);

  std::unique_ptr<StoryStore> store_;
  WriterLock* lock_;
  StoryPipeline pipeline_;
  int repaired_ = 0;
  std::vector<std::string> skipped_;
};

// The two halves of writing one story, shared by StoryWriter (both, in one
// transaction) and the workers (issue #25: the assigner links, a brief
// worker builds). The caller holds the store's transaction.
//
// LinkStoryMembers: reads the stored articles `ids` (arrival order; ids not
// stored are skipped) into `members`, pointing each at `story_id` and at
// copy_of(id). True when any link changed.
Result<bool> LinkStoryMembers(StoryStore* store, const std::string& story_id, const std::vector<std::string>& ids,
                              const std::function<std::string(const std::string&)>& copy_of,
                              std::vector<StoredArticle>* members);
// WriteStoryBrief: builds the brief of `story_id` from `members` (links[i]
// for members[i]) and stores it with its row and its articles' views.
Status WriteStoryBrief(StoryStore* store, StoryPipeline* pipeline, const std::string& story_id,
                       const std::vector<StoredArticle>& members, const std::vector<ArticleLinks>& links,
                       const std::string& now);

// The article ids a stored brief lists, in its order.
std::vector<std::string> BriefArticleIds(const std::string& brief_json);

}  // namespace storyfuse

#endif  // STORYFUSE_PIPELINE_STORY_WRITER_H_
