// RobotsTxt: a site's robots.txt (RFC 9309, the Robots Exclusion
// Protocol), read once per host and asked per URL.
//
// Reading (never an error: every line that is not understood is ignored,
// as RFC 9309 requires; an HTML page served as robots.txt yields no rules):
//   - lines end at LF or CR LF; '#' starts a comment; "key: value" with the
//     key case-insensitive; common misspellings Google also accepts
//     ("useragent", "dissallow", "crawldelay", "site-map") are read;
//   - a group is one or more User-agent lines followed by its rules; a
//     User-agent line after a rule starts the next group; rules before any
//     User-agent line belong to no group and are ignored;
//   - Allow and Disallow patterns: '*' matches any run of bytes, '$' at the
//     end anchors at the end of the path; a pattern not starting with '/'
//     or '*' gets a '/' in front; an empty Disallow is no rule;
//   - Crawl-delay (not in RFC 9309; Bing, Yandex and many news sites use
//     it): seconds, decimals allowed; negative or unreadable values ignored;
//   - Sitemap lines belong to no group and are kept wherever they appear.
// Only the first kMaxBytes are read (RFC 9309 2.5 asks crawlers to read at
// least 500 KiB); patterns longer than UrlCanonicalizer::kMaxUrlBytes are
// ignored (they cannot match a URL that long).
//
// Matching (RFC 9309 2.2.2): the groups whose User-agent product token
// equals the crawler's (case-insensitive; "storyfuse/0.1" is read as
// "storyfuse") are merged; when none, the "*" groups are; when none, all is
// allowed. Of the rules whose pattern matches the URL's path and query, the
// longest pattern wins, and Allow wins a tie. "/robots.txt" is always
// allowed. Paths and patterns are compared with percent escapes
// normalized (upper-case hex, unreserved characters decoded, other bytes
// outside printable ASCII escaped). Matching costs about the path's length
// times the pattern's number of '*'s per rule.
//
// Immutable after Parse; thread-safe for reads.
#ifndef STORYFUSE_FEED_ROBOTS_TXT_H_
#define STORYFUSE_FEED_ROBOTS_TXT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace storyfuse {

class RobotsTxt {
 public:
  static constexpr size_t kMaxBytes = 500 * 1024;

  static RobotsTxt Parse(std::string_view text);

  // True when the crawler `user_agent` (a product token or a whole
  // User-Agent value) may fetch `url` (an absolute URL, or a path with an
  // optional query).
  bool IsAllowed(std::string_view user_agent, std::string_view url) const;

  // The Crawl-delay of the groups that apply to `user_agent` (the first
  // one given), in seconds; nullopt when none is set.
  std::optional<double> CrawlDelay(std::string_view user_agent) const;

  // Sitemap URLs, in file order, as written (trimmed).
  const std::vector<std::string>& sitemaps() const { return sitemaps_; }

  // Number of groups read (for tests and diagnostics).
  size_t group_count() const { return groups_.size(); }

 private:
  struct Rule {
    bool allow = false;
    std::string pattern;  // normalized
  };
  struct Group {
    std::vector<std::string> agents;  // lower-case product tokens; "*" for all
    std::vector<Rule> rules;
    std::optional<double> crawl_delay;
  };

  // Indexes of the groups that apply to the product token `agent`.
  std::vector<size_t> GroupsFor(std::string_view user_agent) const;

  std::vector<Group> groups_;
  std::vector<std::string> sitemaps_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_FEED_ROBOTS_TXT_H_
