// Hasher: the project's one wrapper over xxHash (XXH3, 64-bit).
//
// Every hash that is stored or compared across runs (shingle sketches, see
// docs/dedupe.md) goes through here, so the algorithm and seed are fixed in
// one place. Changing either changes the persistent sketch format: bump
// kSketchFormatVersion when you do.
//
// Stateless and thread-safe.
#ifndef STORYFUSE_DEDUPE_HASHER_H_
#define STORYFUSE_DEDUPE_HASHER_H_

#include <cstdint>
#include <string_view>

namespace storyfuse {

// Version of the shingle sketch format documented in docs/dedupe.md.
constexpr uint32_t kSketchFormatVersion = 1;
// Seed of every sketch hash: the ASCII bytes "sfdedup1".
constexpr uint64_t kSketchSeed = 0x7366646564757031ULL;

class Hasher {
 public:
  // XXH3_64bits_withSeed over `bytes`.
  static uint64_t Hash64(std::string_view bytes, uint64_t seed = kSketchSeed);
};

}  // namespace storyfuse

#endif  // STORYFUSE_DEDUPE_HASHER_H_
