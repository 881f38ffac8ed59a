// QuoteTable: the brief's quotes. Finds each article's direct quotes and
// speakers (analyze/quote_extractor) and groups the quotations that are
// one remark: the same speaker saying the same words in substance, however
// each outlet cuts or words it ("He's killing too many people" and "he's
// killing a lot of people"; a fragment "disappointment and frustration"
// and the whole sentence it comes from).
//
// Every quotation the extractor finds is kept, as a variant of its remark:
// the whole quotation as that article prints it, with its span. A remark
// shows its speaker (the name most of its variants credit, mapped to the
// story's canonical entity name: "Rubio" -> "Marco Rubio"); it is
// unattributed only when no variant names one.
//
// Two quotations are one remark when their speakers do not differ and the
// shorter one's words are found in one stretch of the longer (a window of
// its sentences one longer than the shorter quotation): all of them for a
// quotation of one or two content words, two of three, else 60% by stem;
// and that stretch states the shorter one, read by CitationSupport in that
// direction (brief/citation_support.h): a quotation of more than three
// content words must be supported at the matcher's operating point, a
// shorter one (too short for the matcher) must have no veto (another
// speaker; a figure, name, day, or its own negation the stretch lacks; a
// word of opposite sense) and half its weight in it. Two quotations of one
// article are one remark only when one repeats the other's words in their
// order, every word, skipping at most as many as it has (an outlet repeats
// its own quotation, it does not reword it; the lines of a dialogue share
// words but are different remarks), and a quotation of names only
// (a title, "The Harbor Festival") is no wording of a remark.
// Quotations join the group of the best-matching longer one, longest
// first, so two different remarks that share a fragment are never chained
// into one.
//
// Not thread-safe (owns a QuoteExtractor); one per thread.
#ifndef STORYFUSE_BRIEF_QUOTE_TABLE_H_
#define STORYFUSE_BRIEF_QUOTE_TABLE_H_

#include <string>
#include <string_view>
#include <vector>

#include "analyze/quote_extractor.h"
#include "brief/aligned_story.h"
#include "brief/story_brief.h"

namespace storyfuse {

class QuoteTable {
 public:
  // Remarks carried by the most independent sources first. `entities`
  // (the brief's) resolve speaker names to canonical ones.
  std::vector<BriefQuote> Build(const AlignedStory& view, const std::vector<BriefEntity>& entities);

  // Whether two quotations of two different articles (their text and
  // canonical speakers, "" when unknown) are one remark, by the rule
  // above. Exposed for tests.
  static bool SameRemark(std::string_view a, const std::string& speaker_a, std::string_view b,
                         const std::string& speaker_b);

 private:
  QuoteExtractor extractor_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_BRIEF_QUOTE_TABLE_H_
