// AsciiChars: the one definition of ASCII letter case and white space for
// code that reads bytes. Bytes at or above 0x80 are never letters or space
// here and are left unchanged; Unicode-aware tests live in
// text/unicode_text.h.
//
// Thread-safe (pure functions).
#ifndef STORYFUSE_TEXT_ASCII_CHARS_H_
#define STORYFUSE_TEXT_ASCII_CHARS_H_

#include <string>
#include <string_view>

namespace storyfuse {

constexpr bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool IsAsciiLetter(char c) { return IsAsciiUpper(c) || IsAsciiLower(c); }
constexpr bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
constexpr char AsciiLower(char c) { return IsAsciiUpper(c) ? static_cast<char>(c + ('a' - 'A')) : c; }
constexpr char AsciiUpper(char c) { return IsAsciiLower(c) ? static_cast<char>(c - ('a' - 'A')) : c; }

// ' ', '\t', '\n', '\v', '\f', '\r': the C locale's isspace. UAX #29 breaks
// words on both sides of each of them.
constexpr bool IsAsciiSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// ' ', '\t', '\n', '\f', '\r': HTML's "ASCII whitespace" (WHATWG), which
// leaves out '\v'. For markup only (tags, attributes, charset sniffing).
constexpr bool IsHtmlSpace(char c) { return c != '\v' && IsAsciiSpace(c); }

// `s` without its leading and trailing IsAsciiSpace bytes.
constexpr std::string_view TrimAsciiSpace(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  return s;
}

// ASCII lower-case copy of `s` (other bytes unchanged).
inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

// True when `a` and `b` are equal but for ASCII letter case.
inline bool AsciiEqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

}  // namespace storyfuse

#endif  // STORYFUSE_TEXT_ASCII_CHARS_H_
