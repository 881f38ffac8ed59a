// NumberAligner: decides whether two quantities (from NumberExtractor,
// usually from different articles of one story) count the same thing, and
// whether their values conflict, i.e. cannot both be true.
//
// Same thing: the same unit and the same counted noun (by its stemmed
// head: "drones" = "drone"), the same part-whole role ("eight of the 10
// countries" counts a part), not stated side by side in one clause of one
// text, both or neither a record/superlative ("a record 728 drones",
// "its largest drone assault"), not owned by different names (both
// clauses name someone, and neither names anyone the other's sentence
// mentions: "Oren Vask served two years", "Ilse Marrow served 10 years";
// a name matches a word sharing all but its last two letters, so
// "Turkey" matches "Turkish"), and then either both records or clauses
// that share content words (a quarter of the smaller clause's).
//
// Commensurate: the larger value is at most kMaxRatio times the smaller.
// Two reports of one quantity rarely differ by more; figures that far
// apart are a part and its whole ("a $535 million loan" of a "$31.98
// billion" programme) or two different things.
//
// Conflict: the values each statement allows are disjoint, with a gap
// (hedged bounds are soft: "more than 700" and "700", or "less than two
// weeks" and "two weeks", only touch). What a statement allows follows
// its hedge:
//   exact "17"         17 (a round figure allows its rounding, below)
//   "about 400"        400 +- 15% (340..460), but never more than one step
//                      of its last digit: "around 57.1" is 57.0..57.2,
//                      "about 17" 16..18; also around, roughly, some
//   "nearly 20"        [17, 20): below the figure by as much as "about"
//   "more than 700"    (700, inf); "at least 700" [700, inf)
//   "less than 90"     [0, 90);   "up to 90" [0, 90]
//   "a record 728"     728, exact
// Rounding: a figure whose last non-zero digit is in the hundreds or a
// higher place is read as rounded to that place (700 covers 650..750,
// 2,300 covers 2,250..2,350, $2.6 million covers 2.55..2.65 million); a
// figure with a non-zero tens or units digit (2,310, 2,286, 17) is taken
// as stated exactly, since reporters round large counts but print
// measurements and small counts as they are. So 2,300 m agrees with both
// 2,310 m and 2,286 m, which disagree with each other; "nearly 20"
// agrees with 17, not with 16; "a record 728 drones" and "more than 700
// drones" agree; "about 400 drones" and "more than 700 drones" do not.
//
// Holds a Stemmer: not thread-safe, use one per thread.
#ifndef STORYFUSE_ANALYZE_NUMBER_ALIGNER_H_
#define STORYFUSE_ANALYZE_NUMBER_ALIGNER_H_

#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/number_extractor.h"
#include "text/stemmer.h"
#include "text/word_lexer.h"

namespace storyfuse {

// The closed or open interval of values a quantity's statement allows.
struct ValueRange {
  double lo = 0;
  double hi = std::numeric_limits<double>::infinity();
  bool lo_open = false;
  bool hi_open = false;
};

// What NumberAligner compares a quantity's statement by, computed once per
// quantity (see NumberAligner::Context).
struct QuantityContext {
  std::string_view text;                    // the text the quantity's spans index
  std::string key;                          // CountedKey
  std::vector<std::string> words;           // stemmed content words of the clause outside the
                                            // quantity, sorted, unique; "<sup>" marks a superlative
  std::vector<std::string> names;           // lower-cased capitalized words of the clause (not
                                            // its first word, months or weekdays), sorted, unique
  std::vector<std::string> sentence_names;  // the same over the whole sentence
  std::vector<std::string> sentence_words;  // every lower-cased word of the sentence, sorted, unique
  // The clause speaks of what may or should be, not what is: a modal
  // ("would", "could", "will", "may") or a word of plans ("proposal",
  // "plans", "forecast", "projected", "wants", "seeks", "target").
  bool irrealis = false;
};

class NumberAligner {
 public:
  // Values further apart than this factor are never one quantity.
  static constexpr double kMaxRatio = 4;

  NumberAligner();

  // Key of what `q` counts, for bucketing before pairwise checks:
  // "<unit>|<stemmed head noun>" ("|drone", "percent|tariff",
  // "minute|meet"), or "" when nothing named is counted (a bare "two").
  std::string CountedKey(const Quantity& q);

  // Whether `a` (spans into `text_a`) and `b` (into `text_b`) count the
  // same thing; see the file comment. Quantities with an empty key never
  // match.
  bool SameThing(const Quantity& a, std::string_view text_a, const Quantity& b, std::string_view text_b);

  // The context `q` (spans into `text`) is compared by.
  QuantityContext Context(const Quantity& q, std::string_view text);
  // The same over WordLexer::Lex(text), which the caller already has.
  QuantityContext Context(const Quantity& q, std::string_view text, const std::vector<LexToken>& tokens);

  // SameThing over contexts computed by Context().
  static bool SameThing(const Quantity& a, const QuantityContext& ca, const Quantity& b, const QuantityContext& cb);

  // Share of the smaller clause's content words the other clause shares,
  // in [0, 1]; 1 when either clause has none.
  static float ContextOverlap(const QuantityContext& a, const QuantityContext& b);

  // Whether both clauses name someone and neither names anyone the other's
  // sentence mentions.
  static bool DifferentNames(const QuantityContext& a, const QuantityContext& b);

  // Whether the clause marks its quantity as a record or superlative.
  static bool Superlative(const QuantityContext& c);

  // Whether the values are within kMaxRatio of each other (see the file
  // comment). Zero is commensurate only with zero.
  static bool Commensurate(const Quantity& a, const Quantity& b);

  // Whether the two statements allow disjoint values (units must match;
  // different units never conflict). Does not check SameThing.
  static bool ValuesConflict(const Quantity& a, const Quantity& b);

  // Whether the values `a` allows and those `b` allows overlap (units
  // must match).
  static bool ValuesAgree(const Quantity& a, const Quantity& b) { return a.unit == b.unit && !ValuesConflict(a, b); }

  // The values `q`'s statement allows.
  static ValueRange Allowed(const Quantity& q);

  // Whether two allowed ranges leave a gap between them (hedged bounds are
  // soft: "more than 700" and "700" only touch). ValuesConflict is this
  // over Allowed() of both, for callers that compare one quantity with
  // many and compute its range once.
  static bool Disjoint(const ValueRange& a, const ValueRange& b) { return a.hi < b.lo || b.hi < a.lo; }

  // SameThing, Commensurate and ValuesConflict together.
  bool Conflict(const Quantity& a, std::string_view text_a, const Quantity& b, std::string_view text_b) {
    return Commensurate(a, b) && ValuesConflict(a, b) && SameThing(a, text_a, b, text_b);
  }

 private:
  Stemmer stemmer_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_NUMBER_ALIGNER_H_
