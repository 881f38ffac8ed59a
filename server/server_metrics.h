// ServerMetrics: what GET /metrics reports: requests and latencies per
// route, response status classes, and the ingest rate.
//
// Thread-safe: every method may be called from any worker thread (one
// mutex; recording is a few increments).
#ifndef STORYFUSE_SERVER_SERVER_METRICS_H_
#define STORYFUSE_SERVER_SERVER_METRICS_H_

#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "server/latency_histogram.h"
#include "server/prometheus_text.h"

namespace storyfuse {

class ServerMetrics {
 public:
  ServerMetrics();

  // One answered request of `route` (a route name such as "stories").
  void RecordRequest(std::string_view route, int status, double seconds);
  // One ingest batch of `articles` documents that took `seconds`.
  void RecordIngest(size_t articles, double seconds);

  // {"uptime_seconds", "requests": {route: {count, errors, p50_ms, p90_ms,
  //  p99_ms, max_ms, mean_ms}}, "status": {"2xx": n, ...},
  //  "ingest": {batches, articles, articles_per_second (since start),
  //  articles_per_second_last_minute, busy_seconds}}
  nlohmann::json ToJson() const;

  // The same in the Prometheus text format, appended to `out`: counters
  // storyfuse_http_requests_total{route}, storyfuse_http_request_errors_total
  // {route}, storyfuse_http_responses_total{class}, storyfuse_ingest_
  // {batches,articles}_total, storyfuse_ingest_busy_seconds_total; a
  // summary storyfuse_http_request_duration_seconds{route,quantile} with
  // _sum and _count; gauges storyfuse_uptime_seconds and
  // storyfuse_ingest_articles_per_second (last minute).
  void WritePrometheus(PrometheusText* out) const;

 private:
  using Clock = std::chrono::steady_clock;
  struct RouteStats {
    LatencyHistogram latency;
    uint64_t errors = 0;
  };

  mutable std::mutex mu_;
  Clock::time_point start_;
  std::map<std::string, RouteStats, std::less<>> routes_;
  std::map<std::string, uint64_t> status_classes_;
  uint64_t ingest_batches_ = 0;
  uint64_t ingest_articles_ = 0;
  double ingest_seconds_ = 0;
  std::deque<std::pair<Clock::time_point, size_t>> recent_ingests_;  // last minute
};

}  // namespace storyfuse

#endif  // STORYFUSE_SERVER_SERVER_METRICS_H_
