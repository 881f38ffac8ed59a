// CreditParser: credit lines that say whose story a copy is or who helped
// report it.
//
//   closing credits   "... the minister said. (ANI)"   "— AFP"   "-- AP"
//                     "(With inputs from PTI)"
//   contributions     "Reuters contributed to this report."
//                     "Ana Ruiz of the Daily Planet contributed reporting."
//                     "Additional reporting by AFP"  "Reporting by Ana Ruiz;
//                     Editing by Tom Lee"
// Only a credit naming an agency (WireAgencies) sets `agency`; a person's
// contribution, or an outlet's own staff, leaves it empty.
//
// Pure functions; thread-safe.
#ifndef STORYFUSE_INGEST_CREDIT_PARSER_H_
#define STORYFUSE_INGEST_CREDIT_PARSER_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace storyfuse {

struct Credit {
  size_t begin = 0;    // where the credit starts in the line (0: the whole line)
  std::string agency;  // canonical agency name, or ""
};

class CreditParser {
 public:
  // An agency credit closing `line` (" (ANI)", " — AFP", a line that is only
  // "AFP" or "(Reuters)"), or nullopt. Parenthesized or dashed names that are
  // not agencies are not credits here.
  static std::optional<Credit> ParseClosing(std::string_view line);

  // A whole line crediting contributors ("X contributed to this report",
  // "Additional reporting by X", "Reporting by X; Editing by Y"); nullopt
  // otherwise. Lines longer than 40 words are never credits.
  static std::optional<Credit> ParseContribution(std::string_view line);
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_CREDIT_PARSER_H_
