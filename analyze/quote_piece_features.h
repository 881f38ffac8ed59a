// QuotePieceFeatures: what the learned piece classifier (QuotePieceModel)
// reads of a quoted piece that the extractor's rules kept: its length and
// number of sentences, its first and last character, how much of it is
// capitalized (titles, names), first-person words (speech), its marks and
// place in the paragraph, the words and punctuation just before and after
// its marks ("so-called “…”", "the term “…”", "“…,” he said"), and what the
// speaker rules found (attribution kind, cue verb, distance to the
// mention). Each feature is a named "template=value" string identified by
// SpeakerFeatureId, so scoring builds no strings.
//
// Stateless; thread-safe.
#ifndef STORYFUSE_ANALYZE_QUOTE_PIECE_FEATURES_H_
#define STORYFUSE_ANALYZE_QUOTE_PIECE_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyze/quote_finder.h"
#include "analyze/speaker_resolver.h"

namespace storyfuse {

class QuotePieceFeatures {
 public:
  // The feature keys of `piece` (found in `text`, attributed by
  // `attribution`). When `names` is given, each key's name is recorded
  // under it (for training and for writing the model file).
  static std::vector<uint64_t> Compute(std::string_view text, const QuotePiece& piece,
                                       const Attribution& attribution,
                                       std::unordered_map<uint64_t, std::string>* names = nullptr);
};

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_QUOTE_PIECE_FEATURES_H_
