#include "brief/citation_support.h"

namespace storyfuse {

bool CitationSupport::Vetoed(const ClaimCoverage& c) {
  return c.different_speakers || c.missing_numbers > 0 || c.missing_calendar || c.negation_differs || c.opposite ||
         c.missing_names > 0;
}

float CitationSupport::Score(const MatchSentence& claim, const MatchSentence& span, float probability) const {
  return Score(StatementFeatures::Covers(claim, span), claim, span, probability);
}

float CitationSupport::Score(const ClaimCoverage& c, const MatchSentence& claim, const MatchSentence& span,
                             float probability) const {
  if (Vetoed(c)) return 0;
  if (c.weight_share >= kContainedShare && c.missing_words <= kMaxMissingWords) {
    return c.weight_share;
  }
  // A paraphrase must not state less: no hedge the claim lacks, no clause
  // of the claim left out. (A containing span may hedge another of its
  // clauses: "perhaps the world might be distracted, ... but it is our
  // strong view that ...".)
  if (c.weight_share < kParaphraseShare || c.hedged || c.missing_clause) return 0;
  return probability >= 0 ? probability : matcher_->Probability(claim, span);
}

}  // namespace storyfuse
