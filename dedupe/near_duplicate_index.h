// NearDuplicateIndex: finds, for a new text's ShingleSketch, the earliest
// text added before it that it copies, whole or in part.
//
// A copy is a pair whose shared sampled shingles cover at least
// min_containment of either sketch (and number at least min_shared): a
// republished wire story or the same article under another URL (both
// directions high), an updated version (the old one is mostly inside the
// new one), a short piece copying paragraphs of a longer one (the short one
// is mostly inside the long one). A partial copy, an article that pastes a
// run of another's paragraphs into reporting of its own, shares less of
// either text but a long run: at least partial_shared keys covering at
// least partial_containment of either sketch. Independent reports of one
// event share facts and quotes, not running text, and stay below both.
//
// Memory is linear in the number of sampled shingles (about one word in
// eight); a lookup walks the posting lists of the new sketch's keys, each
// capped at max_postings, so its cost does not grow with the index. Not
// thread-safe.
#ifndef STORYFUSE_DEDUPE_NEAR_DUPLICATE_INDEX_H_
#define STORYFUSE_DEDUPE_NEAR_DUPLICATE_INDEX_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "dedupe/posting_table.h"
#include "dedupe/shingle_sketch.h"

namespace storyfuse {

struct NearDuplicateOptions {
  double min_containment = 0.5;
  uint32_t min_shared = 4;
  // A partial copy: a run of pasted paragraphs. At least this many shared
  // keys (80 words of running text give 9.5 on average; quotations in the
  // run give fewer)...
  uint32_t partial_shared = 5;
  // ...covering at least this share of either sketch (a pasted run is a
  // real part of the text it comes from or lands in; a few sentences of
  // common boilerplate in two long articles are not). 1 turns partial
  // copies off.
  double partial_containment = 0.15;
  uint32_t max_postings = 64;
};

struct CopyMatch {
  uint32_t doc = 0;          // number of the earlier text (order of Add)
  uint32_t shared = 0;       // sampled shingles in common
  double new_contained = 0;  // share of the new sketch found in `doc`
  double old_contained = 0;  // share of `doc`'s sketch found in the new one
};

class NearDuplicateIndex {
 public:
  explicit NearDuplicateIndex(NearDuplicateOptions options = {});

  // The earliest added text that `sketch` copies or is copied by, or
  // nullopt. Does not add `sketch`.
  std::optional<CopyMatch> FindSource(const ShingleSketch& sketch) const;

  // Every earlier text sharing at least min_shared keys with `sketch`,
  // copies or not, in order of doc number (for tests and diagnostics).
  std::vector<CopyMatch> Overlaps(const ShingleSketch& sketch) const;

  // Adds `sketch` and returns its doc number: 0, 1, 2, ... in call order.
  uint32_t Add(const ShingleSketch& sketch);

  size_t size() const { return sizes_.size(); }
  size_t MemoryBytes() const;

 private:
  bool IsCopy(const CopyMatch& m) const;

  NearDuplicateOptions options_;
  PostingTable postings_;
  std::vector<uint32_t> sizes_;  // sketch size per doc
};

}  // namespace storyfuse

#endif  // STORYFUSE_DEDUPE_NEAR_DUPLICATE_INDEX_H_
