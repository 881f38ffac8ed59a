#include "text/ascii_words.h"

#include <array>

#include "text/unicode_text.h"

namespace storyfuse {
namespace {

enum class WordClass : uint8_t { kOther, kLetter, kDigit, kJoiner, kMidLetterOrNumber, kMidNumber };

constexpr WordClass ClassOfByte(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '@') return WordClass::kLetter;
  if (c >= '0' && c <= '9') return WordClass::kDigit;
  if (c == '_') return WordClass::kJoiner;
  if (c == '.' || c == '\'') return WordClass::kMidLetterOrNumber;
  if (c == ',' || c == ';') return WordClass::kMidNumber;
  return WordClass::kOther;
}

// ClassOfByte for every byte, read once per byte of every article: a load
// instead of a call and its comparisons (issue 21's end-to-end speed).
constexpr std::array<WordClass, 256> kClassOf = [] {
  std::array<WordClass, 256> t{};
  for (int b = 0; b < 256; ++b) t[b] = ClassOfByte(static_cast<char>(b));
  return t;
}();

WordClass ClassOf(char c) { return kClassOf[static_cast<unsigned char>(c)]; }

bool InWord(WordClass c) { return c == WordClass::kLetter || c == WordClass::kDigit || c == WordClass::kJoiner; }

// True when the middle character `mid` joins `before` and `after` (UAX #29
// rules 6, 7, 11 and 12).
bool Joins(WordClass before, WordClass mid, WordClass after) {
  if (before == WordClass::kLetter && after == WordClass::kLetter) return mid == WordClass::kMidLetterOrNumber;
  if (before == WordClass::kDigit && after == WordClass::kDigit) {
    return mid == WordClass::kMidLetterOrNumber || mid == WordClass::kMidNumber;
  }
  return false;
}

// The end of the word starting at `begin` (a letter, digit or '_').
size_t WordEnd(std::string_view s, size_t begin) {
  size_t i = begin + 1;
  while (i < s.size()) {
    WordClass prev = ClassOf(s[i - 1]), next = ClassOf(s[i]);
    if (InWord(next)) {
      ++i;
    } else if (i + 1 < s.size() && Joins(prev, next, ClassOf(s[i + 1]))) {
      i += 2;
    } else {
      break;
    }
  }
  return i;
}

// ICU's tag for a word token [begin, end): set by its last character, and
// for a trailing '_' by the one before it.
TokenKind KindOf(std::string_view s, size_t begin, size_t end) {
  WordClass last = ClassOf(s[end - 1]);
  if (last == WordClass::kJoiner) {
    if (end - begin == 1) return TokenKind::kPunct;
    last = ClassOf(s[end - 2]);
  }
  return last == WordClass::kDigit ? TokenKind::kNumber : TokenKind::kWord;
}

}  // namespace

bool IsAscii(std::string_view chunk) {
  for (char c : chunk) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

void AppendAsciiTokens(std::string_view chunk, uint32_t base, bool with_punct, std::vector<Token>* out) {
  size_t i = 0;
  while (i < chunk.size()) {
    bool word = InWord(ClassOf(chunk[i]));
    size_t end = word ? WordEnd(chunk, i) : i + 1;
    TokenKind kind = word ? KindOf(chunk, i, end) : TokenKind::kPunct;
    // Control characters ICU counts as white space (U+001C..U+001F) are
    // dropped like white space.
    bool space = kind == TokenKind::kPunct && UnicodeText::IsSpace(static_cast<unsigned char>(chunk[i]));
    if ((kind != TokenKind::kPunct || with_punct) && !space) {
      out->push_back({Span{base + static_cast<uint32_t>(i), base + static_cast<uint32_t>(end)}, kind});
    }
    i = end;
  }
}

}  // namespace storyfuse
