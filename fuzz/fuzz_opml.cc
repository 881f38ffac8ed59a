// libFuzzer target: arbitrary bytes as a subscription list (OPML or a plain
// URL list) through OpmlReader. No crash, hang or sanitizer report; on
// success every feed URL is accepted by UrlCanonicalizer and none is
// listed twice.
//
//   build-fuzz/fuzz/fuzz_opml -dict=fuzz/feed.dict -max_len=8192 corpus/
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>

#include "feed/opml_reader.h"
#include "feed/url_canonicalizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto list = storyfuse::OpmlReader::Parse(bytes);
  if (!list.ok()) {
    if (list.status().message().empty()) __builtin_trap();
    return 0;
  }
  if (list->feeds.size() > storyfuse::OpmlReader::kMaxFeeds) __builtin_trap();
  std::unordered_set<std::string> seen;
  for (const storyfuse::Subscription& s : list->feeds) {
    auto canonical = storyfuse::UrlCanonicalizer::Canonicalize(s.url);
    if (!canonical.ok() || !seen.insert(*canonical).second) __builtin_trap();
  }
  return 0;
}
