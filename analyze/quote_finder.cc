#include "analyze/quote_finder.h"

#include "text/utf8.h"

namespace storyfuse {
namespace {

constexpr char32_t kLeftDouble = 0x201C, kRightDouble = 0x201D;
constexpr char32_t kLeftSingle = 0x2018, kRightSingle = 0x2019;
constexpr char32_t kLeftGuillemet = 0xAB, kRightGuillemet = 0xBB;

bool IsLetterOrDigit(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? true : (c >= '0' && c <= '9');
  return c >= 0xC0 && !(c >= 0x2000 && c <= 0x206F);
}

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Code point before byte `pos` of `s` (0 at the start).
char32_t Before(std::string_view s, size_t pos) {
  if (pos == 0) return 0;
  size_t p = pos - 1;
  while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
  return DecodeUtf8(s, &p);
}

char32_t At(std::string_view s, size_t pos) {
  if (pos >= s.size()) return 0;
  return DecodeUtf8(s, &pos);
}

// Words an apostrophe opens by eliding letters ("rock 'n' roll", "'em",
// "'til"): a straight mark before them opens no quote.
bool IsElision(std::string_view line, size_t word) {
  static const char* const kWords[] = {"n", "em", "til", "tis", "twas", "cause", "bout", "round", "nuff", "ol", "s"};
  size_t e = word;
  while (e < line.size() && IsLetterOrDigit(static_cast<unsigned char>(line[e]))) ++e;
  std::string_view w = line.substr(word, e - word);
  // '90s, '08: a year cut short.
  if (!w.empty() && w[0] >= '0' && w[0] <= '9' && (w.size() <= 2 || w.back() == 's')) return true;
  for (const char* k : kWords) {
    if (w.size() != std::string_view(k).size()) continue;
    bool same = true;
    for (size_t i = 0; i < w.size(); ++i) same = same && (w[i] | 0x20) == k[i];
    if (same) return true;
  }
  return false;
}

// Byte offset of the mark closing a top-level single quote whose words
// start at `from`, or npos: a ’ or ' between letters is an apostrophe
// (don’t), one after an "s" and before a space may be a plural possessive,
// so the closing mark must be followed by a non-letter and preceded by a
// non-space.
size_t FindSingleClose(std::string_view line, size_t from) {
  size_t pos = from;
  while (pos < line.size()) {
    size_t at = pos;
    char32_t c = DecodeUtf8(line, &pos);
    if (c != kRightSingle && c != '\'') continue;
    if (c == '\'' && pos < line.size() && line[pos] == '\'') return std::string_view::npos;  // a TeX '' closer
    char32_t prev = Before(line, at), next = At(line, pos);
    if (IsLetterOrDigit(next) || prev == ' ' || at == from) continue;
    if (prev == 's' && next == ' ') continue;  // likely a plural possessive
    return at;
  }
  return std::string_view::npos;
}

struct Opener {
  QuoteMark mark;
  size_t length;           // bytes of the opening mark
  std::string_view close;  // the closing mark; empty for single marks
};

// The opening mark at byte `at` of `line` (code point `c`), if any.
bool OpenerAt(std::string_view line, size_t at, char32_t c, Opener* o) {
  char32_t prev = Before(line, at);
  switch (c) {
    case kLeftDouble:
      *o = {QuoteMark::kCurlyDouble, 3, "\xE2\x80\x9D"};
      return true;
    case '"':
      *o = {QuoteMark::kStraightDouble, 1, "\""};
      return true;
    case kLeftGuillemet:
      *o = {QuoteMark::kGuillemet, 2, "\xC2\xBB"};
      return true;
    case '`':
      if (at + 1 < line.size() && line[at + 1] == '`') {
        *o = {QuoteMark::kTexDouble, 2, "''"};
        return true;
      }
      *o = {QuoteMark::kSingle, 1, ""};
      return !IsLetterOrDigit(prev);
    case kLeftSingle:
      *o = {QuoteMark::kSingle, 3, ""};
      return !IsLetterOrDigit(prev) && !IsElision(line, at + 3);
    case '\'': {
      // ''…'' (two apostrophes each side, the style of some newspaper
      // archives): opens only before a word and after a blank or the start.
      if (at + 1 < line.size() && line[at + 1] == '\'') {
        char32_t next = At(line, at + 2);
        if ((prev != 0 && prev != ' ' && prev != '\t' && prev != '(' && prev != '[') || next == 0 || next == ' ')
          return false;
        *o = {QuoteMark::kDoubleApostrophe, 2, "''"};
        return true;
      }
      // A straight mark opens a quote only at a word start ("said 'we
      // won'"), never inside or after a word (don't, voters') or before
      // an elision ('90s).
      if (IsLetterOrDigit(prev) || prev == '\'' || at + 1 >= line.size()) return false;
      char32_t next = At(line, at + 1);
      if (!IsLetterOrDigit(next) && next != kLeftDouble && next != '"') return false;
      if (IsElision(line, at + 1)) return false;
      *o = {QuoteMark::kSingle, 1, ""};
      return true;
    }
    default:
      return false;
  }
}

// Appends the pieces of one line (bytes [begin, end) of text).
void FindInLine(std::string_view text, Span line, uint32_t index, std::vector<QuotePiece>* out) {
  std::string_view l = line.In(text);
  size_t first_word = 0;
  while (first_word < l.size() && IsBlank(l[first_word])) ++first_word;
  size_t pos = 0;
  while (pos < l.size()) {
    size_t at = pos;
    char32_t c = DecodeUtf8(l, &pos);
    Opener o;
    if (!OpenerAt(l, at, c, &o)) continue;
    size_t begin = at + o.length;
    size_t close;
    if (o.close.empty()) {
      close = FindSingleClose(l, begin);
      // A single mark with no closing mark is an apostrophe, unless it
      // opens its paragraph (a quote running over several paragraphs).
      if (close == std::string_view::npos && at != first_word) continue;
    } else {
      close = l.find(o.close, begin);
    }
    QuotePiece p;
    p.paragraph = line;
    p.paragraph_index = index;
    p.mark = o.mark;
    p.open = close == std::string_view::npos;
    size_t end = p.open ? l.size() : close;
    size_t after = end;
    if (!p.open) after += o.close.empty() ? (l.compare(close, 1, "'") == 0 ? 1 : 3) : o.close.size();
    size_t text_begin = begin;
    if (o.mark == QuoteMark::kTexDouble || o.mark == QuoteMark::kDoubleApostrophe) {
      // Tokenized newswire pads its marks: "`` We won ,''".
      while (text_begin < end && IsBlank(l[text_begin])) ++text_begin;
      while (end > text_begin && IsBlank(l[end - 1])) --end;
    }
    p.text = {static_cast<uint32_t>(line.begin + text_begin), static_cast<uint32_t>(line.begin + end)};
    p.outer = {static_cast<uint32_t>(line.begin + at), static_cast<uint32_t>(line.begin + after)};
    if (!p.text.empty()) out->push_back(p);
    pos = after;
  }
}

}  // namespace

std::vector<QuotePiece> QuoteFinder::Find(std::string_view text) {
  std::vector<QuotePiece> out;
  uint32_t index = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    size_t before = out.size();
    FindInLine(text, {static_cast<uint32_t>(start), static_cast<uint32_t>(nl)}, index, &out);
    // Continuation: the first piece opens the line (after white space) and
    // the last piece of an earlier paragraph was left open.
    if (out.size() > before && before > 0 && out[before - 1].open && out[before - 1].paragraph_index + 1 == index &&
        out[before].mark == out[before - 1].mark) {
      std::string_view head = text.substr(start, out[before].outer.begin - start);
      if (head.find_first_not_of(" \t\r") == std::string_view::npos) out[before].continues = true;
    }
    if (text.substr(start, nl - start).find_first_not_of(" \t\r") != std::string_view::npos) ++index;
    start = nl + 1;
  }
  return out;
}

}  // namespace storyfuse
