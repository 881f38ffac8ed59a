// libFuzzer target: arbitrary bytes through the Segmenter, read by chunks
// (ASCII chunks without ICU) and by ICU whole. Traps when the two differ in
// any token or tag, or when a span leaves the text.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "text/segmenter.h"

namespace {

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace storyfuse;
  static Segmenter* chunked = new Segmenter();
  static Segmenter* whole = new Segmenter(SegmenterOptions{.chunked = false});
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (bool punct : {false, true}) {
    std::vector<Token> a = chunked->Tokens(text, punct), b = whole->Tokens(text, punct);
    Check(a.size() == b.size());
    for (size_t i = 0; i < a.size(); ++i) {
      Check(a[i].span.begin == b[i].span.begin && a[i].span.end == b[i].span.end && a[i].kind == b[i].kind);
      Check(a[i].span.begin < a[i].span.end && a[i].span.end <= text.size());
    }
  }
  return 0;
}
