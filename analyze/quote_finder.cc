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

// Code point before byte `pos` of `s` (0 at the start).
char32_t Before(std::string_view s, size_t pos, size_t floor) {
  if (pos <= floor) return 0;
  size_t p = pos - 1;
  while (p > floor && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
  return DecodeUtf8(s, &p);
}

char32_t At(std::string_view s, size_t pos) {
  if (pos >= s.size()) return 0;
  return DecodeUtf8(s, &pos);
}

// Byte offset of the ’ closing a top-level single quote opened before
// `from`, or npos: a ’ between letters is an apostrophe (don’t), and one
// after an "s" and before a space may be a plural possessive, so the closing
// mark must be followed by a non-letter and preceded by a non-space.
size_t FindSingleClose(std::string_view line, size_t from) {
  size_t pos = from;
  while (pos < line.size()) {
    size_t at = pos;
    char32_t c = DecodeUtf8(line, &pos);
    if (c != kRightSingle && c != '\'') continue;
    char32_t prev = Before(line, at, 0), next = At(line, pos);
    if (IsLetterOrDigit(next) || prev == ' ' || at == from) continue;
    if (prev == 's' && next == ' ') continue;  // likely a plural possessive
    return at;
  }
  return std::string_view::npos;
}

struct Opener {
  QuoteMark mark;
  char32_t close;
};

bool OpenerAt(char32_t c, char32_t prev, Opener* o) {
  switch (c) {
    case kLeftDouble: *o = {QuoteMark::kCurlyDouble, kRightDouble}; return true;
    case '"': *o = {QuoteMark::kStraightDouble, '"'}; return true;
    case kLeftGuillemet: *o = {QuoteMark::kGuillemet, kRightGuillemet}; return true;
    case kLeftSingle:
      if (IsLetterOrDigit(prev)) return false;
      *o = {QuoteMark::kSingle, kRightSingle};
      return true;
    default: return false;
  }
}

// Appends the pieces of one line (bytes [begin, end) of text).
void FindInLine(std::string_view text, Span line, uint32_t index, std::vector<QuotePiece>* out) {
  std::string_view l = line.In(text);
  size_t pos = 0;
  while (pos < l.size()) {
    size_t at = pos;
    char32_t c = DecodeUtf8(l, &pos);
    Opener o;
    if (!OpenerAt(c, Before(l, at, 0), &o)) continue;
    size_t close = std::string_view::npos;
    if (o.mark == QuoteMark::kSingle) {
      close = FindSingleClose(l, pos);
      if (close == std::string_view::npos) continue;  // an apostrophe-like mark
    } else {
      std::string enc;
      AppendUtf8(o.close, &enc);
      close = l.find(enc, pos);
    }
    QuotePiece p;
    p.paragraph = line;
    p.paragraph_index = index;
    p.mark = o.mark;
    p.open = close == std::string_view::npos;
    size_t end = p.open ? l.size() : close;
    size_t after = p.open ? l.size() : close;
    if (!p.open) DecodeUtf8(l, &after);
    p.text = {static_cast<uint32_t>(line.begin + pos), static_cast<uint32_t>(line.begin + end)};
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
