// CpuGrowth: how a stage's cost grows with its input, measured in CPU time
// of the calling thread (the machine is shared: wall time says more about
// the neighbours than about the code).
#ifndef STORYFUSE_TESTS_HOSTILE_CPU_GROWTH_H_
#define STORYFUSE_TESTS_HOSTILE_CPU_GROWTH_H_

#include <cstddef>
#include <functional>
#include <string>

namespace storyfuse {

// Issue #22's bar: from N to 4N, CPU time grows at most 6 times (n log n
// gives about 4.4; n^2 gives 16).
inline constexpr double kMaxGrowth = 6.0;

// CPU seconds of the calling thread for fn(), the least of `reps` runs.
double CpuSeconds(const std::function<void()>& fn, int reps = 3);

struct Growth {
  double small = 0;  // CPU seconds at N
  double large = 0;  // at 4N
  double ratio() const { return large / small; }
  std::string ToString() const;
};

// prepare(n) builds the stage's input of size n (not timed: building
// multi-megabyte strings costs page faults that are no part of the stage)
// and returns the call to time. Measures it at n and 4n, 3 runs in a row
// each, keeping each size's fastest; a ratio above kMaxGrowth is measured
// again, up to 3 attempts, and the smallest ratio is returned.
// `n` should make the call take 10-50 ms: below that the clock's noise
// dominates.
Growth MeasureGrowth(const std::function<std::function<void()>(size_t)>& prepare, size_t n);

}  // namespace storyfuse

#endif  // STORYFUSE_TESTS_HOSTILE_CPU_GROWTH_H_
