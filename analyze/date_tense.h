// DateTense: whether the words around a date speak of the past or of the
// future, which decides how a date without a year or a week is resolved
// ("the council met on Monday" is the Monday before the report, "the
// council will meet on Monday" the one after).
//
// Cues, the nearest to the date winning (up to kBefore tokens before it
// and kAfter after it, within its sentence; for a date that opens its
// sentence before a comma, the main clause after it):
// - future: will, shall, 'll, would, the modals (must, should, could, can,
//   might, lower-case may; "could not" is past), scheduled, expected, due, upcoming, next,
//   soon, intentions that govern "to" or an object ("planned to leave",
//   "plans a rally"; not "vacation plans"), "set/going to", "is/are to",
//   "between now and";
// - past: a modal perfect ("could have emerged"), was, were, had, did, irregular past forms (said, met, began,
//   ...), words in -ed (not "-eed" words such as "need"); was, were and
//   had are none before a future cue ("were planning to march"); neither after
//   be, being, is, are or am, where the participle is a passive of the
//   auxiliary's tense ("must be returned by Jan. 14" is future, "when the
//   case is heard in May" present); "since", "ago".
//
// Pure functions; thread-safe.
#ifndef STORYFUSE_ANALYZE_DATE_TENSE_H_
#define STORYFUSE_ANALYZE_DATE_TENSE_H_

#include <cstddef>
#include <cstdint>

#include "analyze/lexed_text.h"

namespace storyfuse {

enum class Tense : uint8_t { kNone, kPast, kFuture };

class DateTense {
 public:
  // How far cues are looked for: a clause of news prose rarely puts its
  // verb further from its date.
  static constexpr size_t kBefore = 10;
  static constexpr size_t kAfter = 6;
  // A present-tense schedule verb is a future cue only this close before
  // its date: "opens Friday", "resumes on Monday".
  static constexpr size_t kScheduleReach = 2;
  // A date opening its sentence ("On Tuesday, ...", at most this many
  // tokens in) and followed by a comma is read with the main clause
  // after it, up to kFrontedReach tokens on.
  static constexpr size_t kMaxFrontedOffset = 2;
  static constexpr size_t kFrontedReach = 30;

  // The tense of the words around the date at tokens [first, last].
  static Tense Around(const LexedText& t, size_t first, size_t last);

  // Only what "since" and "ago" say, for a date that names a thing ("the
  // Jan. 14 deadline"), which the clause's verb does not date.
  static Tense OfPhrase(const LexedText& t, size_t first, size_t last);

  // The tense cue of token `k` alone (kNone when it is not one).
  static Tense CueAt(const LexedText& t, size_t k);

 private:
  // The nearest cue at most `before` tokens before `first` or `after`
  // tokens after `last`, within the sentence.
  static Tense Nearest(const LexedText& t, size_t first, size_t last, size_t before, size_t after);
};

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_DATE_TENSE_H_
