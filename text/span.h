// Span: a half-open byte range [begin, end) into one UTF-8 text.
//
// All text stages hand out spans into the text they were given rather than
// copies, so every sentence, token, quote and number can be traced back to
// its exact source bytes (and through ingest's OffsetMap to the input).
#ifndef STORYFUSE_TEXT_SPAN_H_
#define STORYFUSE_TEXT_SPAN_H_

#include <cstdint>
#include <string_view>

namespace storyfuse {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  std::string_view In(std::string_view text) const { return text.substr(begin, end - begin); }
  bool operator==(const Span&) const = default;
};

}  // namespace storyfuse

#endif  // STORYFUSE_TEXT_SPAN_H_
