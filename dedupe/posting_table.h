// PostingTable: a compact multimap from 32-bit keys (already uniformly
// distributed, e.g. hash bits) to the ids added under them, each list
// capped at a fixed length: a key seen more often than that is common
// text (boilerplate) and its first ids are kept.
//
// Open addressing with linear probing, 12 bytes a key plus 8 a posting, so
// tens of millions of keys fit in a few hundred megabytes. Not thread-safe.
#ifndef STORYFUSE_DEDUPE_POSTING_TABLE_H_
#define STORYFUSE_DEDUPE_POSTING_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace storyfuse {

class PostingTable {
 public:
  explicit PostingTable(uint32_t max_postings = 64);

  // Adds `id` to the list of `key`, unless the list is full.
  void Add(uint32_t key, uint32_t id);

  // Calls fn(id) for each id listed under `key` (newest first).
  template <typename Fn>
  void ForEach(uint32_t key, Fn&& fn) const {
    const Slot* slot = Find(key);
    if (slot == nullptr) return;
    for (uint32_t p = slot->head; p != 0; p = pool_[p - 1].next) fn(pool_[p - 1].id);
  }

  size_t keys() const { return keys_; }
  size_t postings() const { return pool_.size(); }
  size_t MemoryBytes() const;

 private:
  struct Slot {
    uint32_t key = 0;
    uint32_t head = 0;   // 1 + index into pool_, 0 for none
    uint32_t count = 0;  // 0 marks an empty slot
  };
  struct Posting {
    uint32_t id;
    uint32_t next;  // 1 + index into pool_, 0 ends the list
  };

  const Slot* Find(uint32_t key) const;
  Slot* Probe(uint32_t key);  // the key's slot, or the empty slot it belongs in
  void Grow();

  uint32_t max_postings_;
  size_t keys_ = 0;
  std::vector<Slot> slots_;
  std::vector<Posting> pool_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_DEDUPE_POSTING_TABLE_H_
