#include "dedupe/token_marks.h"

namespace storyfuse {
namespace {

struct ScanState {
  bool in_quote = false;
  bool sentence_start = true;
  bool paragraph_start = true;
};

// Updates `st` from the bytes between two tokens.
void ScanGap(std::string_view gap, ScanState* st) {
  for (size_t i = 0; i < gap.size(); ++i) {
    unsigned char c = gap[i];
    std::string_view rest = gap.substr(i);
    if (c == '\n') {
      st->in_quote = false;
      st->sentence_start = st->paragraph_start = true;
    } else if (c == '.' || c == '!' || c == '?' || c == ':') {
      st->sentence_start = true;
    } else if (c == '"') {
      st->in_quote = !st->in_quote;
      st->sentence_start |= st->in_quote;
    } else if (rest.starts_with("``") || rest.starts_with("\u201C") || rest.starts_with("\u00AB")) {
      st->in_quote = st->sentence_start = true;
    } else if (rest.starts_with("''") || rest.starts_with("\u201D") || rest.starts_with("\u00BB")) {
      st->in_quote = false;
    }
    if (c == '`' || c == '\'' || c >= 0x80) {
      // Skip the rest of a two-byte mark or a multi-byte character.
      while (i + 1 < gap.size() && (static_cast<unsigned char>(gap[i + 1]) & 0xC0) == 0x80) ++i;
      if ((c == '`' || c == '\'') && i + 1 < gap.size() && gap[i + 1] == c) ++i;
    }
  }
}

}  // namespace

std::vector<uint8_t> TokenMarks::Mark(std::string_view text, const std::vector<Token>& tokens) {
  std::vector<uint8_t> marks(tokens.size(), 0);
  ScanState st;
  size_t prev_end = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    Span s = tokens[i].span;
    if (s.begin >= prev_end) ScanGap(text.substr(prev_end, s.begin - prev_end), &st);
    uint8_t m = 0;
    if (st.in_quote) m |= kInQuote;
    if (st.sentence_start) m |= kSentenceStart;
    if (st.paragraph_start) m |= kParagraphStart;
    marks[i] = m;
    st.sentence_start = st.paragraph_start = false;
    prev_end = s.end;
  }
  return marks;
}

}  // namespace storyfuse
