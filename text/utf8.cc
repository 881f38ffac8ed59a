#include "text/utf8.h"

#include <algorithm>

namespace storyfuse {
namespace {

constexpr char32_t kReplacement = 0xFFFD;
constexpr uint32_t kCheckpointStride = 64;

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the sequence led by `lead`, or 0 when `lead` cannot start one.
int SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

// Decodes one well-formed sequence at `pos`; returns its length or 0.
int DecodeValid(std::string_view s, size_t pos, char32_t* cp) {
  auto lead = static_cast<unsigned char>(s[pos]);
  int len = SequenceLength(lead);
  if (len == 0 || pos + len > s.size()) return 0;
  if (len == 1) {
    *cp = lead;
    return 1;
  }
  char32_t value = lead & (0x7F >> len);
  for (int i = 1; i < len; ++i) {
    auto c = static_cast<unsigned char>(s[pos + i]);
    if (!IsContinuation(c)) return 0;
    value = (value << 6) | (c & 0x3F);
  }
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (value < kMin[len] || value > 0x10FFFF) return 0;
  if (value >= 0xD800 && value <= 0xDFFF) return 0;
  *cp = value;
  return len;
}

}  // namespace

size_t FindInvalidUtf8(std::string_view text) {
  size_t pos = 0;
  char32_t cp;
  while (pos < text.size()) {
    int len = DecodeValid(text, pos, &cp);
    if (len == 0) return pos;
    pos += len;
  }
  return std::string_view::npos;
}

char32_t DecodeUtf8(std::string_view text, size_t* pos) {
  char32_t cp = kReplacement;
  int len = DecodeValid(text, *pos, &cp);
  *pos += len == 0 ? 1 : len;
  return len == 0 ? kReplacement : cp;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

CodePointIndex::CodePointIndex(std::string_view text) : text_(text) {
  uint32_t count = 0;
  for (size_t pos = 0; pos < text.size();) {
    if (count % kCheckpointStride == 0) checkpoints_.push_back(static_cast<uint32_t>(pos));
    DecodeUtf8(text, &pos);
    ++count;
  }
}

uint32_t CodePointIndex::ToCodePoint(uint32_t byte) const {
  byte = std::min<uint32_t>(byte, static_cast<uint32_t>(text_.size()));
  // Last checkpoint at or before `byte`.
  auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), byte);
  if (it == checkpoints_.begin()) return 0;
  --it;
  uint32_t cp = static_cast<uint32_t>(it - checkpoints_.begin()) * kCheckpointStride;
  size_t pos = *it;
  while (pos < byte) {
    DecodeUtf8(text_, &pos);
    if (pos <= byte) ++cp;
  }
  return cp;
}

}  // namespace storyfuse
