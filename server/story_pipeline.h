// StoryPipeline: the ingest path every StoryRepository shares:
// RawDoc -> Article (ingest/ArticleExtractor), new Article -> story id,
// and a story's articles -> StoryBrief (brief/BriefBuilder).
//
// Story assignment: until the streaming clusterer is wired in, all new
// articles of one batch start one new story "s-<n>" (docs/server.md says
// why). An article already stored keeps its story.
//
// Not thread-safe (owns an extractor and a brief builder); a repository
// calls it only from its serialized ingest path.
#ifndef STORYFUSE_SERVER_STORY_PIPELINE_H_
#define STORYFUSE_SERVER_STORY_PIPELINE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "brief/brief_builder.h"
#include "brief/story_brief.h"
#include "ingest/article.h"
#include "ingest/article_extractor.h"
#include "ingest/raw_doc.h"
#include "server/story_repository.h"

namespace storyfuse {

class StoryPipeline {
 public:
  // `next_story` is the number of the next story id to hand out (stories
  // already stored + 1 when reopening a store).
  explicit StoryPipeline(int64_t next_story = 1);

  // InvalidArgument naming the document when it holds no article text.
  Result<Article> Extract(const RawDoc& doc);

  // Starts a batch: the batch's new articles share one new story.
  void BeginBatch();
  // The story of a new article of the current batch.
  std::string AssignStory(const Article& article);

  // The brief of a story from its articles (in arrival order).
  StoryBrief BuildBrief(const std::string& story_id, const std::vector<const Article*>& articles);

 private:
  ArticleExtractor extractor_;
  BriefBuilder builder_;
  int64_t next_story_;
  std::string batch_story_;
};

// The row of the story list for a brief; `updated` is the ingest time.
StorySummary SummarizeBrief(const StoryBrief& brief, const std::string& updated);

// n of a story id "s-<n>", 0 for any other id.
int64_t StoryNumber(const std::string& story_id);

// "2026-11-26T10:45:00Z", now.
std::string NowIso8601();

}  // namespace storyfuse

#endif  // STORYFUSE_SERVER_STORY_PIPELINE_H_
