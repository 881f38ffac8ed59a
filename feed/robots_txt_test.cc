#include "feed/robots_txt.h"

#include <gtest/gtest.h>

#include <string>

namespace storyfuse {
namespace {

constexpr char kRobots[] =
    "\xEF\xBB\xBF# robots.txt of the fictional Harbour Gazette\r\n"
    "User-agent: *\r\n"
    "Disallow: /search\r\n"
    "Disallow: /*.pdf$\r\n"
    "Disallow: /private/\r\n"
    "Allow: /private/press-releases/\r\n"
    "Crawl-delay: 2.5\r\n"
    "\r\n"
    "User-agent: StoryFuse\r\n"
    "User-agent: otherbot\r\n"
    "Disallow: /archive/\r\n"
    "Allow: /archive/2026/\r\n"
    "Disallow: /*?print=*\r\n"
    "Allow: /page\r\n"
    "Disallow: /page\r\n"
    "Crawl-delay: 4\r\n"
    "Sitemap: https://harbourgazette.test/sitemap-news.xml\r\n"
    "\r\n"
    "User-agent: storyfuse   # a second group for the same agent merges\r\n"
    "Dissallow: /drafts\r\n"
    "Disallow:\r\n"
    "\r\n"
    "User-agent: greedybot\r\n"
    "Disallow: /\r\n"
    "Sitemap: https://harbourgazette.test/sitemap-index.xml\r\n"
    "this line means nothing\r\n";

struct AllowCase {
  const char* agent;
  const char* url;
  bool allowed;
};

const AllowCase kCases[] = {
    // The "*" group, for agents without a group of their own.
    {"anybot", "/", true},
    {"anybot", "/search?q=ferry", false},
    {"anybot", "/searching", false},  // a prefix match
    {"anybot", "/reports/budget.pdf", false},
    {"anybot", "/reports/budget.pdf?download=1", true},  // '$' anchors at the end
    {"anybot", "/private/notes", false},
    {"anybot", "/private/press-releases/1.html", true},  // the longer Allow wins
    {"anybot", "https://harbourgazette.test/private/", false},
    {"anybot", "https://harbourgazette.test", true},
    {"anybot", "/robots.txt", true},
    // StoryFuse's merged groups; "*" rules do not apply to it.
    {"storyfuse", "/search?q=ferry", true},
    {"StoryFuse/0.1 (+https://example.test/contact)", "/archive/2025/a.html", false},
    {"storyfuse", "/archive/2026/a.html", true},
    {"storyfuse", "/2026/03/ferry.html?print=1", false},
    {"storyfuse", "/2026/03/ferry.html?print=yes&page=2", false},
    {"storyfuse", "/2026/03/ferry.html?page=2&print=yes", true},  // "?print=" is not there
    {"storyfuse", "/2026/03/ferry.html?printer=1", true},
    {"storyfuse", "/page", true},       // Allow wins a tie
    {"storyfuse", "/drafts/x", false},  // from the second group, misspelled key
    {"otherbot", "/archive/2025/", false},
    {"greedybot", "/anything", false},
    {"greedybot", "/robots.txt", true},
    // Percent escapes compare in one spelling.
    {"anybot", "/%70rivate/notes", false},
    {"anybot", "/priv%61te/notes", false},
};

TEST(RobotsTxtTest, LongestMatchWithWildcards) {
  RobotsTxt robots = RobotsTxt::Parse(kRobots);
  EXPECT_EQ(robots.group_count(), 4u);
  for (const AllowCase& c : kCases) {
    EXPECT_EQ(robots.IsAllowed(c.agent, c.url), c.allowed) << c.agent << " " << c.url;
  }
}

TEST(RobotsTxtTest, CrawlDelayAndSitemaps) {
  RobotsTxt robots = RobotsTxt::Parse(kRobots);
  EXPECT_EQ(robots.CrawlDelay("anybot"), 2.5);
  EXPECT_EQ(robots.CrawlDelay("storyfuse"), 4.0);
  EXPECT_EQ(robots.CrawlDelay("greedybot"), std::nullopt);
  ASSERT_EQ(robots.sitemaps().size(), 2u);
  EXPECT_EQ(robots.sitemaps()[0], "https://harbourgazette.test/sitemap-news.xml");
  EXPECT_EQ(robots.sitemaps()[1], "https://harbourgazette.test/sitemap-index.xml");
}

TEST(RobotsTxtTest, NothingUnderstoodAllowsAll) {
  for (const char* text :
       {"", "<!DOCTYPE html><html><body>Not found</body></html>",
        "Disallow: /\n",  // before any User-agent: no group
        "User-agent: otherbot\nDisallow: /\n", "User-agent: *\nCrawl-delay: -3\nCrawl-delay: soon\n"}) {
    RobotsTxt robots = RobotsTxt::Parse(text);
    EXPECT_TRUE(robots.IsAllowed("storyfuse", "/a")) << text;
    EXPECT_EQ(robots.CrawlDelay("storyfuse"), std::nullopt) << text;
  }
}

TEST(RobotsTxtTest, RelativePatternsAndEmptyRules) {
  RobotsTxt robots = RobotsTxt::Parse("User-agent: *\nDisallow: tmp\nAllow:\n");
  EXPECT_FALSE(robots.IsAllowed("x", "/tmp/a"));
  EXPECT_TRUE(robots.IsAllowed("x", "/a"));
}

TEST(RobotsTxtTest, OnlyTheFirst500KiBAreRead) {
  std::string text = "User-agent: *\n";
  while (text.size() < RobotsTxt::kMaxBytes) text += "Allow: /filler\n";
  text += "Disallow: /late\n";
  EXPECT_TRUE(RobotsTxt::Parse(text).IsAllowed("x", "/late"));
}

TEST(RobotsTxtTest, ManyWildcardsStayCheap) {
  // Leftmost matching of each literal run: no backtracking blow-up.
  std::string pattern = "/";
  for (int i = 0; i < 2000; ++i) pattern += "*a";
  RobotsTxt robots = RobotsTxt::Parse("User-agent: *\nDisallow: " + pattern + "b$\n");
  std::string path = "/" + std::string(8000, 'a');
  EXPECT_TRUE(robots.IsAllowed("x", path));
  EXPECT_FALSE(robots.IsAllowed("x", path + "b"));
}

}  // namespace
}  // namespace storyfuse
