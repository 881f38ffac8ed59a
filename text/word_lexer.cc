#include "text/word_lexer.h"

#include "text/abbreviations.h"
#include "text/unicode_text.h"
#include "text/utf8.h"

namespace storyfuse {
namespace {

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  std::vector<LexToken> Run() {
    out_.reserve(text_.size() / 5 + 4);
    while (pos_ < text_.size()) Step();
    return std::move(out_);
  }

 private:
  // Code point at `p` and the position after it.
  char32_t Peek(size_t p, size_t* next) const {
    unsigned char c = text_[p];
    if (c < 0x80) {
      *next = p + 1;
      return c;
    }
    size_t q = p;
    char32_t cp = DecodeUtf8(text_, &q);
    *next = q;
    return cp;
  }

  bool IsLetterAt(size_t p, size_t* next) const {
    if (p >= text_.size()) return false;
    unsigned char c = text_[p];
    if (c < 0x80) {
      *next = p + 1;
      return IsAsciiLetter(c);
    }
    char32_t cp = Peek(p, next);
    return UnicodeText::IsLetter(cp) || (cp >= 0x300 && cp < 0x370);  // combining marks
  }

  bool IsApostropheAt(size_t p, size_t* next) const {
    if (p >= text_.size()) return false;
    if (text_[p] == '\'') {
      *next = p + 1;
      return true;
    }
    if (text_.compare(p, 3, "\xE2\x80\x99") == 0) {  // ’
      *next = p + 3;
      return true;
    }
    return false;
  }

  void Step() {
    size_t next;
    char32_t cp = Peek(pos_, &next);
    if (cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029) {
      pending_line_ = true;
      pending_space_ = true;
      pos_ = next;
      return;
    }
    if (cp == ' ' || cp == '\t' || cp == 0xA0 || cp == '\f' || cp == '\v' || (cp >= 0x80 && UnicodeText::IsSpace(cp))) {
      pending_space_ = true;
      pos_ = next;
      return;
    }
    size_t start = pos_;
    if (cp < 0x80 && IsAsciiDigit(static_cast<unsigned char>(cp))) return Number(start);
    size_t after;
    if (IsLetterAt(pos_, &after)) return Word(start);
    if (IsApostropheAt(pos_, &after) && IsPossessiveAt(pos_)) return Possessive(start);
    Emit(start, next, LexKind::kPunct);
  }

  // True when an apostrophe at `p` is followed by "s" and then a non-letter.
  bool IsPossessiveAt(size_t p) const {
    size_t q;
    if (!IsApostropheAt(p, &q) || out_.empty() || pending_space_) return false;
    if (q >= text_.size() || (text_[q] != 's' && text_[q] != 'S')) return false;
    size_t r;
    return !IsLetterAt(q + 1, &r);
  }

  void Possessive(size_t start) {
    size_t q = start + 1;
    IsApostropheAt(start, &q);
    Emit(start, q + 1, LexKind::kPossessive);
  }

  void Number(size_t start) {
    size_t p = start;
    while (p < text_.size()) {
      unsigned char c = text_[p];
      if (IsAsciiDigit(c)) {
        ++p;
      } else if ((c == ',' || c == '.') && p + 1 < text_.size() &&
                 IsAsciiDigit(static_cast<unsigned char>(text_[p + 1]))) {
        p += 2;
      } else {
        break;
      }
    }
    Emit(start, p, LexKind::kNumber);
  }

  void Word(size_t start) {
    size_t p = start, next;
    size_t letters = 0;
    bool dotted = false;
    while (p < text_.size()) {
      unsigned char c = text_[p];
      if (c < 0x80 && IsAsciiLetter(c)) {  // fast path
        ++p;
        ++letters;
      } else if (c >= 0x80 && IsLetterAt(p, &next)) {
        p = next;
        ++letters;
      } else if (IsAsciiDigit(static_cast<unsigned char>(text_[p]))) {
        ++p;
      } else if (IsApostropheAt(p, &next) && !IsPossessiveAtWordEnd(p) && IsLetterAt(next, &next)) {
        IsApostropheAt(p, &p);
      } else if (text_[p] == '.' && letters == 1 && IsLetterAt(p + 1, &next) &&
                 (next >= text_.size() || text_[next] == '.')) {
        // "U.S." / "a.m.": single letters joined by periods.
        p = next + (next < text_.size() ? 1 : 0);
        letters = 1;
        dotted = true;
      } else {
        break;
      }
    }
    (void)dotted;
    Emit(start, p, LexKind::kWord);
  }

