// DateParser: calendar dates written in news text, as ISO 8601.
//
// Understood forms (English month names, full or abbreviated, with or
// without a leading weekday; ordinals like "10th" allowed):
//   2025-07-11            2025-07-11T08:30:00Z     2025-07-11 08:30 +02:00
//   July 10, 2025         Jul. 10 2025             Thursday, July 10, 2025
//   10 July 2025          Thu 10 Jul 2025 08:00 GMT
//   Thu, 10 Jul 2025 08:00:00 +0000 (RFC 2822)     2025/07/11
// Purely numeric day/month orders ("07/11/2025") are ambiguous and are not
// read. A date without a year ("July 10") is not a complete date and is not
// read either: nothing is guessed.
//
// The ISO value is "YYYY-MM-DD"; when a time with a known zone follows, it is
// "YYYY-MM-DDTHH:MM:SSZ" (GMT/UTC) or "YYYY-MM-DDTHH:MM:SS+HH:MM". A time
// without a zone is dropped (the date alone is kept).
//
// Pure functions; thread-safe.
#ifndef STORYFUSE_INGEST_DATE_PARSER_H_
#define STORYFUSE_INGEST_DATE_PARSER_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace storyfuse {

struct DateMatch {
  size_t begin = 0;  // byte offsets of the date's text (weekday to zone)
  size_t end = 0;
  std::string iso;
};

class DateParser {
 public:
  // The first valid date in `text` (a word-aligned match with a real day of
  // a month, years 1900-2199), or nullopt.
  static std::optional<DateMatch> Find(std::string_view text);

  // The date that starts at byte 0 of `text`, or nullopt. Cheap on long
  // text: it does not scan past the date.
  static std::optional<DateMatch> FindAtStart(std::string_view text);

  // The date `text` consists of (surrounding white space and punctuation
  // such as "," or "|" allowed), or nullopt when `text` holds anything else.
  static std::optional<std::string> ParseWhole(std::string_view text);

  // Month number (1-12) of an English month name or abbreviation
  // ("July", "Jul", "Sept"), case-insensitive; 0 when it is none.
  static int MonthNumber(std::string_view word);
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_DATE_PARSER_H_
