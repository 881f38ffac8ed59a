// NumberTable: the brief's numbers and conflicts. Buckets the quantities
// the story's articles state by what they count (NumberAligner::CountedKey:
// the unit and the counted noun's stemmed head), merges identical
// statements across articles, and reports a conflict when two origins, in
// sentences about the same event, give values NumberAligner finds to count
// the same thing (SameThing) and to be incompatible (ValuesConflict: the
// ranges their hedges allow are disjoint). The conflict rules live in
// analyze/number_aligner only; so "a record 728 drones" and "more than 700
// drones" agree. Thread-safe (each call owns its NumberAligner).
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
