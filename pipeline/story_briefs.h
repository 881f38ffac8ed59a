// BriefStories: the brief command's pipeline (clustering, then one brief per
// story, biggest first), shared with `eval citations`.
#ifndef STORYFUSE_TOOLS_BRIEF_STORIES_H_
#define STORYFUSE_TOOLS_BRIEF_STORIES_H_

#include <vector>

#include "brief/story_brief.h"
#include "ingest/article.h"

namespace storyfuse {

// Defined in cmd_brief.cc. `words` is the summary budget. All articles are
// grouped at once (BatchClusterer) unless `stream`, which feeds them one at a
// time in the given order (StreamGrouper).
std::vector<StoryBrief> BriefStories(const std::vector<Article>& articles, int words, bool stream = false);

}  // namespace storyfuse

#endif  // STORYFUSE_TOOLS_BRIEF_STORIES_H_
