// StoryWriter: the write side of a stored repository. Stores articles,
// clusters the new ones (StoryPipeline), and writes the stories they
// touched: each story's article links, brief and article views in one
// transaction, so a reader (or a crash) sees them all old or all new.
//
// The clusterer is a stream that revises its recent window at the end of
// every batch (StoryPipeline). Each revision and each editor correction
// is appended to the store's stream log with the number of articles
// clustered before it, and every article that changes story is recorded
// as a move (cause "stream" or "editor"); a story's version goes up each
// time its set of articles changes.
//
// Recover() replays the stored articles through the clusterer, with the
// logged revisions and corrections at the points they were made (so the
// same stories, ids included, come back), and repairs what an interrupted
// ingest left behind: articles without a story get one, a story whose brief does not
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
  // Logs a revision Settle made and records its moves.
  Status LogSettled(const SettledStories& settled, const std::string& now);
  Status RecordMoves(const std::vector<StoryMove>& moves, const std::string& cause, const std::string& now);
  // Replays one logged event (a revision or a correction).
  void Replay(const StreamEvent& event);
  Status WriteStory(const std::string& story_id, const std::vector<std::string>& ids, const std::string& now,
                    bool only_stale);
  Status WriteArticleViews(const std::vector<StoredArticle>& members, const std::string& brief_json);

  std::unique_ptr<StoryStore> store_;
  WriterLock* lock_;
  StoryPipeline pipeline_;
  int repaired_ = 0;
  std::vector<std::string> skipped_;
};

// The article ids a stored brief lists, in its order.
std::vector<std::string> BriefArticleIds(const std::string& brief_json);

}  // namespace storyfuse

#endif  // STORYFUSE_PIPELINE_STORY_WRITER_H_
