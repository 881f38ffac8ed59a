#include "analyze/lexed_text.h"

namespace storyfuse {

LexedText::LexedText(std::string_view text, const std::vector<LexToken>& tokens)
    : text_(text), toks_(tokens), lowered_(AsciiLower(text)) {
  // Sentence and line bounds are found once: looking them up per mention would
  // rescan a long sentence for every date in it (quadratic).
  const size_t n = toks_.size();
  sentence_.resize(n);
  line_.resize(n);
  uint32_t sentence = 0, line = 0;
  for (size_t i = 0; i < n; ++i) {
    if (toks_[i].sentence_start) sentence = static_cast<uint32_t>(i);
    if (toks_[i].line_start) line = static_cast<uint32_t>(i);
    sentence_[i] = sentence;
    line_[i] = line;
  }
  sentence_end_.resize(n);
  line_end_.resize(n);
  for (size_t i = n; i-- > 0;) {
    bool last = i + 1 == n;
    sentence_end_[i] = last || toks_[i + 1].sentence_start ? static_cast<uint32_t>(i) : sentence_end_[i + 1];
    line_end_[i] = last || toks_[i + 1].line_start ? static_cast<uint32_t>(i) : line_end_[i + 1];
  }
}

}  // namespace storyfuse
