// SitemapParser: the URLs a site lists for crawlers (sitemaps.org protocol
// 0.9, with Google's news extension), as news-please and trafilatura use
// them to find articles.
//
// Kinds:
//   <urlset>        each <url>: <loc>, <lastmod>, and for news sitemaps
//                   <news:news> with <news:publication> (<news:name>,
//                   <news:language>), <news:publication_date>, <news:title>;
//   <sitemapindex>  each <sitemap>: <loc> of a further sitemap, <lastmod>;
//   text            a body that does not start with '<': one URL a line
//                   (UrlListParser), as the protocol allows.
// A gzip body (the .xml.gz sitemaps) is inflated first, up to kMaxBytes.
// Element names are matched by local name (sitemaps in the old Google 0.84
// namespace or none at all are read too); the news elements must be in
// Google's news namespace.
//
// Each loc is resolved against the sitemap's URL and must then be an
// absolute http(s) URL, else it is counted in `skipped` (no error). Dates go
// through FeedDate::ToUtc ("YYYY-MM-DDTHH:MM:SSZ", a date alone, or empty).
// Whether a loc is on the sitemap's own host is not checked here: that is
// the crawler's policy.
//
// Limits (the protocol's own): kMaxEntries entries, the rest ignored
// (`truncated`); kMaxBytes bytes, compressed or inflated, else an error.
//
// Errors (InvalidArgument): "sitemap of N bytes is over the 50 MiB limit";
// "gzip sitemap: <GzipReader's reason>" (corrupt, or inflating past 50
// MiB); "empty sitemap"; "an HTML page, not a sitemap"; XmlDocument's
// malformed/truncated XML messages; "not a sitemap: the root element is
// <rss> (a feed)".
//
// Pure functions; thread-safe.
#ifndef STORYFUSE_FEED_SITEMAP_PARSER_H_
#define STORYFUSE_FEED_SITEMAP_PARSER_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace storyfuse {

enum class SitemapKind { kUrlSet, kIndex, kText };

struct SitemapNews {
  std::string publication_name;
  std::string language;
  std::string publication_date;  // UTC, as FeedDate gives it
  std::string title;             // plain text
};

struct SitemapEntry {
  std::string loc;      // absolute http(s)
  std::string lastmod;  // UTC, as FeedDate gives it; may be empty
  bool has_news = false;
  SitemapNews news;
};

struct Sitemap {
  SitemapKind kind = SitemapKind::kUrlSet;
  std::vector<SitemapEntry> entries;  // in document order
  size_t skipped = 0;                 // entries without a usable loc
  bool truncated = false;             // more than kMaxEntries entries
};

class SitemapParser {
 public:
  // sitemaps.org: "no more than 50,000 URLs and must be no larger than
  // 50MB (52,428,800 bytes)" per sitemap file.
  static constexpr size_t kMaxEntries = 50000;
  static constexpr size_t kMaxBytes = 52428800;
  static constexpr size_t kMaxTitleBytes = 1024;

  // Parses `bytes`, the body of the sitemap at `sitemap_url` (the base for
  // relative locs; may be empty).
  static Result<Sitemap> Parse(std::string_view bytes, std::string_view sitemap_url);
};

}  // namespace storyfuse

#endif  // STORYFUSE_FEED_SITEMAP_PARSER_H_
