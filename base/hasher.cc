#include "base/hasher.h"

#include <xxhash.h>

#include <cstdio>
#include <memory>

namespace storyfuse {

uint64_t Hasher::Hash64(std::string_view bytes, uint64_t seed) {
  return XXH3_64bits_withSeed(bytes.data(), bytes.size(), seed);
}

std::string Hasher::Hash128Hex(std::span<const std::string_view> parts) {
  std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> state(XXH3_createState(), &XXH3_freeState);
  XXH3_128bits_reset(state.get());
  for (std::string_view p : parts) XXH3_128bits_update(state.get(), p.data(), p.size());
  XXH128_hash_t h = XXH3_128bits_digest(state.get());
  char hex[33];
  std::snprintf(hex, sizeof(hex), "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return hex;
}

}  // namespace storyfuse
