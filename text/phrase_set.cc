#include "text/phrase_set.h"

#include <algorithm>
#include <bitset>
#include <cassert>
#include <cstring>

namespace storyfuse {

void PhraseSet::Mark(uint16_t key, uint8_t group, uint8_t phrase) {
  starts_[key / 64] |= uint64_t{1} << (key % 64);
  entries_.push_back({key, group, phrase});
}

size_t PhraseSet::AddGroup(std::span<const std::string_view> phrases) {
  assert(groups_ < kMaxGroups);
  for (std::string_view p : phrases) {
    assert(p.size() >= 2 && phrases_.size() < kMaxPhrases);
    auto group = static_cast<uint8_t>(groups_);
    auto index = static_cast<uint8_t>(phrases_.size());
    uint32_t two = static_cast<unsigned char>(p[0]) | static_cast<unsigned char>(p[1]) << 8;
    if (p.size() >= 3) {
      Mark(Key(two | static_cast<uint32_t>(static_cast<unsigned char>(p[2])) << 16), group, index);
    } else {
      // Any third byte (0 stands for the text's end).
      for (uint32_t third = 0; third < 256; ++third) Mark(Key(two | third << 16), group, index);
    }
    phrases_.push_back(p);
  }
  std::sort(entries_.begin(), entries_.end(),
            [](const Entry& a, const Entry& b) { return a.key != b.key ? a.key < b.key : a.phrase < b.phrase; });
  entries_.erase(std::unique(entries_.begin(), entries_.end(),
                             [](const Entry& a, const Entry& b) { return a.key == b.key && a.phrase == b.phrase; }),
                 entries_.end());
  return groups_++;
}

PhraseSet::Hits PhraseSet::Find(std::string_view text) const {
  Hits hits;
  if (text.size() < 2) return hits;
  std::bitset<kMaxPhrases> seen;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  // The three bytes at i, the first in the low byte; past the end, 0.
  uint32_t window = s[0] | s[1] << 8;
  for (size_t i = 0; i + 1 < n; ++i) {
    window = (window & 0xFFFF) | (i + 2 < n ? static_cast<uint32_t>(s[i + 2]) << 16 : 0);
    uint16_t key = Key(window);
    if ((starts_[key / 64] >> (key % 64) & 1) != 0) {
      auto it =
          std::lower_bound(entries_.begin(), entries_.end(), key, [](const Entry& e, uint16_t k) { return e.key < k; });
      for (; it != entries_.end() && it->key == key; ++it) {
        std::string_view p = phrases_[it->phrase];
        if (seen[it->phrase] || p.size() > n - i || std::memcmp(s + i, p.data(), p.size()) != 0) continue;
        seen[it->phrase] = true;
        ++hits.count_[it->group];
      }
    }
    window >>= 8;
  }
  return hits;
}

}  // namespace storyfuse
