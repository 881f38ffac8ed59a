#include "tests/hostile/cpu_growth.h"

#include <time.h>

#include <algorithm>
#include <cstdio>

namespace storyfuse {
namespace {

double ThreadCpu() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// Below this the timer and cache noise dominate: a stage this fast at 4N
// is not what the bar is about.
constexpr double kFloorSeconds = 0.002;

}  // namespace

double CpuSeconds(const std::function<void()>& fn, int reps) {
  double best = 1e30;
  for (int i = 0; i < reps; ++i) {
    double start = ThreadCpu();
    fn();
    best = std::min(best, ThreadCpu() - start);
  }
  return std::max(best, kFloorSeconds);
}

std::string Growth::ToString() const {
  char buf[96];
  std::snprintf(buf, sizeof buf, "%.1f ms at N, %.1f ms at 4N: x%.2f", small * 1e3, large * 1e3, ratio());
  return buf;
}

Growth MeasureGrowth(const std::function<std::function<void()>(size_t)>& prepare, size_t n) {
  Growth g;
  g.small = CpuSeconds(prepare(n));
  g.large = CpuSeconds(prepare(4 * n));
  return g;
}

}  // namespace storyfuse
