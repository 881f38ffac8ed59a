// Plain word matching for the in-memory repository's search and filters
// (the SQLite store uses FTS5 instead). ASCII case folding; pure functions.
#ifndef STORYFUSE_PIPELINE_SEARCH_TEXT_H_
#define STORYFUSE_PIPELINE_SEARCH_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

namespace storyfuse {

// A query's distinct words that are searched: more cost more (each is a
// prefix match over the index) and rarely narrow a news search further.
inline constexpr size_t kMaxSearchTerms = 8;
// Bytes of a word that are matched (no real word is longer).
inline constexpr size_t kMaxSearchTermBytes = 64;

// The query's words (runs of letters, digits and non-ASCII bytes), lower
// case, each once, in order of first appearance; the first kMaxSearchTerms,
// each cut to kMaxSearchTermBytes (at a UTF-8 character boundary; a word
// with no character start in its first kMaxSearchTermBytes is dropped).
std::vector<std::string> SearchTerms(std::string_view query);

// Occurrences of any term in `text` as a word prefix.
int CountMatches(std::string_view text, const std::vector<std::string>& terms);

// About `width` bytes of `text` around the first match, each matched word
// wrapped in [ and ], with "…" where text was cut.
std::string Snippet(std::string_view text, const std::vector<std::string>& terms, size_t width = 160);

}  // namespace storyfuse

#endif  // STORYFUSE_PIPELINE_SEARCH_TEXT_H_
