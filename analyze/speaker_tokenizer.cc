#include "analyze/speaker_tokenizer.h"

#include "text/abbreviations.h"
#include "text/unicode_text.h"
#include "text/utf8.h"

namespace storyfuse {
namespace {

bool IsUpper(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3A9) ||
         (c >= 0x410 && c <= 0x42F);
}

bool IsWordChar(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  if (c == 0xA0 || c == 0xAB || c == 0xBB || c == 0xB7) return false;
  if (c >= 0x2000 && c <= 0x206F) return false;  // general punctuation
  return c >= 0xC0;
}

// White space, and the zero-width space some sites put between words.
constexpr char32_t kZeroWidthSpace = 0x200B;
bool IsSpace(char32_t c) { return UnicodeText::IsSpace(c) || c == kZeroWidthSpace; }

bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

// A word whose final period is part of it: an initial or an abbreviation.
bool AbbreviationWithPeriod(std::string_view word) { return IsInitial(word) || IsAbbreviation(word); }

char32_t Peek(std::string_view s, size_t pos) {
  if (pos >= s.size()) return 0;
  return DecodeUtf8(s, &pos);
}

// Scans one word starting at `pos` (a word character); returns its end.
size_t ScanWord(std::string_view text, size_t pos, size_t end) {
  size_t segment = pos;  // start of the current period-separated segment
  while (pos < end) {
    size_t next = pos;
    char32_t c = DecodeUtf8(text, &next);
    if (IsWordChar(c)) {
      pos = next;
      continue;
    }
    char32_t after = next < end ? Peek(text, next) : 0;
    if ((IsApostrophe(c) || c == '-' || c == 0x2011) && IsWordChar(after)) {
      pos = next;
      continue;
    }
    if (c == '.' && pos - segment == 1 && IsWordChar(after) && after < 0x80 && IsUpper(after)) {
      segment = next;
      pos = next;
      continue;
    }
    break;
  }
  return pos;
}

// A one-word capitalized piece between two capitalized words (Jane "Jo"
// Roe): part of a name, not a quote.
bool IsQuotedNickname(std::string_view text, const QuotePiece& piece, Span paragraph,
                      const std::vector<SpeakerToken>& before) {
  std::string_view w = piece.text.In(text);
  if (w.empty() || w.size() > 20 || !(w[0] >= 'A' && w[0] <= 'Z')) return false;
  for (char c : w) {
    if (c == ' ' || c == '\t') return false;
  }
  if (before.empty() || !before.back().IsWord() || !before.back().cap) return false;
  size_t i = piece.outer.end;
  if (i >= paragraph.end || text[i] != ' ') return false;
  return i + 1 < paragraph.end && text[i + 1] >= 'A' && text[i + 1] <= 'Z';
}

}  // namespace

void SpeakerTokenizer::Tokenize(std::string_view text, Span paragraph, const std::vector<QuotePiece>& pieces,
                                size_t first, size_t last, std::vector<SpeakerToken>* out) {
  size_t pos = paragraph.begin;
  size_t q = first;
  while (pos < paragraph.end) {
    if (q < last && pos >= pieces[q].outer.begin && IsQuotedNickname(text, pieces[q], paragraph, *out)) {
      // Del. Jane "Jo" Roe: the nickname is one more word of the name.
      SpeakerToken t;
      t.span = pieces[q].text;
      t.cap = true;
      out->push_back(t);
      pos = pieces[q].outer.end;
      ++q;
      continue;
    }
    if (q < last && pos >= pieces[q].outer.begin) {
      SpeakerToken t;
      t.span = pieces[q].outer;
      t.kind = SpeakerTokenKind::kQuote;
      t.quote = static_cast<int>(q);
      out->push_back(t);
      pos = pieces[q].outer.end;
      ++q;
      continue;
    }
    size_t limit = q < last ? pieces[q].outer.begin : paragraph.end;
    size_t next = pos;
    char32_t c = DecodeUtf8(text, &next);
    if (IsSpace(c)) {
      pos = next;
      continue;
    }
    SpeakerToken t;
    if (IsWordChar(c)) {
      size_t end = ScanWord(text, pos, limit);
      std::string_view word = text.substr(pos, end - pos);
      bool has_inner_period = word.find('.') != std::string_view::npos;
      // "(D-Ore.)", "R-Ky., said": a period before ")" or "," ends no sentence.
      bool closes_parenthesis = end + 1 < limit && (text[end + 1] == ')' || text[end + 1] == ',');
      if (end < limit && text[end] == '.' && (has_inner_period || closes_parenthesis || AbbreviationWithPeriod(word))) {
        ++end;
      }
      t.span = {static_cast<uint32_t>(pos), static_cast<uint32_t>(end)};
      t.cap = IsUpper(c);
      pos = end;
    } else {
      t.span = {static_cast<uint32_t>(pos), static_cast<uint32_t>(next)};
      t.kind = SpeakerTokenKind::kPunct;
      t.mark = c;
      pos = next;
    }
    out->push_back(t);
  }
  while (q < last) {  // pieces at the very end (defensive)
    SpeakerToken t;
    t.span = pieces[q].outer;
    t.kind = SpeakerTokenKind::kQuote;
    t.quote = static_cast<int>(q);
    out->push_back(t);
    ++q;
  }
}

}  // namespace storyfuse
