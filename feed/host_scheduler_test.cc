#include "feed/host_scheduler.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

const std::string kHost = "https://harbor-gazette.test";

HostScheduler::Options Fast() {
  HostScheduler::Options o;
  o.min_delay_s = 1.0;
  o.max_delay_s = 30.0;
  o.backoff_base_s = 2.0;
  o.max_backoff_s = 100.0;
  return o;
}

TEST(HostSchedulerTest, OneRequestAtATimeAndSpacedByTheDelay) {
  HostScheduler s(Fast());
  EXPECT_TRUE(s.TryStart(kHost, 10.0));
  EXPECT_FALSE(s.TryStart(kHost, 10.0)) << "busy";
  s.Finish(kHost, 10.2, 200, std::nullopt);
  EXPECT_FALSE(s.TryStart(kHost, 10.9)) << "under the 1 s delay since the last start";
  EXPECT_DOUBLE_EQ(s.ReadyAt(kHost), 11.0);
  EXPECT_TRUE(s.TryStart(kHost, 11.0));
  // Another host is not held up.
  EXPECT_TRUE(s.TryStart("https://valley-post.test", 10.95));
}

TEST(HostSchedulerTest, CrawlDelayRaisesTheDelayUpToTheCap) {
  HostScheduler s(Fast());
  s.SetCrawlDelay(kHost, 5.0);
  EXPECT_DOUBLE_EQ(s.Delay(kHost), 5.0);
  s.SetCrawlDelay(kHost, 0.2);
  EXPECT_DOUBLE_EQ(s.Delay(kHost), 1.0) << "never faster than the user's limit";
  s.SetCrawlDelay(kHost, 86400.0);
  EXPECT_DOUBLE_EQ(s.Delay(kHost), 30.0);
}

TEST(HostSchedulerTest, BackoffDoublesAndResetsOnSuccess) {
  HostScheduler s(Fast());
  struct Step {
    int status;
    double expect_ready;  // after a request started at t and finished at t
  };
  // Each request starts once the host is ready and finishes at once.
  double t = 0;
  const Step steps[] = {{503, 2.0}, {500, 4.0}, {429, 8.0}, {200, 1.0}, {502, 2.0}};
  for (const Step& step : steps) {
    ASSERT_TRUE(s.TryStart(kHost, t)) << t;
    s.Finish(kHost, t, step.status, std::nullopt);
    EXPECT_DOUBLE_EQ(s.ReadyAt(kHost) - t, step.expect_ready) << "status " << step.status;
    t = s.ReadyAt(kHost);
  }
}

TEST(HostSchedulerTest, RetryAfterWinsAndIsCapped) {
  HostScheduler s(Fast());
  ASSERT_TRUE(s.TryStart(kHost, 0));
  s.Finish(kHost, 0, 429, 42.0);
  EXPECT_DOUBLE_EQ(s.ReadyAt(kHost), 42.0);
  ASSERT_TRUE(s.TryStart(kHost, 42.0));
  s.Finish(kHost, 42.0, 503, 1e9);
  EXPECT_DOUBLE_EQ(s.ReadyAt(kHost), 142.0);
  EXPECT_EQ(s.ConsecutiveFailures(kHost), 2);
}

TEST(HostSchedulerTest, ParsesRetryAfter) {
  const double now = 1796378400;  // 2026-12-04T10:00:00Z
  struct Case {
    const char* value;
    std::optional<double> want;
  } cases[] = {
      {"120", 120.0},
      {" 0 ", 0.0},
      {"Fri, 04 Dec 2026 10:01:30 GMT", 90.0},
      {"Fri, 04 Dec 2026 09:00:00 GMT", 0.0},
      {"", std::nullopt},
      {"soon", std::nullopt},
      {"-5", std::nullopt},
      {"99999999999999", std::nullopt},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(HostScheduler::ParseRetryAfter(c.value, now), c.want) << c.value;
  }
}

TEST(HostSchedulerTest, HostKeys) {
  EXPECT_EQ(HostScheduler::HostKey("HTTPS://Harbor-Gazette.test/a?b"), "https://harbor-gazette.test");
  EXPECT_EQ(HostScheduler::HostKey("http://127.0.0.1:8080"), "http://127.0.0.1:8080");
  EXPECT_EQ(HostScheduler::HostKey("/relative"), "");
  EXPECT_EQ(HostScheduler::HostKey("http:///x"), "");
}

}  // namespace
}  // namespace storyfuse
