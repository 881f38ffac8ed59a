// WorkerMetrics: one worker's counters and gauges, rendered in the
// Prometheus text format for GET /metrics (issue #25: queue lag,
// throughput and errors).
//
// Thread-safe: the worker's loop updates, the metrics server's thread
// renders.
#ifndef STORYFUSE_WORKER_WORKER_METRICS_H_
#define STORYFUSE_WORKER_WORKER_METRICS_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>

namespace storyfuse {

class WorkerMetrics {
 public:
  explicit WorkerMetrics(std::string role);

  // One batch done: `items` processed in `busy` of work.
  void AddBatch(int64_t items, std::chrono::duration<double> busy);
  void AddErrors(int64_t n) { errors_ += n; }
  void AddRedelivered(int64_t n) { redelivered_ += n; }
  // Articles the assigner cleaned again with its outlet's boilerplate memory.
  void AddRecleaned(int64_t n) { recleaned_ += n; }
  // Entries waiting in the role's input stream (XLEN) and delivered but not
  // yet acknowledged (XPENDING), as of the last batch.
  void SetLag(int64_t waiting, int64_t pending);

  int64_t processed() const { return processed_; }
  int64_t errors() const { return errors_; }
  int64_t recleaned() const { return recleaned_; }

  // The Prometheus text exposition (version 0.0.4).
  std::string Render() const;

 private:
  const std::string role_;
  const std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::atomic<int64_t> processed_{0}, errors_{0}, redelivered_{0}, batches_{0}, recleaned_{0};
  std::atomic<int64_t> waiting_{0}, pending_{0};
  mutable std::mutex mu_;
  double busy_seconds_ = 0;  // guarded by mu_
};

}  // namespace storyfuse

#endif  // STORYFUSE_WORKER_WORKER_METRICS_H_
