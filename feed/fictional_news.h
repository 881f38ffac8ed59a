// FictionalNews: a deterministic world of invented news for the follower's
// tests and benchmark (issue #24): outlets (one per host), their feeds
// (RSS 2.0, Atom, JSON Feed, RSS 1.0 in turn), robots.txt, and article
// pages, each page reporting one of Options::stories invented events.
//
// Every story has its own place, organisation, two people, numbers, date
// and words (drawn from shared word lists by the story's own seed), so
// the pages of a story share their names, numbers and most of their words
// while two stories share few: a clusterer that works groups them into
// exactly Options::stories stories, in any order. Each outlet writes its
// own headline, picks and orders the facts its own way, and quotes in its
// own words; an outlet may publish a story more than once (a follow-up).
//
// Pages are numbered in publication order (Page::published grows with the
// index), so "the first n pages" is what the outlets have published so far:
// FeedBody(feed, origin, n) lists only those. Feeds overlap: each outlet's
// first feed ("top stories") repeats the newest items of its other feeds,
// some of them with a campaign parameter (?utm_source=...), so a follower
// that fetches each page once must key pages by their canonical URL. Links
// of every fifth feed are relative.
//
// The text is the project's own invention (no real outlet, person or
// event). Same Options, same bytes.
//
// Thread-safe after construction (const methods only).
#ifndef STORYFUSE_FEED_FICTIONAL_NEWS_H_
#define STORYFUSE_FEED_FICTIONAL_NEWS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace storyfuse {

class FictionalNews {
 public:
  struct Options {
    int hosts = 10;
    int feeds = 50;  // spread over the hosts, at least one each
    int pages = 5000;
    int stories = 300;
    uint64_t seed = 24;
  };

  enum class FeedKind { kRss2, kAtom, kJsonFeed, kRss1 };

  struct Page {
    int host = 0;
    int story = 0;
    std::string path;       // "/2031/03/04/korvinde-weir-1234"
    std::string title;      // as the page and its feed item give it
    std::string published;  // "2031-03-04T09:15:00Z"
    std::string author;
  };

  struct Feed {
    int host = 0;
    std::string path;  // "/feeds/top.xml"
    FeedKind kind = FeedKind::kRss2;
    std::vector<int> pages;  // page indexes, in publication order
  };

  explicit FictionalNews(Options options);

  const Options& options() const { return options_; }
  const std::vector<Page>& pages() const { return pages_; }
  const std::vector<Feed>& feeds() const { return feeds_; }

  std::string OutletName(int host) const;
  // The page's HTML; `origin` ("http://127.0.0.1:8080") makes its
  // rel="canonical" URL absolute.
  std::string PageHtml(int page, const std::string& origin) const;
  // The feed's document listing the items among the first `published`
  // pages (all when negative), newest first.
  std::string FeedBody(int feed, const std::string& origin, int published = -1) const;
  // The outlet's Google news sitemap (/news-sitemap.xml): its pages among
  // the first `published` (all when negative), newest first, with their
  // title and publication date.
  std::string NewsSitemap(int host, const std::string& origin, int published = -1) const;
  // The outlet's home page ("/"): it announces no feed (a site found by
  // robots.txt's Sitemap line and the common paths).
  std::string HomePage(int host) const;
  static constexpr const char* kNewsSitemapPath = "/news-sitemap.xml";
  // The Content-Type the feed is served with.
  static const char* ContentType(FeedKind kind);
  // Allows everything but /private/ to every crawler, names no delay, and
  // names the news sitemap.
  static std::string RobotsTxt();

 private:
  struct Story {
    std::string place, org, person1, person2, date;
    std::vector<std::string> nouns, verbs, adjectives;
    int n1 = 0, n2 = 0, n3 = 0;
  };

  Story MakeStory(int s) const;
  std::string Paragraphs(int page, int follow_up) const;

  Options options_;
  std::vector<Story> stories_;
  std::vector<Page> pages_;
  std::vector<int> follow_up_;  // how many earlier pages of its story the page's outlet published
  std::vector<Feed> feeds_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_FEED_FICTIONAL_NEWS_H_
