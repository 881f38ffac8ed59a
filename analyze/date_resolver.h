// DateResolver: finds date expressions in an article's text and resolves
// them to calendar dates.
//
// Absolute forms: "July 10, 2025", "10 July 2025", "2025-07-10", "July 10",
// "Jul. 10th", "the 10th of July", "February 2022", "in February",
// "in 2024", "the 1996 bombing", "mid-July", ranges ("June 3-5", "June 3
// to 5, 2025": one mention per end), holidays ("Thanksgiving",
// "Christmas Eve", "New Year's Day"; date_words.h lists them).
// Relative forms, resolved against an anchor date (the article's
// publication date, or the story's date when the article has none):
// "Thursday", "last Tuesday", "next week", "yesterday", "today",
// "earlier this year", "since January", "two days ago", "days earlier",
// "the week of July 7", "by the end of the year". A time of day ("10:35
// a.m.", "midday") takes the date of the nearest exact day in its
// sentence unless it sits next to it. Narrative forms, resolved against the last exact
// date the text gave (the anchor when none): "that day", "later that
// year", "the next day", "the day before", "a year earlier".
//
// News conventions applied (docs/analyzers.md gives the reasons):
// - A bare weekday is the most recent such day on or before the anchor,
//   unless the words around it speak of the future (DateTense: "will meet
//   on Monday", "plans to leave Thursday"), then the first such day on or
//   after it. "last X" is strictly before the anchor, "next X" strictly
//   after, "this X" in the anchor's ISO week.
// - A month, month-day or holiday without a year takes the year that puts
//   it on or before the anchor when the words are past, on or after it
//   when future, else the year nearest to the anchor.
// - Weeks ("next week") have granularity "week"; iso is the ISO date of
//   their Monday, so that iso strings still sort in time, and IsoValue()
//   writes the ISO week ("2025-W28").
// - Vague spans ("days earlier", "weeks ago") are kept with
//   approximate == true and a coarser granularity.
// - Each mention has a role (date_role.h): an event date, a background
//   date ("since the war began in February 2022") or a stamp (a
//   "Published ..." line). Timelines use event dates only.
// Not dates: times of day without a day in their sentence, durations
// ("for three days"), ages, decades, seasons.
//
// Stateless; thread-safe. Linear in the text's size.
#ifndef STORYFUSE_ANALYZE_DATE_RESOLVER_H_
#define STORYFUSE_ANALYZE_DATE_RESOLVER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/date_role.h"
#include "analyze/lexed_text.h"
#include "ingest/article.h"
#include "text/span.h"
#include "text/word_lexer.h"

namespace storyfuse {

enum class DateGranularity : uint8_t { kDay, kWeek, kMonth, kYear };

// "day", "week", "month" or "year".
std::string_view GranularityName(DateGranularity g);

struct DateMention {
  Span span;        // the words that state the date ("last Tuesday")
  Span sentence;    // the sentence that contains it
  std::string iso;  // "2025-07-10", "2025-07", "2025"; a week is its
                    // Monday's "2025-07-07". Empty when the mention is
                    // relative and no anchor was given.
  DateGranularity granularity = DateGranularity::kDay;
  std::string anchor;                // "YYYY-MM-DD" used for resolving; empty if absolute
  bool relative = false;             // resolution needed the anchor (incl. yearless)
  bool approximate = false;          // vague expression; iso is a best estimate
  DateRole role = DateRole::kEvent;  // what the date does in its sentence
};

// The mention's value as ISO 8601 cut to its granularity: "2025-07-10",
// "2025-W28" (ISO week), "2025-07", "2025"; empty when unresolved.
std::string IsoValue(const DateMention& m);

class DateResolver {
 public:
  // Date mentions of `text` in text order, without overlaps. `anchor_iso`
  // is "YYYY-MM-DD" optionally followed by a time ("2025-07-11T08:30Z");
  // when it is empty or malformed, absolute mentions are still resolved and
  // relative ones are returned with an empty iso.
  static std::vector<DateMention> Extract(std::string_view text, std::string_view anchor_iso);

  // The same over tokens already produced by WordLexer::Lex(text).
  static std::vector<DateMention> Extract(std::string_view text, const std::vector<LexToken>& tokens,
                                          std::string_view anchor_iso);
  // The same over the article's shared lexed view (built once for all
  // analyzers).
  static std::vector<DateMention> Extract(const LexedText& lexed, std::string_view anchor_iso);

  // The anchor to resolve `article`'s relative dates with: its own
  // publication date when present, else `story_anchor` (may be empty).
  static std::string_view AnchorFor(const Article& article, std::string_view story_anchor);
};

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_DATE_RESOLVER_H_
