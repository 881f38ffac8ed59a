#include "cluster/recent_postings.h"

#include <cstring>

namespace storyfuse {

void RecentPostings::Add(uint32_t term, uint32_t value) {
  if (term >= next_.size()) {
    blocks_.resize(term + 1);
    next_.resize(term + 1, 0);
  }
  uint8_t& state = next_[term];
  if (state < kRecent) {
    blocks_[term].values[state] = value;
    ++state;
    return;
  }
  const size_t at = state - kRecent;
  blocks_[term].values[at] = value;
  state = static_cast<uint8_t>(kRecent + (at + 1) % kRecent);
}

size_t RecentPostings::Copy(uint32_t term, uint32_t* out) const {
  if (term >= next_.size()) return 0;
  const uint32_t* block = blocks_[term].values;
  const size_t state = next_[term];
  if (state < kRecent) {
    std::memcpy(out, block, state * sizeof(uint32_t));
    return state;
  }
  const size_t oldest = state - kRecent;
  std::memcpy(out, block + oldest, (kRecent - oldest) * sizeof(uint32_t));
  std::memcpy(out + (kRecent - oldest), block, oldest * sizeof(uint32_t));
  return kRecent;
}

size_t RecentPostings::size(uint32_t term) const {
  if (term >= next_.size()) return 0;
  return next_[term] < kRecent ? next_[term] : kRecent;
}

}  // namespace storyfuse
