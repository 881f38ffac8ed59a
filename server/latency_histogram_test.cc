#include "server/latency_histogram.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

TEST(LatencyHistogramTest, QuantilesWithinTenPercent) {
  LatencyHistogram h;
  EXPECT_EQ(h.Quantile(0.99), 0);
  for (int i = 1; i <= 1000; ++i) h.Add(i * 1e-4);  // 0.1 ms .. 100 ms
  EXPECT_EQ(h.count(), 1000u);
  EXPECT_NEAR(h.Quantile(0.5), 0.050, 0.0051);
  EXPECT_NEAR(h.Quantile(0.99), 0.099, 0.0100);
  EXPECT_GE(h.Quantile(0.99), 0.099);
  EXPECT_DOUBLE_EQ(h.Quantile(1.0), 0.1);
  EXPECT_DOUBLE_EQ(h.max(), 0.1);
}

}  // namespace
}  // namespace storyfuse
