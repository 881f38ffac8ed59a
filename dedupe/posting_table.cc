#include "dedupe/posting_table.h"

namespace storyfuse {
namespace {

// Keys are hash bits already; a multiplicative mix guards against inputs
// that are not (small consecutive ids).
size_t SlotOf(uint32_t key, size_t mask) { return (key * 0x9E3779B1u) & mask; }

}  // namespace

PostingTable::PostingTable(uint32_t max_postings) : max_postings_(max_postings == 0 ? 1 : max_postings), slots_(1024) {}

const PostingTable::Slot* PostingTable::Find(uint32_t key) const {
  size_t mask = slots_.size() - 1;
  for (size_t i = SlotOf(key, mask);; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.count == 0) return nullptr;
    if (s.key == key) return &s;
  }
}

PostingTable::Slot* PostingTable::Probe(uint32_t key) {
  size_t mask = slots_.size() - 1;
  for (size_t i = SlotOf(key, mask);; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.count == 0 || s.key == key) return &s;
  }
}

void PostingTable::Grow() {
  std::vector<Slot> old;
  old.swap(slots_);
  slots_.resize(old.size() * 2);
  for (const Slot& s : old) {
    if (s.count != 0) *Probe(s.key) = s;
  }
}

void PostingTable::Add(uint32_t key, uint32_t id) {
  if ((keys_ + 1) * 4 > slots_.size() * 3) Grow();  // load factor <= 3/4
  Slot* slot = Probe(key);
  if (slot->count == 0) {
    slot->key = key;
    ++keys_;
  } else if (slot->count >= max_postings_) {
    return;
  }
  pool_.push_back({id, slot->head});
  slot->head = static_cast<uint32_t>(pool_.size());
  ++slot->count;
}

size_t PostingTable::MemoryBytes() const {
  return slots_.capacity() * sizeof(Slot) + pool_.capacity() * sizeof(Posting);
}

}  // namespace storyfuse
