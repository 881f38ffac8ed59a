// CitationSupport: whether a span states a claim, in that direction only.
//
// A citation says "this span of that article states this item". The span
// may say more than the item (a long sentence holding the claim in one of
// its clauses), but everything the item claims must be in it: its names,
// its figures, its days, its speaker, its polarity and its words. The
// statement matcher (brief/statement_matcher.h) judges symmetric
// equivalence (two sentences saying the same thing), so it misses claims
// held inside longer sentences and, by itself, passes verbs of opposite
// sense in one frame; this score combines the two:
//
//   - Vetoes (score 0): the span names another speaker of a quotation;
//     lacks a figure (digits or number words), a name, a weekday or month
//     of the claim; differs in negation; has the opposite of a claim
//     word (text/opposite_words.h) without the word itself. A strict
//     fact-checker reads "Hun Sen's party" as not stating "Hun Sen's
//     Cambodian People's Party" ... won: letting a name go unless the span
//     names another in its stead cited "some fear ..." for "Like Jumblatt,
//     some fear ...", so every name is required (docs/brief.md).
//   - Containment: at least kContainedShare of the claim's idf-weighted
//     content words are in the span, and at most
//     kMaxMissingWords of its plain words are absent even as loose stems:
//     the score is that share.
//   - Paraphrase: otherwise the matcher's probability, provided the span
//     holds at least kParaphraseShare of the claim's weight (a span that
//     states the claim cannot lack most of its words), does not hedge what
//     the claim states outright ("appears to include" for "comes with"),
//     and has some word of each of the claim's later clauses ("..., but
//     the plot failed"): a paraphrase must not state less.
//
// Supports(score) is the matcher's operating point; containment scores are
// at or above it by construction (kContainedShare >= any threshold the
// matcher ships, checked in the test).
//
// Immutable; thread-safe as the matcher is.
#ifndef STORYFUSE_BRIEF_CITATION_SUPPORT_H_
#define STORYFUSE_BRIEF_CITATION_SUPPORT_H_

#include "brief/statement_features.h"
#include "brief/statement_matcher.h"

namespace storyfuse {

class CitationSupport {
 public:
  // Share of the claim's idf weight a span must hold to contain it.
  static constexpr float kContainedShare = 0.85f;
  // Plain words (not names, not figures) of the claim a containing span
  // may lack: one, for a reworded adjective or adverb; never more (a
  // second missing word is as often the predicate).
  static constexpr int kMaxMissingWords = 1;
  // Share of the claim's weight below which the matcher is not asked.
  static constexpr float kParaphraseShare = 0.5f;

  // `matcher` is kept by reference and must outlive this object.
  explicit CitationSupport(const StatementMatcher& matcher) : matcher_(&matcher) {}

  // The support of `span` for `claim`, in [0, 1]. `probability` is the
  // matcher's for the pair, when the caller has it (negative: computed
  // here only if needed).
  float Score(const MatchSentence& claim, const MatchSentence& span, float probability = -1) const;
  // The same from the pair's coverage (StatementFeatures::Covers), for a
  // caller that reads one veto differently (a number's day: see
  // brief/number_table.h).
  float Score(const ClaimCoverage& coverage, const MatchSentence& claim, const MatchSentence& span,
              float probability = -1) const;
  // Why a span does not state a claim, or nothing: the vetoes above.
  static bool Vetoed(const ClaimCoverage& c);
  bool Supports(float score) const { return score > 0 && matcher_->Supports(score); }
  float threshold() const { return matcher_->threshold(); }

 private:
  const StatementMatcher* matcher_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_BRIEF_CITATION_SUPPORT_H_
