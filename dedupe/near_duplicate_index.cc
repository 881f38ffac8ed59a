#include "dedupe/near_duplicate_index.h"

#include <algorithm>

namespace storyfuse {

NearDuplicateIndex::NearDuplicateIndex(NearDuplicateOptions options)
    : options_(options), postings_(options.max_postings) {}

std::vector<CopyMatch> NearDuplicateIndex::Overlaps(const ShingleSketch& sketch) const {
  std::vector<uint32_t> hits;
  for (uint32_t key : sketch.keys) {
    postings_.ForEach(key, [&](uint32_t doc) { hits.push_back(doc); });
  }
  std::sort(hits.begin(), hits.end());
  std::vector<CopyMatch> out;
  for (size_t i = 0; i < hits.size();) {
    size_t j = i;
    while (j < hits.size() && hits[j] == hits[i]) ++j;
    uint32_t shared = static_cast<uint32_t>(j - i);
    if (shared >= options_.min_shared) {
      CopyMatch m{hits[i], shared, 0, 0};
      m.new_contained = static_cast<double>(shared) / sketch.keys.size();
      m.old_contained = static_cast<double>(shared) / std::max<uint32_t>(sizes_[hits[i]], 1);
      out.push_back(m);
    }
    i = j;
  }
  return out;
}

bool NearDuplicateIndex::IsCopy(const CopyMatch& m) const {
  double contained = std::max(m.new_contained, m.old_contained);
  if (contained >= options_.min_containment) return true;
  return m.shared >= options_.partial_shared && contained >= options_.partial_containment;
}

std::optional<CopyMatch> NearDuplicateIndex::FindSource(const ShingleSketch& sketch) const {
  for (const CopyMatch& m : Overlaps(sketch)) {
    if (IsCopy(m)) return m;  // Overlaps is in doc order: the first is the earliest
  }
  return std::nullopt;
}

uint32_t NearDuplicateIndex::Add(const ShingleSketch& sketch) {
  uint32_t doc = static_cast<uint32_t>(sizes_.size());
  sizes_.push_back(static_cast<uint32_t>(sketch.keys.size()));
  for (uint32_t key : sketch.keys) postings_.Add(key, doc);
  return doc;
}

size_t NearDuplicateIndex::MemoryBytes() const {
  return postings_.MemoryBytes() + sizes_.capacity() * sizeof(uint32_t);
}

}  // namespace storyfuse
