// OpmlReader: the feeds a user follows, from an OPML subscription list (as
// feed readers export them) or a plain list of URLs, one a line.
//
// OPML: every <outline> with an xmlUrl attribute, at any nesting inside
// <body>, is a feed; the attribute may be spelled xmlUrl, xmlURL, xmlurl
// or XMLURL (exporters differ). Its title is the outline's "title" else "text";
// its category is the titles of the outlines around it, joined with "/"
// ("News/Regional"). Outlines without xmlUrl are folders only.
// A plain list goes through UrlListParser. Which one it is: a document
// whose first non-space byte is '<' is OPML, anything else a list.
//
// Bad entries do not stop the rest: an outline whose xmlUrl is not an
// absolute http(s) URL is reported in `errors` ("outline \"Title\": <why>"),
// a feed listed twice (same canonical URL) is counted in `duplicates`.
//
// Limits: inputs over kMaxBytes are refused; feeds after kMaxFeeds are
// ignored (`truncated`); nesting is XmlDocument's (256).
//
// Errors (InvalidArgument): "subscription list of N bytes is over the
// 4 MiB limit"; "empty OPML list"; "an HTML page, not an OPML list";
// XmlDocument's malformed/truncated XML messages; "not an OPML list: the
// root element is <rss> (a feed)"; "OPML without a <body>".
//
// Pure functions; thread-safe.
#ifndef STORYFUSE_FEED_OPML_READER_H_
#define STORYFUSE_FEED_OPML_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace storyfuse {

struct Subscription {
  std::string url;       // as written, trimmed; absolute http(s)
  std::string title;     // may be empty
  std::string site_url;  // OPML htmlUrl; may be empty
  std::string category;  // enclosing outline titles, "/"-joined; may be empty
};

struct SubscriptionList {
  std::vector<Subscription> feeds;
  std::vector<std::string> errors;
  size_t duplicates = 0;
  bool truncated = false;
};

class OpmlReader {
 public:
  // A 10,000-feed OPML export is about 2 MiB.
  static constexpr size_t kMaxBytes = size_t{4} << 20;
  static constexpr size_t kMaxFeeds = 10000;

  // Reads an OPML document or a plain URL list (see above).
  static Result<SubscriptionList> Parse(std::string_view bytes);
};

}  // namespace storyfuse

#endif  // STORYFUSE_FEED_OPML_READER_H_
