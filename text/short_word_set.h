// ShortWordSet: a set of short words with a cheap negative filter, for lexicon
// lookups on every token of a text. A word is hashed only when some member
// has its first byte and its length; most tokens are rejected by one bit
// test. Words are compared as bytes (callers lower-case first).
//
// Views are stored: the words must outlive the set (string literals, or
// text that outlives it). Thread-safe for concurrent Contains() once
// built.
#ifndef STORYFUSE_TEXT_SHORT_WORD_SET_H_
#define STORYFUSE_TEXT_SHORT_WORD_SET_H_

#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <unordered_set>

namespace storyfuse {

class ShortWordSet {
 public:
  ShortWordSet() = default;
  ShortWordSet(std::initializer_list<std::string_view> words) {
    for (std::string_view w : words) Insert(w);
  }
  template <typename It>
  ShortWordSet(It begin, It end) {
    for (; begin != end; ++begin) Insert(*begin);
  }

  void Insert(std::string_view w) {
    if (w.empty()) return;
    lengths_[static_cast<unsigned char>(w[0])] |= Bit(w.size());
    words_.insert(w);
  }

  bool Contains(std::string_view w) const {
    if (w.empty() || (lengths_[static_cast<unsigned char>(w[0])] & Bit(w.size())) == 0) return false;
    return words_.count(w) > 0;
  }

  bool empty() const { return words_.empty(); }

 private:
  // Lengths of 63 and more share the top bit.
  static uint64_t Bit(size_t len) { return uint64_t{1} << (len < 63 ? len : 63); }

  uint64_t lengths_[256] = {};
  std::unordered_set<std::string_view> words_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_TEXT_SHORT_WORD_SET_H_
