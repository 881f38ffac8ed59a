#include "server/prometheus_text.h"

#include <gtest/gtest.h>

#include <limits>

namespace storyfuse {
namespace {

TEST(PrometheusTextTest, WritesFamiliesAndSamples) {
  PrometheusText p;
  p.Family("storyfuse_http_requests_total", "counter", "Requests answered, by route.");
  p.Sample("storyfuse_http_requests_total", {{"route", "stories"}}, 3);
  p.Sample("storyfuse_http_requests_total", {{"route", "search"}}, 0);
  p.Family("storyfuse_uptime_seconds", "gauge", "Seconds since the server started.");
  p.Sample("storyfuse_uptime_seconds", {}, 12.5);
  EXPECT_EQ(p.text(),
            "# HELP storyfuse_http_requests_total Requests answered, by route.\n"
            "# TYPE storyfuse_http_requests_total counter\n"
            "storyfuse_http_requests_total{route=\"stories\"} 3\n"
            "storyfuse_http_requests_total{route=\"search\"} 0\n"
            "# HELP storyfuse_uptime_seconds Seconds since the server started.\n"
            "# TYPE storyfuse_uptime_seconds gauge\n"
            "storyfuse_uptime_seconds 12.5\n");
}

TEST(PrometheusTextTest, EscapesLabelValuesAndHelp) {
  struct Case {
    const char* value;
    const char* written;
  } cases[] = {
      {"plain", "plain"}, {"a\"b", "a\\\"b"}, {"back\\slash", "back\\\\slash"}, {"two\nlines", "two\\nlines"}, {"", ""},
  };
  for (const Case& c : cases) {
    PrometheusText p;
    p.Sample("m", {{"l", c.value}}, 1);
    EXPECT_EQ(p.text(), std::string("m{l=\"") + c.written + "\"} 1\n") << c.value;
  }
  PrometheusText h;
  h.Family("m", "gauge", "say \"x\"\\\nnext");
  EXPECT_EQ(h.text(), "# HELP m say \"x\"\\\\\\nnext\n# TYPE m gauge\n");
}

TEST(PrometheusTextTest, ValuesAsPrometheusSpellsThem) {
  struct Case {
    double value;
    const char* written;
  } cases[] = {
      {0, "0"},
      {42, "42"},
      {-3, "-3"},
      {0.25, "0.25"},
      {0.1, "0.1"},
      {1.0 / 3, "0.33333333333333331"},
      {1e15, "1000000000000000"},
      {std::numeric_limits<double>::quiet_NaN(), "NaN"},
      {std::numeric_limits<double>::infinity(), "+Inf"},
      {-std::numeric_limits<double>::infinity(), "-Inf"},
  };
  for (const Case& c : cases) {
    PrometheusText p;
    p.Sample("m", {}, c.value);
    EXPECT_EQ(p.text(), std::string("m ") + c.written + "\n");
  }
}

TEST(PrometheusTextTest, SeveralLabelsKeepTheirOrder) {
  PrometheusText p;
  p.Sample("d_seconds", {{"route", "story"}, {"quantile", "0.99"}}, 0.002);
  EXPECT_EQ(p.text(), "d_seconds{route=\"story\",quantile=\"0.99\"} 0.002\n");
}

}  // namespace
}  // namespace storyfuse
