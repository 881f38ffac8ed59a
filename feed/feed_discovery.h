// FeedDiscovery: the feeds a site offers, found from its pages, for
// following a site given by its URL alone (issue #24).
//
// FromHtml reads the <link rel="alternate"> elements of a page (rel and
// type compared case-insensitively; rel may hold other tokens too) whose
// type is a feed's: application/rss+xml, application/atom+xml,
// application/rdf+xml, application/feed+json, application/json (JSON
// Feed's older type). Each href is resolved against the page's URL (a
// <base href> is not read: news sites do not use it for feeds) and kept
// when it is an http(s) URL UrlCanonicalizer accepts; a feed whose
// canonical URL came before is skipped. At most kMaxFeeds are returned, in
// page order. The page is parsed by HtmlDocument (malformed markup is
// repaired, never an error).
//
// CommonPaths gives the URLs a site's feed most often lives at when no page
// announces one, for a fetcher to try in order.
//
// Pure functions; thread-safe.
#ifndef STORYFUSE_FEED_FEED_DISCOVERY_H_
#define STORYFUSE_FEED_FEED_DISCOVERY_H_

#include <string>
#include <string_view>
#include <vector>

namespace storyfuse {

struct DiscoveredFeed {
  std::string url;   // absolute, as resolved (not canonicalized)
  std::string type;  // the link's type, lower-cased
};

class FeedDiscovery {
 public:
  // A page announcing more than a few dozen feeds (one per section) is
  // not telling which to follow; 64 bounds what a hostile page can ask for.
  static constexpr size_t kMaxFeeds = 64;

  static std::vector<DiscoveredFeed> FromHtml(std::string_view html, std::string_view page_url);

  // The page's own canonical URL: the first <link rel="canonical">,
  // resolved against `page_url` and canonicalized (UrlCanonicalizer), when
  // it names the same host as `page_url` (scheme and port may differ: an
  // http page naming its https self is common). Another host's URL is not
  // taken: a syndicated copy names the wire's original, and storing the two
  // as one would hide the copy the pipeline is there to find. "" when absent
  // or refused.
  static std::string CanonicalUrl(std::string_view html, std::string_view page_url);

  // "/feed", "/rss", "/rss.xml", "/feed.xml", "/atom.xml", "/index.xml",
  // "/feed.json", "/feeds/posts/default" on the site's origin (the
  // defaults of WordPress, Ghost, common static-site generators and
  // Blogger). Empty when `site_url` is not an http(s) URL.
  static std::vector<std::string> CommonPaths(std::string_view site_url);
};

}  // namespace storyfuse

#endif  // STORYFUSE_FEED_FEED_DISCOVERY_H_
