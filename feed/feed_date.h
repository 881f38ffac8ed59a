// FeedDate: a date or date-time written in a feed or a sitemap (RFC 822 in
// RSS, RFC 3339 / W3C-DTF in Atom, JSON Feed, Dublin Core and sitemaps),
// reduced to UTC. Reading is DateParser's (ingest/date_parser.h), the
// project's one date reader; this class only moves a zoned time to UTC.
//
// Pure functions; thread-safe.
#ifndef STORYFUSE_FEED_FEED_DATE_H_
#define STORYFUSE_FEED_FEED_DATE_H_

#include <string>
#include <string_view>

namespace storyfuse {

class FeedDate {
 public:
  // "YYYY-MM-DDTHH:MM:SSZ" (UTC) when `text` is a date with a time and a
  // known zone; "YYYY-MM-DD" when it is a date without a time or without a
  // zone (no zone is guessed), or followed by text DateParser does not
  // read (an unknown zone name); empty when `text` is empty or not a date
  // DateParser reads whole. A feed's missing or unreadable date is not an
  // error: the item simply has none.
  static std::string ToUtc(std::string_view text);
};

}  // namespace storyfuse

#endif  // STORYFUSE_FEED_FEED_DATE_H_
