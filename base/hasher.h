// Hasher: the project's one wrapper over xxHash (XXH3, 64 and 128 bits).
//
// Every hash that is stored or compared across runs (shingle sketches, see
// docs/dedupe.md; cluster and entity features; default article ids; the
// store's content hashes) goes through here, so the algorithm and seed are
// fixed in one place.
// Changing either changes the persistent formats: bump kSketchFormatVersion
// (and the store's schema) when you do.
//
// In base/ because stages from ingest (default article ids) to the server
// hash. Stateless and thread-safe.
#ifndef STORYFUSE_BASE_HASHER_H_
#define STORYFUSE_BASE_HASHER_H_

#include <cstdint>
#include <span>
#include <string>
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

  // XXH3_128bits (no seed) over the concatenation of `parts`, as 32
  // lower-case hex digits, high half first. Callers separate their fields
  // themselves ("ab"+"c" and "a"+"bc" hash alike).
  static std::string Hash128Hex(std::span<const std::string_view> parts);
};

}  // namespace storyfuse

#endif  // STORYFUSE_BASE_HASHER_H_
