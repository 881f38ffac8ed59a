// TimelineBuilder: the brief's timeline. Resolves the dates each article
// states (analyze/date_resolver; relative dates against the article's own
// date, else the story's), and lists each dated sentence once, with every
// article stating the same thing on the same date as its sources, in date
// order. Vague dates ("days earlier") are left out. Stateless; thread-safe.
#ifndef STORYFUSE_BRIEF_TIMELINE_BUILDER_H_
#define STORYFUSE_BRIEF_TIMELINE_BUILDER_H_

#include <vector>

#include "brief/aligned_story.h"
#include "brief/story_brief.h"

namespace storyfuse {

class TimelineBuilder {
 public:
  static std::vector<TimelineEntry> Build(const AlignedStory& view);
};

}  // namespace storyfuse

#endif  // STORYFUSE_BRIEF_TIMELINE_BUILDER_H_
