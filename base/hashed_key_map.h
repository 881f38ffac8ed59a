// HashedKeyMap<V>: a map from 64-bit keys that are already hashes (xxhash
// of a word, of a term) to values, stored flat with open addressing.
//
// Why not std::unordered_map: the clustering caches hold hundreds of
// thousands of words and are probed for every token; a node-based map costs
// two cache misses per probe, this one usually one. Keys are assumed to be
// well mixed (no further hashing is done). Pointers returned by Find/Insert
// stay valid until the next Insert.
//
// Not thread-safe.
#ifndef STORYFUSE_BASE_HASHED_KEY_MAP_H_
#define STORYFUSE_BASE_HASHED_KEY_MAP_H_

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace storyfuse {

template <typename V>
class HashedKeyMap {
 public:
  HashedKeyMap() : slots_(kInitialSlots) {}

  // The value under `key`, or nullptr.
  V* Find(uint64_t key) {
    Slot& s = slots_[Probe(Stored(key))];
    return s.key == kEmpty ? nullptr : &s.value;
  }
  const V* Find(uint64_t key) const { return const_cast<HashedKeyMap*>(this)->Find(key); }

  // Inserts `value` under `key` unless the key is present; returns the value
  // now stored under it and whether it was inserted.
  std::pair<V*, bool> Insert(uint64_t key, V value) {
    if (2 * (size_ + 1) > slots_.size()) Grow();
    uint64_t k = Stored(key);
    Slot& s = slots_[Probe(k)];
    if (s.key != kEmpty) return {&s.value, false};
    s.key = k;
    s.value = std::move(value);
    ++size_;
    return {&s.value, true};
  }

  // Asks the CPU for the slot where a probe for `key` starts (no effect
  // on contents): a caller that knows its next keys can have their slots
  // on the way while it works on the current one.
  void Prefetch(uint64_t key) const { __builtin_prefetch(&slots_[Stored(key) & (slots_.size() - 1)]); }

  size_t size() const { return size_; }
  size_t MemoryBytes() const { return slots_.capacity() * sizeof(Slot); }

 private:
  static constexpr uint64_t kEmpty = 0;
  static constexpr size_t kInitialSlots = 1024;  // a power of two
  struct Slot {
    uint64_t key = kEmpty;
    V value{};
  };

  // Key 0 marks an empty slot, so it is stored as 1 (two keys sharing a
  // slot once in 2^64 draws).
  static uint64_t Stored(uint64_t key) { return key == kEmpty ? 1 : key; }

  // The slot holding `key`, or the empty slot where it belongs.
  size_t Probe(uint64_t key) const {
    size_t mask = slots_.size() - 1;
    size_t i = key & mask;
    while (slots_[i].key != kEmpty && slots_[i].key != key) i = (i + 1) & mask;
    return i;
  }

  void Grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (Slot& s : old) {
      if (s.key != kEmpty) slots_[Probe(s.key)] = std::move(s);
    }
  }

  std::vector<Slot> slots_;
  size_t size_ = 0;
};

}  // namespace storyfuse

#endif  // STORYFUSE_BASE_HASHED_KEY_MAP_H_
