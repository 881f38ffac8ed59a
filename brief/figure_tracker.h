// FigureTracker: figures that develop over a story (a death toll, the
// injured, the evacuated, the missing, arrests: counts that grow as
// reporting goes on), each reported value with its source and time, and
// the story's headline number.
//
// A tracked figure is one development (FigureClassifier) of one group of
// people ("people killed", "miners missing"), reported with at least two
// different values by at least two articles. Rules (docs/brief.md):
// - each article contributes its largest value: the smaller ones it
//   states are parts (one region, one day) or earlier counts it recalls;
// - vague plurals ("dozens of people"), parts ("two of the dead") and
//   background (a sentence naming another year than the report's: "the
//   1998 quake killed 10,000") are not values of the story's figure;
// - a value's time is its article's publication date-time, else the
//   latest day the sentence names, else "";
// - values come from the story's own event: of the mentions, the part
//   that most origins report, connected by sentences at least kRelated
//   similar or naming a same name ("40,000 were killed in the last war"
//   falls outside it unless it names the story's place);
// - values are newest first when every value has a time; otherwise
//   largest first (counts that develop grow), then newest.
// The headline is the tracked figure most origins report, among those
// that kMinHeadlineOrigins origins state in their lead (first
// kLeadSentences sentences).
//
// Holds nothing between calls; thread-safe.
#ifndef STORYFUSE_BRIEF_FIGURE_TRACKER_H_
#define STORYFUSE_BRIEF_FIGURE_TRACKER_H_

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "analyze/figure_classifier.h"
#include "analyze/number_aligner.h"
#include "analyze/number_extractor.h"
#include "brief/aligned_story.h"
#include "brief/story_brief.h"

namespace storyfuse {

// One quantity a story's article states, as the brief's number sections
// see it.
struct NumberMention {
  uint32_t article = 0;
  Quantity quantity;
  FigureClass figure;
  QuantityContext context;  // what NumberAligner compares it by
  int sentence = -1;        // the aligner's sentence holding it, or -1
  Span sentence_span;       // bytes of that sentence (the extractor's when -1)
};

class FigureTracker {
 public:
  static constexpr size_t kMaxFigures = 5;
  static constexpr size_t kMaxValues = 12;
  static constexpr uint32_t kLeadSentences = 3;
  // Two sentences stating a count of one development are about the same
  // event when at least this similar (they share its names and words).
  static constexpr float kRelated = 0.15f;
  // Origins that must state the headline figure in their lead.
  static constexpr int kMinHeadlineOrigins = 2;
  // A headline sentence longer than this is not put in the summary.
  static constexpr int kMaxHeadlineWords = 40;

  // What a mention's tracked figure is about ("people killed"), or "" when
  // it is not a value of one.
  static std::string AboutOf(const AlignedStory& view, const NumberMention& m);

  // The story's tracked figures, most reporting origins first.
  static std::vector<TrackedFigure> Track(const AlignedStory& view, const std::vector<NumberMention>& mentions);

  // Whether a sentence reads on its own in a summary (the brief's rule).
  using SentenceFilter = std::function<bool(std::string_view)>;

  // Marks the headline among `figures` (from Track over the same
  // mentions) and states its newest value in `summary`: the shortest
  // sentence stating it that `reads_alone` accepts and that is at most
  // kMaxHeadlineWords long, put after the lead and cited to every article
  // whose sentence stating that value the alignment links to it (support
  // = their similarity), unless a summary sentence states that value
  // already. Adds the sentence's alignment group to `summary_groups` (may
  // be null). A figure whose newest value no such sentence states is not
  // marked: `headline` means "stated in the summary".
  static void StateHeadline(const AlignedStory& view, const std::vector<NumberMention>& mentions,
                            const SentenceFilter& reads_alone, std::vector<TrackedFigure>* figures,
                            std::vector<Statement>* summary, std::set<uint32_t>* summary_groups);

 private:
  static std::map<std::string, std::vector<const NumberMention*>> ByAbout(const AlignedStory& view,
                                                                          const std::vector<NumberMention>& mentions);
};

}  // namespace storyfuse

#endif  // STORYFUSE_BRIEF_FIGURE_TRACKER_H_