  bool IsPossessiveAtWordEnd(size_t p) const {
    size_t q;
    if (!IsApostropheAt(p, &q)) return false;
    if (q >= text_.size() || (text_[q] != 's' && text_[q] != 'S')) return false;
    size_t r;
    return !IsLetterAt(q + 1, &r);
  }

  void Emit(size_t begin, size_t end, LexKind kind) {
    LexToken t;
    t.span = Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
    t.kind = kind;
    t.space_before = pending_space_ || out_.empty();
    t.line_start = pending_line_ || out_.empty();
    if (kind == LexKind::kWord) Classify(&t);
    t.sentence_start = t.line_start || EndsSentence(t);
    out_.push_back(t);
    pending_space_ = false;
    pending_line_ = false;
    pos_ = end;
  }

  void Classify(LexToken* t) const {
    size_t next;
    char32_t first = Peek(t->span.begin, &next);
    t->capitalized = first < 0x80 ? (first >= 'A' && first <= 'Z') : UnicodeText::IsUpper(first);
    if (!t->capitalized) return;  // all_caps needs an upper-case first letter
    int letters = 0;
    bool all_upper = true;
    for (size_t p = t->span.begin; p < t->span.end; p = next) {
      char32_t cp = Peek(p, &next);
      if (cp < 0x80) {
        if (!IsAsciiLetter(static_cast<unsigned char>(cp))) continue;
        ++letters;
        if (cp >= 'a') all_upper = false;
      } else if (UnicodeText::IsLetter(cp)) {
        ++letters;
        if (!UnicodeText::IsUpper(cp)) all_upper = false;
      }
    }
    t->all_caps = letters >= 2 && all_upper;
  }

  // Whether `t` starts a sentence because the previous tokens close one.
  bool EndsSentence(const LexToken& t) const {
    if (out_.empty() || !t.space_before) return false;
    unsigned char last = text_[out_.back().span.end - 1];
    if (last < 0x80 && last != '.' && last != '!' && last != '?' && last != '"' && last != '\'' && last != ')' &&
        last != ']') {
      return false;  // fast path: no terminator or closer
    }
    // Skip closing quotes and brackets after the terminator.
    size_t i = out_.size();
    while (i > 0 && out_[i - 1].kind == LexKind::kPunct && IsCloser(out_[i - 1])) --i;
    if (i == 0) return false;
    const LexToken& end = out_[i - 1];
    std::string_view e = end.span.In(text_);
    bool terminal = e == "." || e == "!" || e == "?" || e == "\xE2\x80\xA6";
    bool dotted_word = end.kind == LexKind::kWord && e.size() > 1 && e.back() == '.';
    if (!terminal && !dotted_word) return false;
    if (!StartsLikeSentence(t)) return false;
    if (dotted_word) return !IsAbbreviation(e);
    if (e != "." || i < 2) return true;
    const LexToken& word = out_[i - 2];
    if (word.kind != LexKind::kWord || word.span.end != end.span.begin) return true;
    std::string_view w = word.span.In(text_);
    if (IsInitial(w)) return false;  // an initial: "Marco A. Rubio"
    return !IsAbbreviation(w);
  }

  bool IsCloser(const LexToken& t) const {
    std::string_view s = t.span.In(text_);
    return s == "\"" || s == "'" || s == ")" || s == "]" || s == "\xE2\x80\x9D" || s == "\xE2\x80\x99";
  }

  bool StartsLikeSentence(const LexToken& t) const {
    if (t.kind == LexKind::kWord) return t.capitalized;
    if (t.kind == LexKind::kNumber) return true;
    std::string_view s = t.span.In(text_);
    return s == "\"" || s == "\xE2\x80\x9C" || s == "'" || s == "\xE2\x80\x98" || s == "(";
  }

  std::string_view text_;
  size_t pos_ = 0;
  bool pending_space_ = true;
  bool pending_line_ = true;
  std::vector<LexToken> out_;
};

}  // namespace

std::vector<LexToken> WordLexer::Lex(std::string_view text) { return Scanner(text).Run(); }

}  // namespace storyfuse
