// LatencyHistogram: request latencies in log-spaced buckets (10 µs to
// about 100 s, 10% apart), for percentiles without keeping samples.
// Not thread-safe; ServerMetrics guards it.
#ifndef STORYFUSE_SERVER_LATENCY_HISTOGRAM_H_
#define STORYFUSE_SERVER_LATENCY_HISTOGRAM_H_

#include <array>
#include <cstdint>

namespace storyfuse {

class LatencyHistogram {
 public:
  void Add(double seconds);
  // The upper bound of the bucket holding the q-quantile (0 < q <= 1), in
  // seconds, so within 10% above the true value; 0 when empty.
  double Quantile(double q) const;
  uint64_t count() const { return count_; }
  double sum() const { return sum_; }
  double max() const { return max_; }

 private:
  static constexpr int kBuckets = 170;
  std::array<uint64_t, kBuckets> buckets_{};
  uint64_t count_ = 0;
  double sum_ = 0;
  double max_ = 0;
};

}  // namespace storyfuse

#endif  // STORYFUSE_SERVER_LATENCY_HISTOGRAM_H_
