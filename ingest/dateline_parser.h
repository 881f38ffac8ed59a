// DatelineParser: the dateline that opens a news report's first paragraph.
//
//   KUALA LUMPUR, Malaysia (Reuters) — The minister said ...
//   WASHINGTON (AP) _ The president ...           (CNN) — The talks ...
//   LONDON, July 10 (Reuters) - Prices rose ...   NEW YORK — A jury ...
//   Kuala Lumpur [Malaysia], July 11 (ANI): The minister said ...
//
// A dateline is a place in capitals and/or a parenthesized credit, then a
// dash (or a colon after a credit). A place in ordinary case counts only
// when a credit follows it. The credit is returned as written; the caller
// decides whether it names an agency (WireAgencies) or the outlet itself.
//
// Pure functions; thread-safe.
#ifndef STORYFUSE_INGEST_DATELINE_PARSER_H_
#define STORYFUSE_INGEST_DATELINE_PARSER_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace storyfuse {

struct Dateline {
  size_t length = 0;      // bytes of the paragraph taken, through the dash and following spaces
  std::string place;      // "KUALA LUMPUR, Malaysia"; "" when the dateline has no place
  std::string credit;     // "Reuters", "CNN"; "" when none
  std::string date_text;  // "July 10" when the dateline carries a date
};

class DatelineParser {
 public:
  // The dateline at the very start of `paragraph`, or nullopt. The text
  // after the dateline must start with a capital, a digit or a quote.
  static std::optional<Dateline> Parse(std::string_view paragraph);
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_DATELINE_PARSER_H_
