#include "ingest/dateline_parser.h"

#include <cctype>

#include "ingest/date_parser.h"
#include "ingest/line_shape.h"

namespace storyfuse {
namespace {

constexpr size_t kMaxPlaceWords = 6;
constexpr size_t kMaxCreditBytes = 40;

// Scans one space-free word at `pos`; stops before , ( [ ] : and dashes.
std::string_view WordAt(std::string_view s, size_t pos) {
  size_t end = pos;
  while (end < s.size()) {
    char c = s[end];
    if (c == ' ' || c == ',' || c == '(' || c == '[' || c == ']' || c == ':' || c == '_') break;
    if (s.substr(end, 3) == "\xE2\x80\x94" || s.substr(end, 3) == "\xE2\x80\x93") break;
    if (c == '-' && (end + 1 >= s.size() || s[end + 1] == ' ' || s[end + 1] == '-')) break;
    ++end;
  }
  return s.substr(pos, end - pos);
}

void SkipSpaces(std::string_view s, size_t* pos) {
  while (*pos < s.size() && s[*pos] == ' ') ++*pos;
}

// Reads words while `accept` holds; returns the words' extent.
template <typename Pred>
size_t ReadWords(std::string_view s, size_t pos, Pred accept, size_t* words) {
  size_t end = pos;
  *words = 0;
  while (*words < kMaxPlaceWords) {
    size_t p = end;
    SkipSpaces(s, &p);
    std::string_view w = WordAt(s, p);
    if (w.empty() || !accept(w)) break;
    end = p + w.size();
    ++*words;
  }
  return end;
}

bool IsCapsWord(std::string_view w) { return LineShape::IsAllCaps(w) && w.size() >= 1; }
bool IsCapWord(std::string_view w) {
  return LineShape::StartsUpper(w) || w == "de" || w == "la" || w == "el" || w == "of";
}

// Length of a dash separator at `pos` (with surrounding spaces), or 0.
size_t DashAt(std::string_view s, size_t pos, bool allow_colon) {
  size_t p = pos;
  SkipSpaces(s, &p);
  size_t len = 0;
  if (s.substr(p, 3) == "\xE2\x80\x94" || s.substr(p, 3) == "\xE2\x80\x93") {
    len = 3;
  } else if (s.substr(p, 2) == "--") {
    len = 2;
  } else if (p < s.size() && (s[p] == '-' || s[p] == '_' || (allow_colon && s[p] == ':'))) {
    len = 1;
  }
  if (len == 0) return 0;
  size_t q = p + len;
  bool spaced = q < s.size() && s[q] == ' ';
  if (!spaced && len != 3) return 0;  // "-" needs a space after it; an em dash may be tight
  SkipSpaces(s, &q);
  return q - pos;
}

bool StartsText(std::string_view rest) {
  if (rest.empty()) return false;
  unsigned char c = rest[0];
  return std::isdigit(c) || c == '"' || c == '\'' || rest.substr(0, 3) == "\xE2\x80\x9C" ||
         LineShape::StartsUpper(LineShape::Words(rest).front());
}

}  // namespace

std::optional<Dateline> DatelineParser::Parse(std::string_view s) {
  Dateline d;
  size_t words = 0;
  size_t pos = ReadWords(s, 0, IsCapsWord, &words);
  bool caps_place = words > 0 && pos >= 2;
  if (!caps_place) pos = ReadWords(s, 0, IsCapWord, &words);
  size_t place_end = pos;
  // ", Malaysia", "[Malaysia]", ", July 10"
  for (int seg = 0; seg < 3 && words > 0; ++seg) {
    size_t p = pos;
    SkipSpaces(s, &p);
    bool bracket = p < s.size() && s[p] == '[';
    if (p >= s.size() || (s[p] != ',' && !bracket)) break;
    size_t n = 0;
    size_t end = ReadWords(
        s, p + 1, [](std::string_view w) { return IsCapWord(w) || std::isdigit(static_cast<unsigned char>(w[0])); },
        &n);
    if (n == 0 || n > 3) break;
    std::string_view seg_text = LineShape::Trim(s.substr(p + 1, end - p - 1));
    if (bracket) {
      if (end >= s.size() || s[end] != ']') break;
      ++end;
    }
    if (DateParser::MonthNumber(LineShape::Words(seg_text).front()) != 0 && n == 2) {
      d.date_text = std::string(seg_text);
    } else {
      place_end = end;
    }
    pos = end;
  }
  size_t p = pos;
  SkipSpaces(s, &p);
  if (p < s.size() && s[p] == '(') {
    size_t close = s.find(')', p);
    if (close != std::string_view::npos && close - p - 1 <= kMaxCreditBytes && close > p + 1) {
      std::string_view credit = s.substr(p + 1, close - p - 1);
      if (LineShape::StartsUpper(credit) || credit == "dpa") {
        d.credit = std::string(credit);
        pos = close + 1;
      }
    }
  }
  if (!caps_place && d.credit.empty()) return std::nullopt;
  if (words == 0 && d.credit.empty()) return std::nullopt;
  size_t dash = DashAt(s, pos, !d.credit.empty());
  if (dash == 0 || !StartsText(s.substr(pos + dash))) return std::nullopt;
  if (words > 0) d.place = std::string(LineShape::Trim(s.substr(0, place_end)));
  // "[Malaysia]" reads better as ", Malaysia".
  for (size_t b; (b = d.place.find(" [")) != std::string::npos;) d.place.replace(b, 2, ", ");
  if (!d.place.empty() && d.place.back() == ']') d.place.pop_back();
  d.length = pos + dash;
  return d;
}

}  // namespace storyfuse
