// Segmenter: sentences and word tokens of UTF-8 text as byte spans, using
// ICU's break iterators. Sentence breaks are suppressed after common English
// abbreviations ("U.S.", "Gen.", "Sept.", "No.", "Mr.") and after single
// capital initials ("Marco A. Rubio").
//
// Tokens are read chunk by chunk, a chunk being a run without ASCII white
// space: UAX #29 never joins a word across ASCII white space, so a chunk's
// tokens do not depend on its neighbours. An ASCII chunk (most of news
// text) is split by text/ascii_words.h, which gives ICU's tokens at a tenth
// of the cost; ICU reads the other chunks. A text with a chunk that starts
// with a mark UAX #29 attaches to the space before it is read whole by ICU.
//
// A Segmenter owns ICU iterators: it is not thread-safe; use one per
// thread. Construction is costly (tens of microseconds), segmentation is
// linear.
#ifndef STORYFUSE_TEXT_SEGMENTER_H_
#define STORYFUSE_TEXT_SEGMENTER_H_

#include <memory>
#include <string_view>
#include <vector>

#include "text/span.h"

namespace storyfuse {

enum class TokenKind : uint8_t { kWord, kNumber, kPunct };

struct Token {
  Span span;
  TokenKind kind = TokenKind::kWord;
};

struct SegmenterOptions {
  bool chunked = true;  // false: ICU reads every text whole (the reference the tests compare with)
};

class Segmenter {
 public:
  explicit Segmenter(SegmenterOptions options = {});
  ~Segmenter();
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  // Sentence spans of `text`, trimmed of surrounding white space; empty
  // sentences are dropped. A line break always ends a sentence.
  std::vector<Span> Sentences(std::string_view text);

  // Word and number tokens of `text` (white space dropped; punctuation kept
  // as kPunct tokens only when `with_punct`). Spans are relative to `text`.
  std::vector<Token> Tokens(std::string_view text, bool with_punct = false);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_TEXT_SEGMENTER_H_
