// WordLexer: a fast, allocation-light tokenizer for the analyzers (numbers,
// dates, entities). Unlike Segmenter it does not use ICU break iterators:
// it scans bytes once, with an ASCII fast path, so several analyzers can
// afford to run it on every article.
//
// Tokens are byte spans into the text given. Rules:
// - A word is a run of letters (Unicode) and ASCII digits that starts with
//   a letter, with inner apostrophes ("O'Brien", "don't") and inner periods
//   between single letters ("U.S.", "a.m.", whose final period is kept).
//   A trailing possessive "'s" / "’s" is a separate kPossessive token.
// - A number is a run of ASCII digits with inner ',' or '.' followed by a
//   digit ("100,000", "1.2"). Letters glued to it ("10th", "5m") follow as a
//   separate word token with space_before == false.
// - Everything else that is not white space is one kPunct token per code
//   point ("-", "%", "$", "“", "—").
//
// Each token also says whether white space precedes it, whether a line
// break does, and whether it starts a sentence (after . ! ? followed by a
// capital, a digit or a quote, unless the period ends a known abbreviation
// or an initial; or first on a line).
//
// Stateless; thread-safe. Linear in the text's size.
#ifndef STORYFUSE_TEXT_WORD_LEXER_H_
#define STORYFUSE_TEXT_WORD_LEXER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/ascii_chars.h"
#include "text/span.h"

namespace storyfuse {

enum class LexKind : uint8_t { kWord, kNumber, kPunct, kPossessive };

struct LexToken {
  Span span;
  LexKind kind = LexKind::kWord;
  bool space_before = false;    // white space (or text start) precedes it
  bool line_start = false;      // first token of its line
  bool sentence_start = false;  // first token of a sentence
  bool capitalized = false;     // a word whose first letter is upper case
  bool all_caps = false;        // a word of 2+ letters, all upper case

  bool Is(std::string_view text, std::string_view s) const { return span.In(text) == s; }
};

class WordLexer {
 public:
  static std::vector<LexToken> Lex(std::string_view text);
};

}  // namespace storyfuse

#endif  // STORYFUSE_TEXT_WORD_LEXER_H_
