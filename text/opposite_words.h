// OppositeWords: words whose sense is the reverse of another's in the same
// frame ("prices rose" / "prices fell", "the council approved" / "the
// council rejected", "won" / "lost"). Two sentences that share every
// other word but one says "rose" where the other says "fell" state
// opposite facts; no overlap measure tells them apart, this table does.
//
// Each listed word belongs to one sense pair and one side of it. Lookup
// is on case-folded words, inflected forms listed (regular ones generated:
// -s, -ed, -ing). A word in no pair returns kNone.
//
// Thread-safe (immutable table).
#ifndef STORYFUSE_TEXT_OPPOSITE_WORDS_H_
#define STORYFUSE_TEXT_OPPOSITE_WORDS_H_

#include <string_view>

namespace storyfuse {

// A side of a sense pair: `pair` numbers the pair (>= 1), `side` is +1 or
// -1. {0, 0} for a word in no pair.
struct Sense {
  int pair = 0;
  int side = 0;
  bool operator==(const Sense&) const = default;
};

class OppositeWords {
 public:
  static constexpr Sense kNone{};
  // The sense of the case-folded `word`.
  static Sense Of(std::string_view folded_word);
};

}  // namespace storyfuse

#endif  // STORYFUSE_TEXT_OPPOSITE_WORDS_H_
