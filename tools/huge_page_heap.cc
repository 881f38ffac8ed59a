#include "tools/huge_page_heap.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

namespace storyfuse {
namespace {

constexpr size_t kHugePageBytes = size_t{2} << 20;  // x86-64 THP
// glibc's own dynamic mmap threshold stops at 32 MB on 64-bit systems.
constexpr int kMmapThresholdBytes = 32 << 20;
// Free memory at the heap's top beyond this goes back to the system; below
// it, it stays for the next allocations (and keeps its huge pages).
constexpr int kTrimThresholdBytes = static_cast<int>(2 * kReserveBytes);

uintptr_t AlignUp(uintptr_t p) { return (p + kHugePageBytes - 1) & ~(kHugePageBytes - 1); }
uintptr_t AlignDown(uintptr_t p) { return p & ~(kHugePageBytes - 1); }

}  // namespace

void ReserveHugePageHeap() {
  mallopt(M_MMAP_THRESHOLD, kMmapThresholdBytes);
  mallopt(M_TRIM_THRESHOLD, kTrimThresholdBytes);
  mallopt(M_TOP_PAD, static_cast<int>(kReserveBytes));
  auto before = reinterpret_cast<uintptr_t>(sbrk(0));
  // Larger than the heap's free top at start-up: malloc extends the heap
  // by this and the pad, in one piece. (volatile: the compiler may drop an
  // unused malloc and free pair.)
  void* volatile block = malloc(kHugePageBytes);
  free(block);
  auto after = reinterpret_cast<uintptr_t>(sbrk(0));
  // Back to glibc's default pad: growth past the reserve is as usual.
  mallopt(M_TOP_PAD, 128 << 10);
  uintptr_t begin = AlignUp(before), end = AlignDown(after);
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
}

}  // namespace storyfuse
