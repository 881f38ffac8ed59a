// NumberAligner: decides whether two quantities (from NumberExtractor,
// usually from different articles of one story) count the same thing, and
// whether their values conflict, i.e. cannot both be true.
//
// Same thing: the same unit and the same counted noun (by its stemmed
// head: "drones" = "drone"), the same part-whole role ("eight of the 10
// countries" counts a part), not stated side by side in one clause of one
// text, both or neither a record/superlative ("a record 728 drones",
// "its largest drone assault"), and then either both records or clauses
// that share content words (a quarter of the smaller clause's).
//
// Conflict: the values each statement allows are disjoint. What a
// statement allows follows its hedge: "more than 700" allows (700, inf),
// "about 400" allows 400 +- 15%, an exact round figure allows its rounding
// (700 covers 650..750), "a record 728" is exact. So "a record 728
// drones" and "more than 700 drones" do not conflict; "about 400 drones"
// and "more than 700 drones" do.
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

namespace storyfuse {

// The closed or open interval of values a quantity's statement allows.
struct ValueRange {
  double lo = 0;
  double hi = std::numeric_limits<double>::infinity();
  bool lo_open = false;
  bool hi_open = false;
};

class NumberAligner {
 public:
  NumberAligner();

  // Key of what `q` counts, for bucketing before pairwise checks:
  // "<unit>|<stemmed head noun>" ("|drone", "percent|tariff",
  // "minute|meet"), or "" when nothing named is counted (a bare "two").
  std::string CountedKey(const Quantity& q);

  // Whether `a` (spans into `text_a`) and `b` (into `text_b`) count the
  // same thing; see the file comment. Quantities with an empty key never
  // match.
  bool SameThing(const Quantity& a, std::string_view text_a, const Quantity& b,
                 std::string_view text_b);

  // Whether the two statements allow disjoint values (units must match;
  // different units never conflict). Does not check SameThing.
  static bool ValuesConflict(const Quantity& a, const Quantity& b);

  // The values `q`'s statement allows.
  static ValueRange Allowed(const Quantity& q);

  // SameThing and ValuesConflict together.
  bool Conflict(const Quantity& a, std::string_view text_a, const Quantity& b,
                std::string_view text_b) {
    return SameThing(a, text_a, b, text_b) && ValuesConflict(a, b);
  }

 private:
  // Stemmed content words of q's clause outside q itself; a superlative
  // ("record", "largest") is kept as the marker "<sup>".
  std::vector<std::string> ContextWords(const Quantity& q, std::string_view text);

  Stemmer stemmer_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_NUMBER_ALIGNER_H_
