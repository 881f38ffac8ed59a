// NameGazetteer: the name phrases seen in labelled text, each with the set
// of kinds it was labelled as ("Leicestershire": place and organisation).
// The entity recognizer uses it as a feature; it is built from training
// data only and shipped inside the model file.
//
// Phrases are given as 64-bit hashes (EntityFeatures::PhraseHash of their
// lower-case tokens); the table keeps the hash's upper 60 bits and the
// kind mask in the lower 4, in open addressing with linear probing, so
// that it is stored and reloaded as a flat array. Two phrases whose hashes
// share those 60 bits are one entry (odds about 2^-40 for a model's 10^5
// phrases).
//
// Not thread-safe while being built; Lookup is thread-safe afterwards.
#ifndef STORYFUSE_ANALYZE_NAME_GAZETTEER_H_
#define STORYFUSE_ANALYZE_NAME_GAZETTEER_H_

#include <cstdint>
#include <vector>

#include "analyze/entity_labels.h"
#include "base/status.h"

namespace storyfuse {

class NameGazetteer {
 public:
  NameGazetteer();

  // Records that the phrase hashed to `phrase` was labelled `kind`.
  void Add(uint64_t phrase, NameKind kind);

  // Bit k set when the phrase was labelled kind k; 0 when never seen.
  uint8_t Lookup(uint64_t phrase) const;

  size_t size() const { return size_; }

  // The flat table (a power-of-two number of slots, 0 = empty), for
  // storing; FromSlots rebuilds a gazetteer from it (Corruption when the
  // size is not a power of two).
  const std::vector<uint64_t>& slots() const { return slots_; }
  static Result<NameGazetteer> FromSlots(const uint64_t* slots, size_t count);

 private:
  static constexpr uint64_t kMaskBits = 0xF;
  size_t Probe(uint64_t key) const;
  void Grow();

  std::vector<uint64_t> slots_;
  size_t size_ = 0;
};

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_NAME_GAZETTEER_H_
