// LexedText: the lexed view of one text that the analyzers share (the date
// resolver, DateTense and DateRoles, the number extractor, the entity
// mention reader): WordLexer tokens with an ASCII lower-case copy of the
// text and each token's sentence and line bounds, all found in one linear
// pass so that every later lookup is O(1). Build it once per article and
// pass it to each analyzer's LexedText overload.
//
// Borrows `text` and `tokens`: the caller keeps them alive. Immutable after
// construction; thread-compatible.
#ifndef STORYFUSE_ANALYZE_LEXED_TEXT_H_
#define STORYFUSE_ANALYZE_LEXED_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/span.h"
#include "text/word_lexer.h"

namespace storyfuse {

class LexedText {
 public:
  LexedText(std::string_view text, const std::vector<LexToken>& tokens);

  size_t size() const { return toks_.size(); }
  const LexToken& at(size_t i) const { return toks_[i]; }
  bool InRange(size_t i) const { return i < toks_.size(); }
  bool IsWord(size_t i) const { return InRange(i) && toks_[i].kind == LexKind::kWord; }
  bool IsNum(size_t i) const { return InRange(i) && toks_[i].kind == LexKind::kNumber; }
  bool IsPunct(size_t i) const { return InRange(i) && toks_[i].kind == LexKind::kPunct; }
  bool Capitalized(size_t i) const { return IsWord(i) && toks_[i].capitalized; }
  // The token's text as written, "" out of range.
  std::string_view Raw(size_t i) const { return InRange(i) ? toks_[i].span.In(text_) : ""; }
  // Lower-case text of word token `i`, "" for other tokens.
  std::string_view Low(size_t i) const { return IsWord(i) ? toks_[i].span.In(lowered_) : ""; }
  // No white space between token i - 1 and token i.
  bool Glued(size_t i) const { return InRange(i) && !toks_[i].space_before; }
  bool WordIs(size_t i, std::string_view w) const { return IsWord(i) && Low(i) == w; }
  bool PunctIs(size_t i, std::string_view p) const { return IsPunct(i) && Raw(i) == p; }
  // Tokens a and b lie in one sentence.
  bool SameSentence(size_t a, size_t b) const { return InRange(a) && InRange(b) && sentence_[a] == sentence_[b]; }
  // First and last token of the sentence holding token `i`.
  size_t SentenceBegin(size_t i) const { return sentence_[i]; }
  size_t SentenceEnd(size_t i) const { return sentence_end_[i]; }
  // First and last token of the line holding token `i`.
  size_t LineBegin(size_t i) const { return line_[i]; }
  size_t LineEnd(size_t i) const { return line_end_[i]; }
  // Lower-case word `back` tokens before `i` in the same sentence, or "".
  std::string_view Prev(size_t i, size_t back = 1) const {
    if (i < back || i - back < sentence_[i]) return "";
    return Low(i - back);
  }
  // Byte span from token `first` to token `last`, inclusive.
  Span SpanOf(size_t first, size_t last) const { return Span{toks_[first].span.begin, toks_[last].span.end}; }
  std::string_view text() const { return text_; }
  const std::vector<LexToken>& tokens() const { return toks_; }
  // The ASCII lower-case copy of the text (same byte offsets).
  std::string_view lowered() const { return lowered_; }

 private:
  std::string_view text_;
  const std::vector<LexToken>& toks_;
  std::string lowered_;                 // ASCII lower case copy of text_, same offsets
  std::vector<uint32_t> sentence_;      // first token of each token's sentence
  std::vector<uint32_t> sentence_end_;  // last token of each token's sentence
  std::vector<uint32_t> line_;          // first token of each token's line
  std::vector<uint32_t> line_end_;      // last token of each token's line
};

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_LEXED_TEXT_H_
