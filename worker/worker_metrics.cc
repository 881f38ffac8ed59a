#include "worker/worker_metrics.h"

#include <cstdio>

namespace storyfuse {

WorkerMetrics::WorkerMetrics(std::string role) : role_(std::move(role)) {}

void WorkerMetrics::AddBatch(int64_t items, std::chrono::duration<double> busy) {
  processed_ += items;
  ++batches_;
  std::lock_guard<std::mutex> lock(mu_);
  busy_seconds_ += busy.count();
}

void WorkerMetrics::SetLag(int64_t waiting, int64_t pending) {
  waiting_ = waiting;
  pending_ = pending;
}

std::string WorkerMetrics::Render() const {
  double busy;
  {
    std::lock_guard<std::mutex> lock(mu_);
    busy = busy_seconds_;
  }
  double up = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  std::string out;
  auto metric = [&](const char* name, const char* type, const char* help, double value) {
    char line[256];
    std::snprintf(line, sizeof line, "# HELP %s %s\n# TYPE %s %s\n%s{role=\"%s\"} %.17g\n", name, help, name, type,
                  name, role_.c_str(), value);
    out += line;
  };
  metric("storyfuse_worker_processed_total", "counter", "Entries processed (acknowledged).",
         static_cast<double>(processed_));
  metric("storyfuse_worker_errors_total", "counter", "Entries that failed (left pending or skipped).",
         static_cast<double>(errors_));
  metric("storyfuse_worker_redelivered_total", "counter", "Entries taken over from a dead consumer.",
         static_cast<double>(redelivered_));
  metric("storyfuse_worker_recleaned_total", "counter",
         "Articles cleaned again in input order with their outlet's boilerplate memory (assign).",
         static_cast<double>(recleaned_));
  metric("storyfuse_worker_batches_total", "counter", "Batches processed.", static_cast<double>(batches_));
  metric("storyfuse_worker_busy_seconds_total", "counter", "Wall time spent processing batches.", busy);
  metric("storyfuse_worker_uptime_seconds", "gauge", "Seconds since the worker started.", up);
  metric("storyfuse_worker_throughput_per_busy_second", "gauge", "Entries processed per second of processing.",
         busy > 0 ? static_cast<double>(processed_) / busy : 0);
  metric("storyfuse_worker_queue_waiting", "gauge", "Entries in the input stream (XLEN) after the last batch.",
         static_cast<double>(waiting_));
  metric("storyfuse_worker_queue_pending", "gauge", "Entries delivered to the group but not acknowledged.",
         static_cast<double>(pending_));
  return out;
}

}  // namespace storyfuse
