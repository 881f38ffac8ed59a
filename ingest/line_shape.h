// LineShape: cheap shape tests on one line of scraped text, shared by the
// cleaning parsers (is it prose, a headline, a person's name, ...).
//
// All functions are pure and thread-safe. Input is UTF-8; tests look at
// ASCII punctuation and at the Unicode category of letters.
#ifndef STORYFUSE_INGEST_LINE_SHAPE_H_
#define STORYFUSE_INGEST_LINE_SHAPE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace storyfuse {

class LineShape {
 public:
  // `s` without leading/trailing white space (ASCII space, tab, CR, LF,
  // no-break space U+00A0, BOM U+FEFF).
  static std::string_view Trim(std::string_view s);
  // Number of leading bytes of `s` that Trim() would drop.
  static size_t LeadingSpace(std::string_view s);

  // White-space separated words: the first `limit` of them.
  static std::vector<std::string_view> Words(std::string_view s, size_t limit = SIZE_MAX);
  // The number of words, or `limit` when there are at least that many:
  // a rule that only asks "more than N words?" need not read a long
  // paragraph to its end.
  static size_t WordCount(std::string_view s, size_t limit = SIZE_MAX);

  // True when the line ends a sentence: its last character, after closing
  // quotes and brackets, is . ! ? an ellipsis, or a full-width stop.
  static bool EndsSentence(std::string_view s);

  // Running text: at least 6 words (or 60 bytes) ending a sentence, or at
  // least 20 words or 300 bytes.
  static bool IsProse(std::string_view s);

  // A headline: 3 to 30 words, at most 250 bytes, does not end with a full
  // stop, starts with an upper-case letter, a digit or a quote.
  static bool IsHeadline(std::string_view s);

  // True when the first letter of `word` is upper case (any script).
  static bool StartsUpper(std::string_view word);
  // True when `s` has letters and none of them is lower case.
  static bool IsAllCaps(std::string_view s);

  // A person's name: 1 to 5 words, each capitalized, an initial ("J."), or
  // a name particle ("de", "van", "bin"); no digits; not a weekday or month.
  // Two words at least unless `allow_single` is set.
  static bool IsPersonName(std::string_view s, bool allow_single = false);

  // ASCII lower case (other bytes unchanged).
  static std::string Lower(std::string_view s);
  // Case-insensitive ASCII prefix / substring tests.
  static bool StartsWithNoCase(std::string_view s, std::string_view prefix);
  static bool ContainsNoCase(std::string_view s, std::string_view needle);

  // Lower-cased ASCII alphanumeric runs of `s` (other bytes split words;
  // a trailing "s" after an apostrophe is dropped), for comparing lines.
  static std::vector<std::string> Terms(std::string_view s);
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_LINE_SHAPE_H_
