// ShingleSketch: a containment-preserving sample of a text's word shingles
// (Broder's mod-p sampling), the signature near-duplicate detection works on.
//
// Tokens are normalized (ASCII lower case, curly apostrophes made straight),
// hashed one by one, and every run of kShingleWords consecutive token hashes
// outside quotations is hashed again into a shingle hash. A shingle is kept
// when its hash is 0 modulo kSampleModulus; its key is the hash's top 32
// bits. Because the sample of a shingle does not depend on the rest of the
// text, sample(A) ∩ sample(B) = sample(A ∩ B): the share of A's keys found
// in B estimates how much of A is contained in B, at any length ratio (a
// MinHash signature estimates resemblance only, which a short piece copied
// from a long one does not have). The exact format is persistent and
// documented, with its version, in docs/dedupe.md.
//
// Quotations are left out: two outlets quoting the same speaker are not
// copying each other. Stateless and thread-safe.
#ifndef STORYFUSE_DEDUPE_SHINGLE_SKETCH_H_
#define STORYFUSE_DEDUPE_SHINGLE_SKETCH_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "text/segmenter.h"

namespace storyfuse {

constexpr int kShingleWords = 5;
constexpr uint64_t kSampleModulus = 8;

struct ShingleSketch {
  std::vector<uint32_t> keys;  // sorted, unique
  bool empty() const { return keys.empty(); }
};

class ShingleSketcher {
 public:
  // Sketch of `text`, given its word and number tokens (Segmenter::Tokens
  // without punctuation) and their TokenMarks.
  static ShingleSketch Sketch(std::string_view text, const std::vector<Token>& tokens,
                              const std::vector<uint8_t>& marks);
  // The same from precomputed TokenHash values, one per token.
  static ShingleSketch FromTokenHashes(const std::vector<uint64_t>& token_hashes, const std::vector<uint8_t>& marks);
  // Convenience: segments `text` itself.
  static ShingleSketch Sketch(std::string_view text, Segmenter* segmenter);
  // Hash of one token after normalization (exposed for docs/tests).
  static uint64_t TokenHash(std::string_view token);
};

}  // namespace storyfuse

#endif  // STORYFUSE_DEDUPE_SHINGLE_SKETCH_H_
