// FeedParser: the items of a news feed, from the bytes a server sent.
//
// Formats: RSS 2.0 (and 0.91/0.92), RSS 1.0 and 0.90 (RDF), Atom 1.0 (and
// 0.3), JSON Feed 1.0/1.1. The format is told by the content (a JSON
// object, or the XML root element and its namespace), never by the URL or a
// Content-Type.
//
// What is read, per item (FeedItem):
//   guid      RSS <guid>, RDF rdf:about, Atom <id>, JSON "id" (a number is
//             written as text); the item's link when it has none. Items
//             with neither, or with a guid over kMaxGuidBytes, are dropped
//             (Feed::skipped_items). Of items that
//             share a guid, the first is kept (Feed::duplicate_guids).
//   link      RSS <link> (else a permalink <guid> or rdf:about that is an
//             absolute http(s) URL itself), Atom <link> with
//             rel="alternate" or no rel, JSON "url" (else "external_url");
//             resolved against xml:base and then the feed's URL; empty when
//             the item has none or it is not an http(s) URL that
//             UrlCanonicalizer accepts once resolved.
//   title     plain text: HTML tags stripped and entities decoded (RSS, RDF,
//             JSON, and Atom type="html"/"xhtml"; Atom type="text" is
//             already plain and only has its white space collapsed).
//   published RSS <pubDate> or <dc:date>; Atom <published> else <updated>;
//             JSON "date_published" else "date_modified"; as FeedDate::ToUtc
//             gives it ("YYYY-MM-DDTHH:MM:SSZ", or a date alone); empty when
//             missing or unreadable.
//   author    RSS <author> (an "email (Name)" form gives the name),
//             <dc:creator>; Atom <author><name> (the feed's when the entry
//             has none); JSON "authors"[].name / "author".name; several are
//             joined with ", ".
//   summary   RSS/RDF <description> else <content:encoded>; Atom <summary>
//             else <content>; JSON "summary" else "content_text" else
//             "content_html"; plain text, cut to kMaxSummaryBytes.
//
// Limits: inputs over kMaxFeedBytes are refused; items after kMaxItems are
// ignored (Feed::truncated); title, author and summary are cut to their
// limits at a character boundary. XML goes through XmlDocument (no network,
// no entity expansion, depth 256); JSON nesting deeper than kMaxJsonDepth is
// refused before parsing.
//
// Errors (InvalidArgument; the message names what was wrong, not the URL,
// which the caller adds): "empty feed"; "feed of N bytes is over the 16 MiB
// limit"; "an HTML page, not a feed"; XmlDocument's "malformed XML at line
// L, column C: ..." and "truncated XML: the input ends inside <item> ...";
// "malformed JSON at byte N: ..."; "JSON but not a JSON Feed (no
// jsonfeed.org version)"; "not a feed: the root element is <urlset> (a
// sitemap)"; "RSS without a <channel>". A feed with no items is not an
// error.
//
// Pure functions; thread-safe.
#ifndef STORYFUSE_FEED_FEED_PARSER_H_
#define STORYFUSE_FEED_FEED_PARSER_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace storyfuse {

enum class FeedFormat { kRss2, kRss1, kAtom, kJsonFeed };

// "rss2", "rss1", "atom", "jsonfeed".
std::string_view FeedFormatName(FeedFormat format);

struct FeedItem {
  std::string guid;
  std::string link;
  std::string title;
  std::string published;
  std::string author;
  std::string summary;
};

struct Feed {
  FeedFormat format = FeedFormat::kRss2;
  std::string title;            // plain text
  std::string site_url;         // the outlet's home page the feed names, resolved; may be empty
  std::vector<FeedItem> items;  // in document order
  size_t duplicate_guids = 0;   // later items whose guid an earlier item had
  size_t skipped_items = 0;     // items with no guid and no link, a guid too long, or not objects (JSON)
  bool truncated = false;       // more than kMaxItems items
};

class FeedParser {
 public:
  // 16 MiB: the largest news feeds (a year of items with full content) stay
  // under 5 MiB; a larger body is a mistake or an attack.
  static constexpr size_t kMaxFeedBytes = size_t{16} << 20;
  // News feeds carry 10 to 500 items; 10,000 leaves room for archives.
  static constexpr size_t kMaxItems = 10000;
  static constexpr size_t kMaxTitleBytes = 1024;
  // A guid is an identifier, usually a URL: one longer than a URL may be
  // is not one.
  static constexpr size_t kMaxGuidBytes = 8192;
  static constexpr size_t kMaxAuthorBytes = 512;
  // Enough for a teaser paragraph; a full article comes from its page.
  static constexpr size_t kMaxSummaryBytes = 4096;
  // JSON Feed nests 4 deep (feed, items, item, authors); 64 is generous.
  static constexpr int kMaxJsonDepth = 64;

  // Parses `bytes`, the body of the feed at `feed_url` (an absolute URL,
  // the base for relative links; may be empty, and then relative links
  // without an xml:base are dropped).
  static Result<Feed> Parse(std::string_view bytes, std::string_view feed_url);
};

}  // namespace storyfuse

#endif  // STORYFUSE_FEED_FEED_PARSER_H_
