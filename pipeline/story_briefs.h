// The pipeline over a set of articles known up front: the CLI's `cluster`,
// `brief` and `eval citations` (the server and `ingest` take articles one
// at a time through StoryPipeline instead).
//
// Pure functions of their inputs; thread-safe.
#ifndef STORYFUSE_PIPELINE_STORY_BRIEFS_H_
#define STORYFUSE_PIPELINE_STORY_BRIEFS_H_

#include <memory>
#include <vector>

#include "brief/story_brief.h"
#include "cluster/grouper.h"
#include "ingest/article.h"

namespace storyfuse {

// The clusterer for articles known up front: all grouped at once
// (BatchClusterer) unless `stream`, which takes them one at a time in the
// given order (StreamGrouper: the revising stream, docs/clustering.md).
std::unique_ptr<Grouper> MakeGrouper(bool stream);

// Groups the articles (MakeGrouper), then builds one brief per story,
// biggest story first. `words` is the summary budget.
std::vector<StoryBrief> BriefStories(const std::vector<Article>& articles, int words, bool stream = false);

}  // namespace storyfuse

#endif  // STORYFUSE_PIPELINE_STORY_BRIEFS_H_
