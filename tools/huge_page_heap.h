// ReserveHugePageHeap: backs the start of the heap with transparent huge
// pages where the kernel gives them on request (THP "madvise" mode, the
// Debian default).
//
// Why: a batch command (cluster, brief, eval cluster on a JSONL file)
// touches 15-40 MB of fresh heap, one 4 KB page fault at a time: about
// 4,000 faults and 0.03 s of system CPU per dev file, a sixth of the whole
// process (issue 21's end-to-end speed). With 2 MB pages that is a few
// dozen faults and fewer TLB misses.
//
// How: malloc (glibc) grows the heap once by kReserveBytes, which is
// marked MADV_HUGEPAGE; blocks up to 32 MB come from the heap rather than
// from mmap, and the heap is not trimmed below the reserve, so later
// allocations reuse those pages. Memory is only committed as it is
// touched (in 2 MB steps). A kernel without THP ignores the advice.
//
// Call once, first thing in main(), before any thread starts.
#ifndef STORYFUSE_TOOLS_HUGE_PAGE_HEAP_H_
#define STORYFUSE_TOOLS_HUGE_PAGE_HEAP_H_

#include <cstddef>

namespace storyfuse {

constexpr size_t kReserveBytes = size_t{64} << 20;

void ReserveHugePageHeap();

}  // namespace storyfuse

#endif  // STORYFUSE_TOOLS_HUGE_PAGE_HEAP_H_
