// libFuzzer target: arbitrary bytes through TextCleaner (and so through the
// date, dateline, byline, credit, masthead and crumb parsers). Any crash,
// sanitizer report or broken invariant is a bug; an error Status is fine.
// One cleaner is kept across inputs so the boilerplate memory is exercised.
//
//   build-fuzz/fuzz/fuzz_text_cleaner -max_total_time=60 corpus/
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "ingest/text_cleaner.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static storyfuse::TextCleaner* cleaner = new storyfuse::TextCleaner;
  storyfuse::Article article;
  article.input.assign(reinterpret_cast<const char*>(data), size);
  storyfuse::Status st = cleaner->Clean(&article);
  if (st.ok() && article.text.empty()) std::abort();  // success means text
  for (uint32_t i = 0; i < article.text.size(); i += 7) {
    if (article.offsets.ToInput(i) > article.input.size()) std::abort();
  }
  for (const storyfuse::Removed& r : article.removed) {
    if (r.input.end > article.input.size() || r.input.begin > r.input.end || r.kind.empty()) std::abort();
  }
  return 0;
}
