// DateRoles: what a date does in its sentence. Only an event date says
// when the thing the sentence reports happened (or will happen), so only
// event dates may file a sentence in a timeline.
//
// - kEvent: "Rubio met Lavrov on Thursday."
// - kBackground: a date mentioned to situate something else. "Russia
//   launched its largest strikes since the war began in February 2022":
//   the strikes are not of February 2022. Cues:
//   * a marker opening the phrase or clause that holds the date, within
//     kMarkerReach tokens before it and no clause break between: since,
//     before, after, following, until, till, "as of", "prior to",
//     "compared with/to", than, "the first/last/previous" ("the first
//     being in Saudi Arabia earlier this year");
//   * a relative clause: who, which or whose in that same stretch
//     ("Trump, who returned to office this year, ...");
//   * the date names a thing instead of dating the clause (NamesAThing:
//     "Wednesday's ruling", "the 1996 Olympic bombing");
//   * the date lies before the anchor's day while the words around it
//     speak of the future ("the ban, in force since the 2024 vote, will
//     end").
// - kStamp: page furniture that carries a date but reports nothing.
//   * the date heads its line after label words only, no lower-case word
//     before it, and either a label word is in capitals or a past
//     participle ("CORRECTION, June 29, 2017: ...", "Published Monday,
//     Nov. 19", "WASHINGTON, July 10 -"), or the date closes the line or
//     is followed by : - | ) ("Monday, July 14, 2025");
//   * a line wholly in parentheses ("(Published Monday, Nov. 19, 2018)");
//   * a sentence that opens with a call to the reader ("Tune in ...",
//     "Watch ...", "Subscribe ...").
//
// Pure functions; thread-safe.
#ifndef STORYFUSE_ANALYZE_DATE_ROLE_H_
#define STORYFUSE_ANALYZE_DATE_ROLE_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "analyze/date_tense.h"
#include "analyze/lexed_text.h"

namespace storyfuse {

enum class DateRole : uint8_t { kEvent, kBackground, kStamp };

// "event", "background" or "stamp".
std::string_view DateRoleName(DateRole role);

class DateRoles {
 public:
  // A marker governs a short phrase or clause: "since [the war began in]
  // February 2022" puts four words between them; further away a marker
  // mostly belongs to another clause.
  static constexpr size_t kMarkerReach = 8;
  // Label words that may precede a stamp date on its line.
  static constexpr size_t kMaxLabelWords = 3;

  // The role of the date at tokens [first, last]. `before_anchor`: the
  // whole date lies before the anchor's day (false when unresolved).
  static DateRole Of(const LexedText& t, size_t first, size_t last, bool before_anchor);

  // Whether the date at [first, last] names a thing rather than dating
  // its clause: a possessive ("Wednesday's ruling") or a date between a
  // determiner and a word ("the 1996 bombing", "the Jan. 14 deadline").
  // The clause's tense then says nothing about the date.
  static bool NamesAThing(const LexedText& t, size_t first, size_t last);
};

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_DATE_ROLE_H_
