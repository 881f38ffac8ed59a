// bench_feed: CPU cost of the feed stage's parsers on generated feeds of
// invented items (issue #24): how many feeds, sitemaps and robots.txt
// checks one core handles, to size the follower's polling.
//
// usage: bench_feed [ROUNDS]   (default 20)
// Prints, per parser, inputs parsed, input MB, CPU seconds (this thread),
// MB per CPU second and items per CPU second, then the peak RSS.
#include <sys/resource.h>
#include <time.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "feed/feed_parser.h"
#include "feed/robots_txt.h"
#include "feed/sitemap_parser.h"

namespace {

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

// An RSS 2.0 feed of `n` items, each with an HTML description of about
// 600 bytes, like a news outlet's full feed.
std::string MakeRss(int n) {
  std::string rss =
      "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
      "<channel><title>The Harbour Gazette</title><link>https://harbourgazette.test/</link>";
  for (int i = 0; i < n; ++i) {
    std::string id = std::to_string(i);
    rss += "<item><title>Ferry &amp;amp; quay report number " + id + "</title><link>/2026/03/story-" + id +
           ".html?utm_source=rss</link><guid isPermaLink=\"false\">hg-" + id +
           "</guid><pubDate>Sat, 14 Mar 2026 09:05:00 -0500</pubDate><dc:creator>Ana Varga</dc:creator>"
           "<description><![CDATA[<p>The harbour master said the <b>ferry</b> would resume sailing on "
           "Monday after inspectors finished their work on the damaged quay.</p><p>Passengers were told "
           "to expect delays of up to two hours while the temporary pontoon is in use, and the council "
           "said it would publish a timetable for the repairs later in the week.</p><p>Fishing boats "
           "have been moved to the northern basin until the work is complete.</p>]]></description></item>";
  }
  return rss + "</channel></rss>";
}

std::string MakeSitemap(int n) {
  std::string xml =
      "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
      "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">";
  for (int i = 0; i < n; ++i) {
    xml += "<url><loc>https://harbourgazette.test/2026/03/story-" + std::to_string(i) +
           ".html</loc><news:news><news:publication><news:name>The Harbour Gazette</news:name>"
           "<news:language>en</news:language></news:publication><news:publication_date>2026-03-14T09:05:00Z"
           "</news:publication_date><news:title>Ferry report</news:title></news:news></url>";
  }
  return xml + "</urlset>";
}

void Report(const char* what, int inputs, double mb, double cpu, double items) {
  std::printf("%-8s inputs %d input_MB %.1f cpu_s %.3f MB_per_cpu_s %.1f items_per_cpu_s %.0f\n", what, inputs, mb, cpu,
              mb / cpu, items / cpu);
}

}  // namespace

int main(int argc, char** argv) {
  int rounds = argc > 1 ? std::atoi(argv[1]) : 20;
  if (rounds <= 0) {
    std::fprintf(stderr, "usage: bench_feed [ROUNDS]\n");
    return 2;
  }
  std::string rss = MakeRss(500);
  double start = ThreadCpuSeconds();
  size_t items = 0;
  for (int r = 0; r < rounds; ++r) {
    auto feed = storyfuse::FeedParser::Parse(rss, "https://harbourgazette.test/rss.xml");
    if (!feed.ok()) return 1;
    items += feed->items.size();
  }
  Report("rss", rounds, rounds * rss.size() / 1e6, ThreadCpuSeconds() - start, static_cast<double>(items));

  std::string sitemap = MakeSitemap(50000);
  start = ThreadCpuSeconds();
  size_t entries = 0;
  int sitemap_rounds = rounds / 10 + 1;
  for (int r = 0; r < sitemap_rounds; ++r) {
    auto map = storyfuse::SitemapParser::Parse(sitemap, "https://harbourgazette.test/sitemap-news.xml");
    if (!map.ok()) return 1;
    entries += map->entries.size();
  }
  Report("sitemap", sitemap_rounds, sitemap_rounds * sitemap.size() / 1e6, ThreadCpuSeconds() - start,
         static_cast<double>(entries));

  std::string robots = "User-agent: *\n";
  for (int i = 0; i < 200; ++i) robots += "Disallow: /section-" + std::to_string(i) + "/*/print$\n";
  robots += "Allow: /2026/\nCrawl-delay: 1\n";
  storyfuse::RobotsTxt parsed = storyfuse::RobotsTxt::Parse(robots);
  start = ThreadCpuSeconds();
  size_t allowed = 0;
  int checks = rounds * 5000;
  for (int i = 0; i < checks; ++i) {
    allowed += parsed.IsAllowed("storyfuse", "/2026/03/14/story-" + std::to_string(i) + ".html?page=2");
  }
  Report("robots", checks, 0, ThreadCpuSeconds() - start, static_cast<double>(checks));
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("allowed %zu peak_rss_MB %.1f\n", allowed, ru.ru_maxrss / 1024.0);
  return 0;
}
