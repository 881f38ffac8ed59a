// SpeakerTokenizer: the tokens of one paragraph as speaker attribution sees
// them: words (with inner apostrophes, hyphens and the periods of
// abbreviations such as "U.S." or "Sen."), single punctuation marks, and
// each quoted piece as one opaque kQuote token.
//
// Pure function; thread-safe. Linear in the paragraph's length.
#ifndef STORYFUSE_ANALYZE_SPEAKER_TOKENIZER_H_
#define STORYFUSE_ANALYZE_SPEAKER_TOKENIZER_H_

#include <string_view>
#include <vector>

#include "analyze/quote_finder.h"
#include "text/span.h"

namespace storyfuse {

enum class SpeakerTokenKind : uint8_t { kWord, kPunct, kQuote };

struct SpeakerToken {
  Span span;  // bytes of the article text; a kQuote token spans the marks
  SpeakerTokenKind kind = SpeakerTokenKind::kWord;
  bool cap = false;   // a word that starts with an upper-case letter
  char32_t mark = 0;  // kPunct: the punctuation code point
  int quote = -1;     // kQuote: index of the piece in the article's pieces

  bool IsWord() const { return kind == SpeakerTokenKind::kWord; }
  bool IsPunct(char32_t c) const { return kind == SpeakerTokenKind::kPunct && mark == c; }
  bool IsQuote() const { return kind == SpeakerTokenKind::kQuote; }
  // '.', '!' or '?'.
  bool EndsSentence() const { return IsPunct('.') || IsPunct('!') || IsPunct('?'); }
  // An em, en or horizontal-bar dash, or a hyphen standing alone.
  bool IsDash() const { return IsPunct(0x2014) || IsPunct(0x2013) || IsPunct(0x2015) || IsPunct('-'); }
};

class SpeakerTokenizer {
 public:
  // Appends the tokens of `paragraph` (bytes of `text`) to `out`, where
  // pieces[first, last) are the quoted pieces inside it (from QuoteFinder).
  static void Tokenize(std::string_view text, Span paragraph, const std::vector<QuotePiece>& pieces, size_t first,
                       size_t last, std::vector<SpeakerToken>* out);
};

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_SPEAKER_TOKENIZER_H_
