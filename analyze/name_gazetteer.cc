#include "analyze/name_gazetteer.h"

namespace storyfuse {
namespace {

// Small enough to cost nothing for an empty gazetteer, a power of two.
constexpr size_t kInitialSlots = 16;

}  // namespace

NameGazetteer::NameGazetteer() : slots_(kInitialSlots, 0) {}

size_t NameGazetteer::Probe(uint64_t key) const {
  // The lower bits hold the mask: take the slot from the upper ones.
  size_t mask = slots_.size() - 1;
  size_t i = static_cast<size_t>(key >> 32) & mask;
  while (slots_[i] != 0 && (slots_[i] & ~kMaskBits) != key) i = (i + 1) & mask;
  return i;
}

void NameGazetteer::Add(uint64_t phrase, NameKind kind) {
  // Keep the load at most one half: probes stay short.
  if (2 * (size_ + 1) > slots_.size()) Grow();
  uint64_t key = (phrase & ~kMaskBits) | 0x10;  // bit 4 keeps a zero hash from looking empty
  size_t i = Probe(key);
  if (slots_[i] == 0) ++size_;
  slots_[i] = key | (slots_[i] & kMaskBits) | (uint64_t{1} << static_cast<int>(kind));
}

uint8_t NameGazetteer::Lookup(uint64_t phrase) const {
  uint64_t key = (phrase & ~kMaskBits) | 0x10;
  return static_cast<uint8_t>(slots_[Probe(key)] & kMaskBits);
}

void NameGazetteer::Grow() {
  std::vector<uint64_t> old = std::move(slots_);
  slots_.assign(old.size() * 2, 0);
  for (uint64_t s : old) {
    if (s != 0) slots_[Probe(s & ~kMaskBits)] = s;
  }
}

Result<NameGazetteer> NameGazetteer::FromSlots(const uint64_t* slots, size_t count) {
  if (count == 0 || (count & (count - 1)) != 0) return Status::Corruption("gazetteer size is not a power of two");
  NameGazetteer g;
  g.slots_.assign(slots, slots + count);
  size_t used = 0;
  for (uint64_t s : g.slots_) used += s != 0;
  if (used == count) return Status::Corruption("gazetteer table is full");
  g.size_ = used;
  return g;
}

}  // namespace storyfuse
