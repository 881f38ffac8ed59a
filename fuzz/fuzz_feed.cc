// libFuzzer target: arbitrary bytes as a feed body through FeedParser (so
// through XmlDocument, libxml2's XML parser, nlohmann::json for JSON Feed,
// HtmlDocument for titles and summaries, UrlCanonicalizer and FeedDate).
// Any crash, hang or sanitizer report is a bug; an error Status is fine.
// On success every item must keep the parser's contract. The same bytes,
// read as a page, go through FeedDiscovery.
//
//   build-fuzz/fuzz/fuzz_feed -dict=fuzz/feed.dict -max_len=16384 corpus/
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>

#include "feed/feed_discovery.h"
#include "feed/feed_parser.h"
#include "feed/url_canonicalizer.h"
#include "text/utf8.h"

namespace {

void CheckText(const std::string& s, size_t max) {
  if (s.size() > max) __builtin_trap();
  if (storyfuse::FindInvalidUtf8(s) != std::string_view::npos) __builtin_trap();
  if (!s.empty() && (s.front() == ' ' || s.back() == ' ')) __builtin_trap();
}

// "", "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ".
void CheckDate(const std::string& d) {
  if (!d.empty() && d.size() != 10 && !(d.size() == 20 && d[10] == 'T' && d[19] == 'Z')) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using storyfuse::FeedParser;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto found = storyfuse::FeedDiscovery::FromHtml(bytes, "https://fuzz.test/news/");
  if (found.size() > storyfuse::FeedDiscovery::kMaxFeeds) __builtin_trap();
  for (const storyfuse::DiscoveredFeed& f : found) {
    if (!storyfuse::UrlCanonicalizer::Canonicalize(f.url).ok()) __builtin_trap();
  }
  // A page's own canonical URL: empty, or canonical (idempotent) on the
  // page's host.
  std::string own = storyfuse::FeedDiscovery::CanonicalUrl(bytes, "https://fuzz.test/news/");
  if (!own.empty()) {
    auto again = storyfuse::UrlCanonicalizer::Canonicalize(own);
    if (!again.ok() || *again != own || !own.starts_with("http")) __builtin_trap();
    if (own.find("://fuzz.test") == std::string::npos) __builtin_trap();
  }
  auto feed = FeedParser::Parse(bytes, "https://fuzz.test/news/feed.xml");
  if (!feed.ok()) {
    if (feed.status().message().empty()) __builtin_trap();
    return 0;
  }
  if (feed->items.size() > FeedParser::kMaxItems) __builtin_trap();
  CheckText(feed->title, FeedParser::kMaxTitleBytes);
  std::unordered_set<std::string> guids;
  for (const storyfuse::FeedItem& item : feed->items) {
    if (item.guid.empty() || item.guid.size() > FeedParser::kMaxGuidBytes) __builtin_trap();
    if (!guids.insert(item.guid).second) __builtin_trap();  // duplicates are dropped
    if (!item.link.empty() && !storyfuse::UrlCanonicalizer::Canonicalize(item.link).ok()) __builtin_trap();
    CheckText(item.title, FeedParser::kMaxTitleBytes);
    CheckText(item.author, FeedParser::kMaxAuthorBytes);
    CheckText(item.summary, FeedParser::kMaxSummaryBytes);
    CheckDate(item.published);
  }
  return 0;
}
