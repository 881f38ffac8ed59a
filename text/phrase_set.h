// PhraseSet: which of a fixed list of phrases (byte strings) occur in a
// text, found in one pass over it.
//
// Why: a line classifier that asks "does the line contain X?" for a
// hundred phrases reads the line a hundred times (std::string::find per
// phrase). One pass reads each byte once: a position is a candidate only
// when a hash of its next three bytes is one a phrase starts with (a
// bitmap test; a 2-byte phrase marks every third byte), and only the
// phrases with that hash are compared there.
//
// Phrases come in groups (a rule's word list); Find() reports, per group,
// how many distinct phrases of the group occur. Matching is on bytes, case
// sensitive (callers lower-case first). A phrase is at least 2 bytes.
//
// Views are stored: phrases must outlive the set (string literals).
// Thread-safe for concurrent Find() once built.
#ifndef STORYFUSE_TEXT_PHRASE_SET_H_
#define STORYFUSE_TEXT_PHRASE_SET_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string_view>
#include <vector>

namespace storyfuse {

class PhraseSet {
 public:
  static constexpr size_t kMaxGroups = 32;
  static constexpr size_t kMaxPhrases = 256;

  // Distinct phrases found, per group.
  class Hits {
   public:
    bool Any(size_t group) const { return count_[group] > 0; }
    size_t Count(size_t group) const { return count_[group]; }

   private:
    friend class PhraseSet;
    std::array<uint8_t, kMaxGroups> count_{};
  };

  // Adds a group of phrases and returns its index (0, 1, ...). Past
  // kMaxGroups groups or kMaxPhrases phrases, or for a phrase shorter
  // than 2 bytes, this is a programming error (asserts).
  size_t AddGroup(std::span<const std::string_view> phrases);
  size_t AddGroup(std::initializer_list<std::string_view> phrases) {
    return AddGroup(std::span<const std::string_view>(phrases.begin(), phrases.size()));
  }

  Hits Find(std::string_view text) const;

 private:
  struct Entry {
    uint16_t key;  // Key() of the phrase's first three bytes
    uint8_t group;
    uint8_t phrase;  // index into phrases_
  };
  // Three bytes (the first in the low byte) hashed to 16 bits.
  static uint16_t Key(uint32_t three_bytes) { return static_cast<uint16_t>((three_bytes * 2654435761u) >> 16); }
  void Mark(uint16_t key, uint8_t group, uint8_t phrase);

  std::array<uint64_t, 65536 / 64> starts_{};  // bit per key that starts a phrase
  std::vector<Entry> entries_;                 // sorted by key
  std::vector<std::string_view> phrases_;
  size_t groups_ = 0;
};

}  // namespace storyfuse

#endif  // STORYFUSE_TEXT_PHRASE_SET_H_
