// RecentPostings: an inverted index that keeps, per term, only the
// kRecent values added last, in one flat array of fixed-size blocks.
//
// The revising stream finds final stories through such an index and reads
// only the newest kRecent stories of each term (docs/clustering.md). Kept
// as a vector per term, each lookup waited for two cache misses in turn
// (the list's header, then its newest entries) for each of an arrival's
// strongest terms, at a million articles the largest single cost of the
// stream. Here a term's block is at an address computed from the term, two
// cache lines long and aligned to them, so all of an arrival's blocks can
// be asked for at once, before any is read. What a lookup sees is exactly
// the newest kRecent values of a list that kept everything.
//
// Memory: 128 bytes and one byte per term id up to the largest added.
// Plain value; not thread-safe.
#ifndef STORYFUSE_CLUSTER_RECENT_POSTINGS_H_
#define STORYFUSE_CLUSTER_RECENT_POSTINGS_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace storyfuse {

class RecentPostings {
 public:
  // Values kept per term: a lookup of the stream reads 32 (kStoryScan).
  static constexpr size_t kRecent = 32;

  // Appends `value` to `term`'s list, dropping its oldest when full.
  void Add(uint32_t term, uint32_t value);

  // Calls fn(value) for `term`'s kept values, oldest first.
  template <typename Fn>
  void ForEach(uint32_t term, Fn fn) const {
    if (term >= next_.size()) return;
    const uint32_t* block = blocks_[term].values;
    const size_t state = next_[term];
    if (state < kRecent) {
      for (size_t i = 0; i < state; ++i) fn(block[i]);
      return;
    }
    // Full: the oldest value sits where the next one will be written.
    const size_t oldest = state - kRecent;
    for (size_t i = oldest; i < kRecent; ++i) fn(block[i]);
    for (size_t i = 0; i < oldest; ++i) fn(block[i]);
  }

  // Writes `term`'s kept values to out[0..], oldest first (room for
  // kRecent), and returns how many. Copying several terms' values out
  // before reading them lets their cache misses overlap: read in place,
  // each value's use branched, and a mispredicted branch waited for the
  // next miss.
  size_t Copy(uint32_t term, uint32_t* out) const;

  // Asks the CPU for `term`'s block (no effect on results).
  void Prefetch(uint32_t term) const {
    if (term >= next_.size()) return;
    __builtin_prefetch(&next_[term]);
    __builtin_prefetch(blocks_[term].values);
    __builtin_prefetch(blocks_[term].values + kRecent / 2);
  }

  // How many values `term` holds (at most kRecent).
  size_t size(uint32_t term) const;
  size_t MemoryBytes() const { return blocks_.capacity() * sizeof(Block) + next_.capacity(); }

 private:
  struct alignas(128) Block {
    uint32_t values[kRecent];
  };
  static_assert(sizeof(Block) == 128, "a block is two cache lines");
  std::vector<Block> blocks_;
  // Per term: the count of values while below kRecent; once full,
  // kRecent plus the position the next value overwrites (the oldest).
  std::vector<uint8_t> next_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_CLUSTER_RECENT_POSTINGS_H_
