// FlatJson: a fast reader for the JSON object most JSONL lines hold, one
// level of members whose values are strings, null, true, false or arrays
// of strings (what data sets and crawlers write), without building a JSON
// tree. nlohmann's parser spends about 80 instructions a byte on such a
// line, most of the cost of reading a JSONL file (issue 21).
//
// It accepts only what nlohmann::json::parse accepts, with the same
// values: strict JSON string escapes (surrogate pairs joined, a lone
// surrogate refused), well-formed UTF-8, white space of space, tab, CR and
// LF. Whatever it does not read (numbers, nested objects, escapes in
// member names, a byte-order mark, any error) it refuses, and the caller
// falls back to the full parser, which also words the error.
//
// Pure functions; thread-safe.
#ifndef STORYFUSE_INGEST_FLAT_JSON_H_
#define STORYFUSE_INGEST_FLAT_JSON_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace storyfuse {

struct FlatJsonValue {
  enum class Kind { kNull, kTrue, kFalse, kString, kStringArray };
  Kind kind = Kind::kNull;
  std::string text;                // kString
  std::vector<std::string> items;  // kStringArray
};

class FlatJson {
 public:
  using Members = std::vector<std::pair<std::string, FlatJsonValue>>;

  // The members of the object `line` holds, in the order they appear
  // (duplicates kept), or nullopt when `line` is not such a flat object
  // or not JSON at all.
  static std::optional<Members> Parse(std::string_view line);
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_FLAT_JSON_H_
