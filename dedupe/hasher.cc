#include "dedupe/hasher.h"

#include <xxhash.h>

namespace storyfuse {

uint64_t Hasher::Hash64(std::string_view bytes, uint64_t seed) {
  return XXH3_64bits_withSeed(bytes.data(), bytes.size(), seed);
}

}  // namespace storyfuse
