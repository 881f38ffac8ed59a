#include "server/latency_histogram.h"

#include <algorithm>
#include <cmath>

namespace storyfuse {
namespace {

constexpr double kFirstBound = 1e-5;  // 10 µs
constexpr double kGrowth = 1.1;

double UpperBound(int bucket) { return kFirstBound * std::pow(kGrowth, bucket); }

}  // namespace

void LatencyHistogram::Add(double seconds) {
  seconds = std::max(seconds, 0.0);
  int bucket = 0;
  if (seconds > kFirstBound) {
    bucket = static_cast<int>(std::ceil(std::log(seconds / kFirstBound) / std::log(kGrowth)));
  }
  ++buckets_[std::min(bucket, kBuckets - 1)];
  ++count_;
  sum_ += seconds;
  max_ = std::max(max_, seconds);
}

double LatencyHistogram::Quantile(double q) const {
  if (count_ == 0) return 0;
  // The rank of the q-quantile, 1-based: the smallest sample count >= q*n.
  uint64_t rank = std::max<uint64_t>(1, static_cast<uint64_t>(std::ceil(q * count_)));
  uint64_t seen = 0;
  for (int i = 0; i < kBuckets; ++i) {
    seen += buckets_[i];
    if (seen >= rank) return std::min(UpperBound(i), max_);
  }
  return max_;
}

}  // namespace storyfuse
