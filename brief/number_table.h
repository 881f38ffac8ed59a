// NumberTable: the brief's numbers, conflicts and tracked figures.
//
// Every quantity the story's articles state (NumberExtractor) is
// classified (FigureClassifier) and bucketed by what it counts
// (NumberAligner::CountedKey, plus the development for counts of people:
// "killed" and "injured" never share a bucket).
//
// Numbers: one entry per value stated in one sense. An article is cited
// for an entry only when its sentence states that value of that quantity
// in that sense: same value and hedge, the same part-whole and record
// role, not owned by different names (NumberAligner::DifferentNames), and
// the sentence states the clause of the entry's figure (CitationSupport,
// directional, at the matcher's operating point: a figure, name or word
// of that clause the sentence lacks, another speaker or a word of
// opposite sense is no support; negation is compared clause to clause,
// and a sentence naming no day may state a clause that names one);
// otherwise its statement is an entry of its
// own. Entries are ranked by kind (people
// affected, then money, then shares and counts of things, then measures
// such as distances, speeds and durations), by independent origins and by
// how near the top of an article they are stated.
//
// Conflicts: two entries conflict only when they are the same quantity at
// the same time and their values cannot both hold:
// - not a developing count (a toll is a tracked figure, FigureTracker);
// - values disjoint under their hedges and within NumberAligner::kMaxRatio
//   (NumberAligner::ValuesConflict, Commensurate);
// - no article states the quantity twice, once agreeing with each side:
//   an article that gives both ("weakened from 180 mph to 80 mph") says
//   they are different times or things;
// - NumberAligner::SameThing on their clauses, and sentences the aligner
//   finds to state the same statement (similarity >= kSameStatement);
// - their sentences name no two different days, and neither clause is a
//   plan, proposal or forecast (QuantityContext::irrealis: "would raise
//   the minimum salary to $750,000" states no fact to disagree with).
// A conflict lists every value of that quantity (those agreeing with one
// side too: "2,300 m" beside "2,310 m" and "2,286 m").
//
// Thread-safe (each call owns its NumberAligner).
#ifndef STORYFUSE_BRIEF_NUMBER_TABLE_H_
#define STORYFUSE_BRIEF_NUMBER_TABLE_H_

#include <cstdint>
#include <set>
#include <vector>

#include "brief/aligned_story.h"
#include "brief/figure_tracker.h"
#include "brief/story_brief.h"

namespace storyfuse {

class NumberTable {
 public:
  static constexpr size_t kMaxNumbers = 20;
  // Least aligner similarity of two sentences whose values conflict.
  static constexpr float kSameStatement = 0.25f;

  // Fills `brief`'s numbers (most important first), conflicts and
  // figures. When `reads_alone` is given, the headline figure's newest
  // value is stated in `brief->summary` (FigureTracker::StateHeadline)
  // and its sentence's group added to `summary_groups` (may be null).
  static void Build(const AlignedStory& view, StoryBrief* brief,
                    const FigureTracker::SentenceFilter& reads_alone = nullptr,
                    std::set<uint32_t>* summary_groups = nullptr);
};

}  // namespace storyfuse

#endif  // STORYFUSE_BRIEF_NUMBER_TABLE_H_
