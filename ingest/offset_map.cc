#include "ingest/offset_map.h"

#include <algorithm>

namespace storyfuse {

void OffsetMap::Add(uint32_t out_begin, uint32_t in_begin, uint32_t length) {
  // Adjacent runs that continue each other merge, keeping lookups short.
  if (!segments_.empty()) {
    Segment& last = segments_.back();
    if (last.out_begin + last.length == out_begin && last.in_begin + last.length == in_begin) {
      last.length += length;
      return;
    }
  }
  segments_.push_back({out_begin, in_begin, length});
}

uint32_t OffsetMap::ToInput(uint32_t out) const {
  if (segments_.empty()) return out;
  auto it = std::upper_bound(segments_.begin(), segments_.end(), out,
                             [](uint32_t o, const Segment& s) { return o < s.out_begin; });
  if (it == segments_.begin()) return segments_.front().in_begin;
  --it;
  uint32_t delta = std::min(out - it->out_begin, it->length);
  return it->in_begin + delta;
}

}  // namespace storyfuse
