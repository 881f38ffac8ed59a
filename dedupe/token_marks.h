// TokenMarks: where each word token stands: inside a quotation, at the
// start of a sentence, at the start of a paragraph. Read from the bytes
// between tokens (quotation marks, sentence punctuation, line breaks), so
// it costs one scan of the text and no second segmentation.
//
// Quotation marks understood: “ ” (and ‘ ’ is not: it doubles as the
// apostrophe), straight " (toggles), « », and the tokenized `` and ''.
// A line break closes any open quotation (a quotation running over
// paragraphs reopens each one). Stateless and thread-safe.
#ifndef STORYFUSE_DEDUPE_TOKEN_MARKS_H_
#define STORYFUSE_DEDUPE_TOKEN_MARKS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "text/segmenter.h"

namespace storyfuse {

enum TokenMark : uint8_t {
  kInQuote = 1,         // the token is inside a quotation
  kSentenceStart = 2,   // first token of a sentence, line, or quotation
  kParagraphStart = 4,  // first token after a line break (or of the text)
};

class TokenMarks {
 public:
  // One bit set of TokenMark per token of `tokens` (spans into `text`,
  // in order, as Segmenter::Tokens gives them).
  static std::vector<uint8_t> Mark(std::string_view text, const std::vector<Token>& tokens);
};

}  // namespace storyfuse

#endif  // STORYFUSE_DEDUPE_TOKEN_MARKS_H_
