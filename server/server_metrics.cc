#include "server/server_metrics.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace storyfuse {
namespace {

constexpr auto kRateWindow = std::chrono::seconds(60);

double Ms(double seconds) { return std::round(seconds * 1e5) / 100.0; }  // 2 decimals

}  // namespace

ServerMetrics::ServerMetrics() : start_(Clock::now()) {}

void ServerMetrics::RecordRequest(std::string_view route, int status, double seconds) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = routes_.find(route);
  if (it == routes_.end()) it = routes_.emplace(std::string(route), RouteStats{}).first;
  it->second.latency.Add(seconds);
  if (status >= 400) ++it->second.errors;
  ++status_classes_[std::to_string(status / 100) + "xx"];
}

void ServerMetrics::RecordIngest(size_t articles, double seconds) {
  std::lock_guard<std::mutex> lock(mu_);
  ++ingest_batches_;
  ingest_articles_ += articles;
  ingest_seconds_ += seconds;
  Clock::time_point now = Clock::now();
  recent_ingests_.emplace_back(now, articles);
  while (!recent_ingests_.empty() && now - recent_ingests_.front().first > kRateWindow) {
    recent_ingests_.pop_front();
  }
}

nlohmann::json ServerMetrics::ToJson() const {
  std::lock_guard<std::mutex> lock(mu_);
  Clock::time_point now = Clock::now();
  double uptime = std::chrono::duration<double>(now - start_).count();
  nlohmann::json requests = nlohmann::json::object();
  for (const auto& [route, s] : routes_) {
    const LatencyHistogram& h = s.latency;
    requests[route] = {{"count", h.count()},
                       {"errors", s.errors},
                       {"mean_ms", Ms(h.count() ? h.sum() / h.count() : 0)},
                       {"p50_ms", Ms(h.Quantile(0.5))},
                       {"p90_ms", Ms(h.Quantile(0.9))},
                       {"p99_ms", Ms(h.Quantile(0.99))},
                       {"max_ms", Ms(h.max())}};
  }
  size_t last_minute = 0;
  for (const auto& [when, n] : recent_ingests_) {
    if (now - when <= kRateWindow) last_minute += n;
  }
  double window = std::min(uptime, 60.0);
  nlohmann::json ingest = {
      {"batches", ingest_batches_},
      {"articles", ingest_articles_},
      {"busy_seconds", std::round(ingest_seconds_ * 1000) / 1000},
      {"articles_per_second", uptime > 0 ? std::round(ingest_articles_ / uptime * 100) / 100 : 0.0},
      {"articles_per_second_last_minute", window > 0 ? std::round(last_minute / window * 100) / 100 : 0.0}};
  return {{"uptime_seconds", std::round(uptime * 1000) / 1000},
          {"requests", requests},
          {"status", status_classes_},
          {"ingest", ingest}};
}

void ServerMetrics::WritePrometheus(PrometheusText* out) const {
  std::lock_guard<std::mutex> lock(mu_);
  Clock::time_point now = Clock::now();
  double uptime = std::chrono::duration<double>(now - start_).count();
  out->Family("storyfuse_uptime_seconds", "gauge", "Seconds since the server started.");
  out->Sample("storyfuse_uptime_seconds", {}, uptime);
  out->Family("storyfuse_http_requests_total", "counter", "Requests answered, by route.");
  for (const auto& [route, s] : routes_) {
    out->Sample("storyfuse_http_requests_total", {{"route", route}}, static_cast<double>(s.latency.count()));
  }
  out->Family("storyfuse_http_request_errors_total", "counter",
              "Requests answered with a 4xx or 5xx status, by route.");
  for (const auto& [route, s] : routes_) {
    out->Sample("storyfuse_http_request_errors_total", {{"route", route}}, static_cast<double>(s.errors));
  }
  out->Family("storyfuse_http_request_duration_seconds", "summary",
              "Time to answer a request, by route (quantiles within 10% above the true value).");
  for (const auto& [route, s] : routes_) {
    for (const char* q : {"0.5", "0.9", "0.99"}) {
      out->Sample("storyfuse_http_request_duration_seconds", {{"route", route}, {"quantile", q}},
                  s.latency.Quantile(std::strtod(q, nullptr)));
    }
    out->Sample("storyfuse_http_request_duration_seconds_sum", {{"route", route}}, s.latency.sum());
    out->Sample("storyfuse_http_request_duration_seconds_count", {{"route", route}},
                static_cast<double>(s.latency.count()));
  }
  out->Family("storyfuse_http_responses_total", "counter", "Responses by status class.");
  for (const auto& [cls, n] : status_classes_) {
    out->Sample("storyfuse_http_responses_total", {{"class", cls}}, static_cast<double>(n));
  }
  out->Family("storyfuse_ingest_batches_total", "counter", "Ingest requests stored.");
  out->Sample("storyfuse_ingest_batches_total", {}, static_cast<double>(ingest_batches_));
  out->Family("storyfuse_ingest_articles_total", "counter", "Articles ingested.");
  out->Sample("storyfuse_ingest_articles_total", {}, static_cast<double>(ingest_articles_));
  out->Family("storyfuse_ingest_busy_seconds_total", "counter", "Seconds spent ingesting.");
  out->Sample("storyfuse_ingest_busy_seconds_total", {}, ingest_seconds_);
  size_t last_minute = 0;
  for (const auto& [when, n] : recent_ingests_) {
    if (now - when <= kRateWindow) last_minute += n;
  }
  double window = std::min(uptime, 60.0);
  out->Family("storyfuse_ingest_articles_per_second", "gauge", "Articles ingested per second over the last minute.");
  out->Sample("storyfuse_ingest_articles_per_second", {}, window > 0 ? last_minute / window : 0.0);
}

}  // namespace storyfuse
