#include "worker/worker_metrics.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

TEST(WorkerMetrics, RendersCountsLagAndThroughputInPrometheusText) {
  WorkerMetrics m("extract");
  m.AddBatch(40, std::chrono::milliseconds(500));
  m.AddBatch(10, std::chrono::milliseconds(500));
  m.AddErrors(2);
  m.SetLag(7, 3);
  std::string text = m.Render();
  EXPECT_NE(text.find("# TYPE storyfuse_worker_processed_total counter\n"), std::string::npos) << text;
  EXPECT_NE(text.find("storyfuse_worker_processed_total{role=\"extract\"} 50\n"), std::string::npos) << text;
  EXPECT_NE(text.find("storyfuse_worker_errors_total{role=\"extract\"} 2\n"), std::string::npos) << text;
  EXPECT_NE(text.find("storyfuse_worker_batches_total{role=\"extract\"} 2\n"), std::string::npos) << text;
  EXPECT_NE(text.find("storyfuse_worker_queue_waiting{role=\"extract\"} 7\n"), std::string::npos) << text;
  EXPECT_NE(text.find("storyfuse_worker_queue_pending{role=\"extract\"} 3\n"), std::string::npos) << text;
  // 50 entries in one second of processing.
  EXPECT_NE(text.find("storyfuse_worker_throughput_per_busy_second{role=\"extract\"} 50\n"), std::string::npos) << text;
}

}  // namespace
}  // namespace storyfuse
