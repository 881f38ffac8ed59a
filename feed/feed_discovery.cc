#include "feed/feed_discovery.h"

#include <array>
#include <unordered_set>

#include "feed/url_canonicalizer.h"
#include "ingest/html_document.h"
#include "text/ascii_chars.h"

namespace storyfuse {
namespace {

bool HasToken(std::string_view list, std::string_view token) {
  size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && (list[i] == ' ' || list[i] == '\t' || list[i] == '\n')) ++i;
    size_t start = i;
    while (i < list.size() && list[i] != ' ' && list[i] != '\t' && list[i] != '\n') ++i;
    if (list.substr(start, i - start) == token) return true;
  }
  return false;
}

bool IsFeedType(std::string_view type) {
  static constexpr std::array<std::string_view, 5> kTypes = {"application/rss+xml", "application/atom+xml",
                                                             "application/rdf+xml", "application/feed+json",
                                                             "application/json"};
  type = type.substr(0, type.find(';'));  // "application/rss+xml; charset=utf-8"
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  for (std::string_view t : kTypes) {
    if (type == t) return true;
  }
  return false;
}

// The host of a canonical URL ("scheme://host[:port]/..."), without port.
std::string_view HostOf(std::string_view canonical_url) {
  size_t start = canonical_url.find("://");
  if (start == std::string_view::npos) return {};
  start += 3;
  size_t end = canonical_url.find_first_of(":/?", start);
  return canonical_url.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

}  // namespace

std::string FeedDiscovery::CanonicalUrl(std::string_view html, std::string_view page_url) {
  auto page = UrlCanonicalizer::Canonicalize(page_url);
  if (html.empty() || !page.ok()) return "";
  auto doc = HtmlDocument::Parse(html);
  if (!doc.ok()) return "";
  for (uint32_t i = 0; i < doc->size(); ++i) {
    if (doc->node(i).tag != HtmlTag::kLink) continue;
    if (!HasToken(AsciiLower(doc->Attr(i, HtmlAttr::kRel)), "canonical")) continue;
    auto url = UrlCanonicalizer::Resolve(page_url, doc->Attr(i, HtmlAttr::kHref));
    if (!url.ok()) return "";
    auto canonical = UrlCanonicalizer::Canonicalize(*url);
    if (!canonical.ok() || HostOf(*canonical) != HostOf(*page)) return "";
    return *canonical;
  }
  return "";
}

std::vector<DiscoveredFeed> FeedDiscovery::FromHtml(std::string_view html, std::string_view page_url) {
  std::vector<DiscoveredFeed> feeds;
  if (html.empty()) return feeds;
  auto doc = HtmlDocument::Parse(html);
  if (!doc.ok()) return feeds;
  std::unordered_set<std::string> seen;
  for (uint32_t i = 0; i < doc->size() && feeds.size() < kMaxFeeds; ++i) {
    if (doc->node(i).tag != HtmlTag::kLink) continue;
    if (!HasToken(AsciiLower(doc->Attr(i, HtmlAttr::kRel)), "alternate")) continue;
    std::string type = AsciiLower(doc->Attr(i, HtmlAttr::kType));
    if (!IsFeedType(type)) continue;
    auto url = UrlCanonicalizer::Resolve(page_url, doc->Attr(i, HtmlAttr::kHref));
    if (!url.ok()) continue;
    auto canonical = UrlCanonicalizer::Canonicalize(*url);
    if (!canonical.ok() || !seen.insert(*canonical).second) continue;
    feeds.push_back({std::move(*url), std::move(type)});
  }
  return feeds;
}

std::vector<std::string> FeedDiscovery::CommonPaths(std::string_view site_url) {
  static constexpr std::array<std::string_view, 8> kPaths = {
      "/feed", "/rss", "/rss.xml", "/feed.xml", "/atom.xml", "/index.xml", "/feed.json", "/feeds/posts/default"};
  std::vector<std::string> out;
  if (!UrlCanonicalizer::Canonicalize(site_url).ok()) return out;
  for (std::string_view p : kPaths) {
    auto url = UrlCanonicalizer::Resolve(site_url, p);
    if (url.ok()) out.push_back(std::move(*url));
  }
  return out;
}

}  // namespace storyfuse
