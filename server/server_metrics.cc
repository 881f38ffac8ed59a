#include "server/server_metrics.h"

#include <cmath>

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

}  // namespace storyfuse
