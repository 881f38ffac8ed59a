#include "pipeline/search_text.h"

#include <algorithm>

#include "text/ascii_chars.h"

namespace storyfuse {
namespace {

bool IsWordByte(unsigned char c) {
  return IsAsciiLetter(static_cast<char>(c)) || IsAsciiDigit(static_cast<char>(c)) || c >= 0x80;
}

// Calls fn(begin, end) for each word of text.
template <typename F>
void ForEachWord(std::string_view text, F fn) {
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !IsWordByte(text[i])) ++i;
    size_t begin = i;
    while (i < text.size() && IsWordByte(text[i])) ++i;
    if (i > begin) fn(begin, i);
  }
}

bool StartsWithTerm(std::string_view word, const std::vector<std::string>& terms) {
  for (const std::string& t : terms) {
    if (word.size() < t.size()) continue;
    bool eq = true;
    for (size_t k = 0; k < t.size() && eq; ++k) eq = AsciiLower(word[k]) == t[k];
    if (eq) return true;
  }
  return false;
}

// Moves `pos` back to the start of a UTF-8 sequence.
size_t CharStart(std::string_view text, size_t pos) {
  while (pos > 0 && pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) --pos;
  return pos;
}

}  // namespace

std::vector<std::string> SearchTerms(std::string_view query) {
  std::vector<std::string> terms;
  ForEachWord(query, [&](size_t b, size_t e) {
    if (terms.size() >= kMaxSearchTerms) return;
    size_t len = e - b;
    if (len > kMaxSearchTermBytes) len = CharStart(query.substr(b), kMaxSearchTermBytes);
    // A long run of stray UTF-8 continuation bytes has no character start
    // to cut at: it is no word anyone can search for (found by fuzz_search).
    if (len == 0) return;
    std::string t = AsciiLower(query.substr(b, len));
    if (std::find(terms.begin(), terms.end(), t) == terms.end()) terms.push_back(std::move(t));
  });
  return terms;
}

int CountMatches(std::string_view text, const std::vector<std::string>& terms) {
  int n = 0;
  if (terms.empty()) return 0;
  ForEachWord(text, [&](size_t b, size_t e) { n += StartsWithTerm(text.substr(b, e - b), terms); });
  return n;
}

std::string Snippet(std::string_view text, const std::vector<std::string>& terms, size_t width) {
  size_t first = std::string_view::npos;
  ForEachWord(text, [&](size_t b, size_t e) {
    if (first == std::string_view::npos && StartsWithTerm(text.substr(b, e - b), terms)) first = b;
  });
  if (first == std::string_view::npos) first = 0;
  size_t begin = CharStart(text, first > width / 3 ? first - width / 3 : 0);
  size_t end = CharStart(text, std::min(text.size(), begin + width));
  std::string_view window = text.substr(begin, end - begin);
  std::string out = begin > 0 ? "…" : "";
  size_t last = 0;
  ForEachWord(window, [&](size_t b, size_t e) {
    if (!StartsWithTerm(window.substr(b, e - b), terms)) return;
    out.append(window.substr(last, b - last)).append("[").append(window.substr(b, e - b)).append("]");
    last = e;
  });
  out.append(window.substr(last));
  if (end < text.size()) out += "…";
  return out;
}

}  // namespace storyfuse
