// NumberTable: the brief's numbers and conflicts. Aligns the quantities the
// story's articles state by what they count (the unit, else the counted
// noun, stemmed), merges identical statements across articles, and reports
// a conflict when two origins give values for the same thing, in sentences
// about the same event, whose ranges cannot both hold.
//
// Ranges follow the hedge: "728" is [728, 728], "more than 700" [700, inf),
// "about 400" [340, 460], "up to 50" [0, 50]; so "a record 728 drones" and
// "more than 700 drones" agree. Stateless; thread-safe.
#ifndef STORYFUSE_BRIEF_NUMBER_TABLE_H_
#define STORYFUSE_BRIEF_NUMBER_TABLE_H_

#include <vector>

#include "brief/story_brief.h"
#include "brief/aligned_story.h"

namespace storyfuse {

class NumberTable {
 public:
  // Fills `numbers` (most supported first) and `conflicts`.
  static void Build(const AlignedStory& view, std::vector<BriefNumber>* numbers, std::vector<Conflict>* conflicts);
};

}  // namespace storyfuse

#endif  // STORYFUSE_BRIEF_NUMBER_TABLE_H_
