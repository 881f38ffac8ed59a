#include "ingest/line_shape.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

#include "text/ascii_chars.h"
#include "text/unicode_text.h"
#include "text/utf8.h"

namespace storyfuse {
namespace {

// Bytes that may start a white-space character: the ASCII spaces, and
// the lead bytes of U+00A0 (C2), U+200B (E2) and U+FEFF (EF). Every other
// byte is inside a word, which the loops below test with one table read
// per byte: they read every line several times over (issue 21).
constexpr uint8_t kWordByte = 0;
constexpr uint8_t kAsciiSpace = 1;
constexpr uint8_t kMaybeSpace = 2;
constexpr std::array<uint8_t, 256> kByteClass = [] {
  std::array<uint8_t, 256> t{};
  for (unsigned char c : {' ', '\t', '\r', '\n', '\f', '\v'}) t[c] = kAsciiSpace;
  for (unsigned char c : {0xC2, 0xE2, 0xEF}) t[c] = kMaybeSpace;
  return t;
}();

// Length of the multi-byte white-space character at the start of `rest`
// (its first byte is kMaybeSpace), or 0.
size_t WideSpaceAt(std::string_view rest) {
  if (rest.substr(0, 2) == "\xC2\xA0") return 2;
  if (rest.substr(0, 3) == "\xEF\xBB\xBF" || rest.substr(0, 3) == "\xE2\x80\x8B") return 3;
  return 0;
}

// Length of the white-space character at byte `i` of `s`, or 0.
inline size_t SpaceAt(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  uint8_t k = kByteClass[static_cast<unsigned char>(s[i])];
  if (k == kWordByte) return 0;
  return k == kAsciiSpace ? 1 : WideSpaceAt(s.substr(i));
}

// The end of the word starting at byte `i` of `s`: the next white space.
inline size_t WordEnd(std::string_view s, size_t i) {
  for (; i < s.size(); ++i) {
    uint8_t k = kByteClass[static_cast<unsigned char>(s[i])];
    if (k == kAsciiSpace || (k == kMaybeSpace && WideSpaceAt(s.substr(i)) > 0)) break;
  }
  return i;
}

// Length of the white-space character ending `s`, or 0.
size_t SpaceBefore(std::string_view s) {
  if (s.empty()) return 0;
  unsigned char c = s.back();
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') return 1;
  // Every other space below ends with a byte >= 0x80.
  if (c < 0x80) return 0;
  if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") return 2;
  if (s.size() >= 3 && (s.substr(s.size() - 3) == "\xEF\xBB\xBF" || s.substr(s.size() - 3) == "\xE2\x80\x8B")) return 3;
  return 0;
}

// Closing quotes and brackets that may follow a sentence's final stop.
bool StripClosers(std::string_view* s) {
  static constexpr std::array<std::string_view, 7> kClosers = {"\"",           "'",       ")", "]", "\xE2\x80\x9D",
                                                               "\xE2\x80\x99", "\xC2\xBB"};
  for (std::string_view c : kClosers) {
    if (s->size() >= c.size() && s->substr(s->size() - c.size()) == c) {
      s->remove_suffix(c.size());
      return true;
    }
  }
  return false;
}

bool IsNameWordExcluded(std::string_view w) {
  static constexpr std::array<std::string_view, 26> kNotNames = {
      "Monday", "Tuesday", "Wednesday", "Thursday",  "Friday",  "Saturday",  "Sunday",  "January",  "February",
      "March",  "April",   "June",      "July",      "August",  "September", "October", "November", "December",
      "The",    "This",    "That",      "Published", "Updated", "Posted",    "Photo",   "Image"};
  return std::find(kNotNames.begin(), kNotNames.end(), w) != kNotNames.end();
}

bool IsParticle(std::string_view w) {
  static constexpr std::array<std::string_view, 14> kParticles = {"de",  "del", "della", "da", "di",  "van", "von",
                                                                  "der", "den", "la",    "le", "bin", "al",  "du"};
  return std::find(kParticles.begin(), kParticles.end(), w) != kParticles.end();
}

}  // namespace

size_t LineShape::LeadingSpace(std::string_view s) {
  size_t n = 0;
  while (size_t k = SpaceAt(s, n)) n += k;
  return n;
}

std::string_view LineShape::Trim(std::string_view s) {
  s.remove_prefix(LeadingSpace(s));
  while (size_t k = SpaceBefore(s)) s.remove_suffix(k);
  return s;
}

std::vector<std::string_view> LineShape::Words(std::string_view s, size_t limit) {
  // Most callers ask for a line's first few dozen words: one allocation
  // instead of six doublings.
  constexpr size_t kUsualWords = 32;
  std::vector<std::string_view> out;
  out.reserve(std::min(limit, kUsualWords));
  size_t i = 0;
  while (i < s.size() && out.size() < limit) {
    if (size_t k = SpaceAt(s, i)) {
      i += k;
      continue;
    }
    size_t j = WordEnd(s, i + 1);
    out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

size_t LineShape::WordCount(std::string_view s, size_t limit) {
  size_t n = 0;
  size_t i = 0;
  while (i < s.size() && n < limit) {
    if (size_t k = SpaceAt(s, i)) {
      i += k;
      continue;
    }
    ++n;
    i = WordEnd(s, i + 1);
  }
  return n;
}

bool LineShape::EndsSentence(std::string_view s) {
  s = Trim(s);
  while (StripClosers(&s)) {
  }
  if (s.empty()) return false;
  char c = s.back();
  if (c == '.' || c == '!' || c == '?') return true;
  if (s.size() < 3) return false;
  // … 。 ！ ？ ．
  std::string_view last3 = s.substr(s.size() - 3);
  return last3 == "\xE2\x80\xA6" || last3 == "\xE3\x80\x82" || last3 == "\xEF\xBC\x81" || last3 == "\xEF\xBC\x9F" ||
         last3 == "\xEF\xBC\x8E";
}

bool LineShape::IsProse(std::string_view s) {
  constexpr size_t kEnoughWords = 20;  // the most any test below asks
  size_t words = WordCount(s, kEnoughWords);
  // Byte length stands in for words in scripts written without spaces.
  return words >= kEnoughWords || s.size() >= 300 || ((words >= 6 || s.size() >= 60) && EndsSentence(s));
}

bool LineShape::IsHeadline(std::string_view s) {
  s = Trim(s);
  constexpr size_t kMaxHeadlineWords = 30;
  // Counted only as far as the test asks: a paragraph is read by every rule.
  size_t words = WordCount(s, kMaxHeadlineWords + 1);
  if (words < 3 || words > kMaxHeadlineWords || s.size() > 250) return false;
  std::string_view core = s;
  while (StripClosers(&core)) {
  }
  if (core.empty() || (core.back() == '.' && !core.ends_with("..."))) return false;
  char last = core.back();
  if (last == ',' || last == ':' || last == ';' || last == '|' || last == '/' || last == '-') return false;
  unsigned char c = s[0];
  if (std::isdigit(c) || c == '"' || c == '\'' || s.substr(0, 3) == "\xE2\x80\x9C" ||
      s.substr(0, 3) == "\xE2\x80\x98") {
    return true;
  }
  return StartsUpper(s);
}

bool LineShape::StartsUpper(std::string_view word) {
  size_t pos = 0;
  while (pos < word.size()) {
    char32_t cp = DecodeUtf8(word, &pos);
    if (UnicodeText::IsLetter(cp)) return UnicodeText::IsUpper(cp);
  }
  return false;
}

bool LineShape::IsAllCaps(std::string_view s) {
  size_t pos = 0;
  bool letters = false;
  while (pos < s.size()) {
    char32_t cp = DecodeUtf8(s, &pos);
    if (!UnicodeText::IsLetter(cp)) continue;
    if (!UnicodeText::IsUpper(cp)) return false;
    letters = true;
  }
  return letters;
}

bool LineShape::IsPersonName(std::string_view s, bool allow_single) {
  std::vector<std::string_view> words = Words(Trim(s));
  if (words.empty() || words.size() > 5) return false;
  if (words.size() == 1 && !allow_single) return false;
  size_t capitalized = 0;
  for (std::string_view w : words) {
    if (std::any_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
      return false;
    }
    if (IsParticle(w)) continue;
    if (!StartsUpper(w) || IsNameWordExcluded(w)) return false;
    for (char c : w) {
      if (c != '.' && c != '-' && c != '\'' && std::ispunct(static_cast<unsigned char>(c))) return false;
    }
    ++capitalized;
  }
  return capitalized >= (allow_single ? 1u : 2u) || (capitalized >= 1 && words.size() >= 2);
}

// AsciiLower, eight bytes at a time: the cleaner's rules lower every line
// several times over (issue 21's end-to-end speed). A byte is an
// upper-case letter when its high bit is clear and its low seven bits are
// in 'A'..'Z'; setting the case bit 0x20 then cannot carry.
std::string LineShape::Lower(std::string_view s) {
  std::string out(s);
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHigh = 0x80 * kOnes;
  size_t i = 0;
  for (; i + sizeof(uint64_t) <= out.size(); i += sizeof(uint64_t)) {
    uint64_t x;
    std::memcpy(&x, out.data() + i, sizeof x);
    uint64_t low7 = x & ~kHigh;
    uint64_t at_least_a = low7 + (0x80 - 'A') * kOnes;   // high bit set when low7 >= 'A'
    uint64_t above_z = low7 + (0x80 - 'Z' - 1) * kOnes;  // high bit set when low7 > 'Z'
    uint64_t upper = at_least_a & ~above_z & ~x & kHigh;
    x |= upper >> 2;  // 0x80 >> 2 == 0x20
    std::memcpy(out.data() + i, &x, sizeof x);
  }
  for (; i < out.size(); ++i) out[i] = AsciiLower(out[i]);
  return out;
}

bool LineShape::StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (AsciiLower(s[i]) != AsciiLower(prefix[i])) return false;
  }
  return true;
}

bool LineShape::ContainsNoCase(std::string_view s, std::string_view needle) {
  return Lower(s).find(Lower(needle)) != std::string::npos;
}

std::vector<std::string> LineShape::Terms(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty() && cur != "s") out.push_back(cur);
    cur.clear();
  };
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) {
      cur.push_back(AsciiLower(c));
    } else {
      flush();
    }
  }
  flush();
  return out;
}

}  // namespace storyfuse
