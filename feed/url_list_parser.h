// UrlListParser: a plain list of URLs, one a line, as users keep their
// feeds in a text file and as sitemaps.org allows a text sitemap.
//
// Blank lines and lines starting with '#' are skipped; each other line,
// trimmed, must be an absolute http(s) URL (UrlCanonicalizer::Canonicalize
// accepts it). A line that is not is reported in `errors` as "line N: <why>"
// and the rest go on; a URL whose canonical form an earlier line had is
// counted in `duplicates`. URLs are kept as written (trimmed), in order.
//
// Pure functions; thread-safe.
#ifndef STORYFUSE_FEED_URL_LIST_PARSER_H_
#define STORYFUSE_FEED_URL_LIST_PARSER_H_

#include <string>
#include <string_view>
#include <vector>

namespace storyfuse {

struct UrlListEntry {
  std::string url;
  size_t line = 0;  // 1-based
};

struct UrlList {
  std::vector<UrlListEntry> urls;
  std::vector<std::string> errors;  // at most kMaxErrors, then one "... more" line
  size_t bad_lines = 0;             // every line reported, counted past kMaxErrors
  size_t duplicates = 0;
  bool truncated = false;  // more than max_urls URLs; the first max_urls kept
};

class UrlListParser {
 public:
  // A list of garbage must not make an error list as large as itself.
  static constexpr size_t kMaxErrors = 100;

  // Reads `text` (a UTF-8 byte-order mark is skipped; CRLF or LF lines),
  // keeping at most `max_urls` URLs.
  static UrlList Parse(std::string_view text, size_t max_urls);
};

}  // namespace storyfuse

#endif  // STORYFUSE_FEED_URL_LIST_PARSER_H_
