// UTF-8 helpers that do not need ICU: validation and byte <-> code point
// offset conversion. Pure functions; thread-safe.
#ifndef STORYFUSE_TEXT_UTF8_H_
#define STORYFUSE_TEXT_UTF8_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace storyfuse {

// Returns the byte offset of the first invalid sequence, or npos if `text`
// is well-formed UTF-8 (no overlongs, no surrogates, max U+10FFFF).
size_t FindInvalidUtf8(std::string_view text);

// Decodes the code point at `*pos` and advances `*pos`; invalid bytes decode
// as U+FFFD and advance by one byte.
char32_t DecodeUtf8(std::string_view text, size_t* pos);

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string* out);

// Maps byte offsets of one text to code point offsets in O(log n) after an
// O(n) build. Immutable after construction; thread-safe for reads.
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view text);
  // Code point offset of byte offset `byte` (clamped to the text's size; a
  // byte inside a sequence maps to that sequence's code point).
  uint32_t ToCodePoint(uint32_t byte) const;

 private:
  // Byte offset of every 64th code point, for a short forward scan.
  std::vector<uint32_t> checkpoints_;
  std::string_view text_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_TEXT_UTF8_H_
