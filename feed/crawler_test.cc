#include "feed/crawler.h"

#include <gtest/gtest.h>

#include <atomic>

#include "feed/local_test_server.h"

namespace storyfuse {
namespace {

Crawler::Options FastOptions(double delay_s) {
  Crawler::Options o;
  o.fetch.total_timeout = std::chrono::milliseconds(2000);
  o.schedule.min_delay_s = delay_s;
  o.schedule.backoff_base_s = 0.05;
  o.threads = 4;
  return o;
}

void ServePages(LocalTestServer& s, const std::string& robots) {
  s.server().Get("/robots.txt", [robots](const httplib::Request&, httplib::Response& res) {
    if (robots == "500") {
      res.status = 500;
      return;
    }
    res.set_content(robots, "text/plain");
  });
  s.server().Get(R"(/(news|private)/(\d+))", [](const httplib::Request& req, httplib::Response& res) {
    res.set_content("<html><body><p>Page " + std::string(req.matches[2]) + "</p></body></html>", "text/html");
  });
}

std::vector<CrawlJob> Jobs(const LocalTestServer& s, const std::string& dir, int n, size_t first_tag) {
  std::vector<CrawlJob> jobs;
  for (int i = 0; i < n; ++i) jobs.push_back({{s.Url("/" + dir + "/" + std::to_string(i)), "", ""}, first_tag + i});
  return jobs;
}

TEST(CrawlerTest, HostsInParallelEachAtItsRateAndRobotsObeyed) {
  LocalTestServer a, b;
  ServePages(a, "User-agent: *\nDisallow: /private/\n");
  ServePages(b, "User-agent: storyfuse\nCrawl-delay: 0.3\n\nUser-agent: *\nDisallow: /\n");
  ASSERT_TRUE(a.Start() && b.Start());
  Crawler crawler(FastOptions(0.1));
  std::vector<CrawlJob> jobs = Jobs(a, "news", 4, 0);
  for (CrawlJob& j : Jobs(a, "private", 1, 10)) jobs.push_back(j);
  for (CrawlJob& j : Jobs(b, "news", 3, 20)) jobs.push_back(j);
  std::map<size_t, std::string> got;
  crawler.Run(jobs, [&](const CrawlJob& job, Result<FetchResponse> r) {
    got[job.tag] = r.ok() ? std::to_string(r->status) : r.status().message();
  });
  ASSERT_EQ(got.size(), 8u);
  for (size_t tag : {0, 1, 2, 3, 20, 21, 22}) EXPECT_EQ(got[tag], "200") << tag;
  EXPECT_EQ(got[10], a.Url("/private/0") + ": disallowed by robots.txt");

  std::string host_a = HostScheduler::HostKey(a.Url("/")), host_b = HostScheduler::HostKey(b.Url("/"));
  std::map<std::string, std::vector<double>> starts = crawler.RequestStarts();
  ASSERT_EQ(starts[host_a].size(), 5u) << "robots.txt and four pages";
  ASSERT_EQ(starts[host_b].size(), 4u);
  for (size_t i = 1; i < starts[host_a].size(); ++i) EXPECT_GE(starts[host_a][i] - starts[host_a][i - 1], 0.099);
  // Host b's Crawl-delay for storyfuse (0.3 s) applies after its robots.txt.
  for (size_t i = 2; i < starts[host_b].size(); ++i) EXPECT_GE(starts[host_b][i] - starts[host_b][i - 1], 0.299);
  // In parallel: host b's pages do not wait for host a's.
  EXPECT_LT(starts[host_b].front(), starts[host_a].back());
}

TEST(CrawlerTest, RetriesAfterRetryAfterAndDefersHostsThatAskForLongPauses) {
  LocalTestServer flaky_host, closed_host;
  std::atomic<int> calls{0};
  for (LocalTestServer* s : {&flaky_host, &closed_host}) {
    s->server().Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) { res.status = 404; });
  }
  flaky_host.server().Get("/flaky", [&calls](const httplib::Request&, httplib::Response& res) {
    if (calls++ == 0) {
      res.status = 503;
      res.set_header("Retry-After", "1");
      return;
    }
    res.set_content("fine", "text/plain");
  });
  closed_host.server().Get(R"(/closed/\d)", [](const httplib::Request&, httplib::Response& res) {
    res.status = 429;
    res.set_header("Retry-After", "3600");
  });
  ASSERT_TRUE(flaky_host.Start() && closed_host.Start());
  Crawler crawler(FastOptions(0.01));
  std::map<size_t, std::string> got;
  crawler.Run({{{flaky_host.Url("/flaky"), "", ""}, 1},
               {{closed_host.Url("/closed/1"), "", ""}, 2},
               {{closed_host.Url("/closed/2"), "", ""}, 3}},
              [&](const CrawlJob& job, Result<FetchResponse> r) {
                got[job.tag] = r.ok() ? std::to_string(r->status) : r.status().message();
              });
  EXPECT_EQ(got[1], "200");
  EXPECT_EQ(calls.load(), 2);
  EXPECT_EQ(got[2], "429") << "an hour's wait is reported, not waited";
  EXPECT_EQ(got[3], closed_host.Url("/closed/2") + ": not fetched, its host asked crawlers to pause");
  std::vector<double> starts = crawler.RequestStarts()[HostScheduler::HostKey(flaky_host.Url("/"))];
  ASSERT_EQ(starts.size(), 3u) << "robots.txt, the 503, the retry";
  EXPECT_GE(starts[2] - starts[1], 0.99) << "the retry waited out Retry-After: 1";
}

TEST(CrawlerTest, UnreachableRobotsTxtDisallowsTheHost) {
  LocalTestServer s;
  ServePages(s, "500");
  ASSERT_TRUE(s.Start());
  Crawler crawler(FastOptions(0.01));
  std::vector<std::string> errors;
  crawler.Run(Jobs(s, "news", 2, 0), [&](const CrawlJob&, Result<FetchResponse> r) {
    ASSERT_FALSE(r.ok());
    errors.push_back(r.status().message());
  });
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_NE(errors[0].find("robots.txt unreachable"), std::string::npos) << errors[0];
  EXPECT_EQ(crawler.RequestsPerHost().begin()->second, 1u) << "only robots.txt was asked";
}

}  // namespace
}  // namespace storyfuse
