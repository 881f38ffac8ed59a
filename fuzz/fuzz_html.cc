// libFuzzer target: arbitrary bytes through HtmlExtractor (and so through
// libxml2's parser, HtmlDocument, HtmlMetadata's JSON-LD reading, HtmlBlocks
// and HtmlContent). Any crash, sanitizer report or broken invariant is a
// bug; an error Status is fine.
//
//   build-fuzz/fuzz/fuzz_html -max_total_time=60 corpus/
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "ingest/html_extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  storyfuse::Article article;
  article.input.assign(reinterpret_cast<const char*>(data), size);
  storyfuse::Status st = storyfuse::HtmlExtractor().Extract(&article);
  if (st.ok() && article.text.empty()) std::abort();  // success means text
  // Every text offset must lead inside the input.
  for (uint32_t i = 0; i < article.text.size(); i += 17) {
    if (article.offsets.ToInput(i) > article.input.size()) std::abort();
  }
  for (const storyfuse::Removed& r : article.removed) {
    if (r.input.end > article.input.size() || r.input.begin > r.input.end) std::abort();
  }
  return 0;
}
