// BylineParser: author lines of scraped articles.
//
// Understood shapes (one line each):
//   By Ana Ruiz                      By Ana Ruiz and Tom Lee, The Daily Planet
//   By ANA RUIZ, Reuters             By Ana Ruiz | Daily Planet | July 10, 2025
//   Written by Ana Ruiz              Ana Ruiz, Senior Correspondent
//   Published by / Posted by / Written by   (a bare label: the name is on the
//                                     line before or after; see IsLabel)
// A trailing ", Outlet" is an outlet when it is not a person's name nor a
// job title ("Senior Reporter"). Authors are returned as written, in order.
//
// Pure functions; thread-safe.
#ifndef STORYFUSE_INGEST_BYLINE_PARSER_H_
#define STORYFUSE_INGEST_BYLINE_PARSER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace storyfuse {

struct Byline {
  std::vector<std::string> authors;
  std::string outlet;    // "" when the line names none
  std::string date_iso;  // "" when the line holds no complete date
  std::string date_text;
};

class BylineParser {
 public:
  // Parses a line that starts with "By"/"Written by"/"Posted by"/"Published
  // by"/"Author:" and names at least one person; nullopt otherwise (including
  // prose such as "By Tuesday, the river had risen.").
  static std::optional<Byline> Parse(std::string_view line);

  // True when `line` is only a byline label ("Published by", "By", "Author").
  static bool IsLabel(std::string_view line);

  // Splits "Ana Ruiz, Tom Lee and Eve Ng" into names; nullopt when any part
  // is not a person's name.
  static std::optional<std::vector<std::string>> SplitNames(std::string_view names);

  // True when `s` is a job title ("Staff Writer", "Senior Correspondent").
  static bool IsJobTitle(std::string_view s);
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_BYLINE_PARSER_H_
