// libFuzzer target: arbitrary bytes as a sitemap body (XML, text or gzip)
// through SitemapParser. No crash, hang or sanitizer report; on success
// every loc is an http(s) URL UrlCanonicalizer accepts, news only in a
// urlset, entries within the protocol's limit.
//
//   build-fuzz/fuzz/fuzz_sitemap -dict=fuzz/feed.dict -max_len=16384 corpus/
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "feed/sitemap_parser.h"
#include "feed/url_canonicalizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using storyfuse::SitemapParser;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto map = SitemapParser::Parse(bytes, "https://fuzz.test/sitemap.xml");
  if (!map.ok()) {
    if (map.status().message().empty()) __builtin_trap();
    return 0;
  }
  if (map->entries.size() > SitemapParser::kMaxEntries) __builtin_trap();
  for (const storyfuse::SitemapEntry& e : map->entries) {
    if (!storyfuse::UrlCanonicalizer::Canonicalize(e.loc).ok()) __builtin_trap();
    if (e.has_news && map->kind != storyfuse::SitemapKind::kUrlSet) __builtin_trap();
    if (e.news.title.size() > SitemapParser::kMaxTitleBytes) __builtin_trap();
  }
  return 0;
}
