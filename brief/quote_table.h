// QuoteTable: the brief's quotes. Finds each article's direct quotes and
// speakers (analyze/quote_extractor), and groups the same quote across
// articles even when outlets word or cut it differently (word overlap of
// the shorter quote with the longer), so each distinct quote is listed
// once with every outlet's wording. Speakers are mapped to the story's
// canonical entity names ("Rubio" -> "Marco Rubio").
//
// Not thread-safe (owns a QuoteExtractor); one per thread.
#ifndef STORYFUSE_BRIEF_QUOTE_TABLE_H_
#define STORYFUSE_BRIEF_QUOTE_TABLE_H_

#include <vector>

#include "analyze/quote_extractor.h"
#include "brief/aligned_story.h"
#include "brief/story_brief.h"

namespace storyfuse {

class QuoteTable {
 public:
  // Most widely carried quotes first. `entities` (the brief's) resolve
  // speaker names to canonical ones.
  std::vector<BriefQuote> Build(const AlignedStory& view, const std::vector<BriefEntity>& entities);

 private:
  QuoteExtractor extractor_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_BRIEF_QUOTE_TABLE_H_
