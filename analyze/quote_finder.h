// QuoteFinder: the quoted pieces of a UTF-8 text, paragraph by paragraph.
//
// A paragraph is a line. A piece runs from an opening mark to the next
// closing mark of its kind on the same line:
//  - double marks: “…”, "…", «…», and the ``…'' of TeX-style newswire
//    (DUC, TDT, LDC), whose inner blanks are trimmed ("`` We won ,''"),
//    and ''…'' (two apostrophes each side) before a word;
//  - single marks at the top level: ‘…’, `…' and '…'. A single opening mark
//    stands at a word start and is not an elision ('90s, 'em, rock 'n'
//    roll); its closing mark is not an apostrophe (don't, Trump's, the
//    voters' choice), so a mark with no such closing mark is an apostrophe.
// Marks inside a piece belong to it. A piece left open at the end of its
// line runs to the end of the line (the convention for a quote running
// over several paragraphs: an opening mark at the start of each paragraph,
// a closing one only at the end of the last); a single mark is left open
// only when it opens its paragraph. When the next paragraph opens with the
// same kind of mark, that piece is marked as continuing the open one.
//
// Pure function of the text; thread-safe. Linear time.
#ifndef STORYFUSE_ANALYZE_QUOTE_FINDER_H_
#define STORYFUSE_ANALYZE_QUOTE_FINDER_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "text/span.h"

namespace storyfuse {

enum class QuoteMark : uint8_t {
  kCurlyDouble,       // “…”
  kStraightDouble,    // "…"
  kGuillemet,         // «…»
  kSingle,            // ‘…’, `…', '…' at the top level
  kTexDouble,         // ``…''
  kDoubleApostrophe,  // ''…''
};

struct QuotePiece {
  Span text;       // inside the marks
  Span outer;      // with the marks (no closing mark when open)
  Span paragraph;  // the line holding it, without the newline
  uint32_t paragraph_index = 0;
  QuoteMark mark = QuoteMark::kCurlyDouble;
  bool open = false;       // no closing mark on its line
  bool continues = false;  // opens a paragraph right after an open piece
};

class QuoteFinder {
 public:
  // The pieces of `text` in text order. Empty pieces are dropped.
  static std::vector<QuotePiece> Find(std::string_view text);
};

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_QUOTE_FINDER_H_
