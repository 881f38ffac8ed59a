// UnionFind: disjoint sets over dense ids 0..n-1 with path halving.
// Deterministic: Union keeps the smaller root id as the representative, so
// the oldest id survives a merge (the oldest story's, in cluster/; the
// first-seen name's, in analyze/entity_linker).
// Not thread-safe.
#ifndef STORYFUSE_BASE_UNION_FIND_H_
#define STORYFUSE_BASE_UNION_FIND_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace storyfuse {

class UnionFind {
 public:
  UnionFind() = default;
  // n singleton sets, ids 0..n-1.
  explicit UnionFind(size_t n);

  // Adds a singleton set and returns its id (0, 1, 2, ...).
  uint32_t Add();
  // Representative of x's set. Amortized near-constant; compresses paths.
  uint32_t Find(uint32_t x);
  // Representative without compressing (for const callers).
  uint32_t Find(uint32_t x) const;
  // Merges the sets of a and b; returns the surviving representative, the
  // smaller of the two roots.
  uint32_t Union(uint32_t a, uint32_t b);
  size_t size() const { return parent_.size(); }

 private:
  std::vector<uint32_t> parent_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_BASE_UNION_FIND_H_
