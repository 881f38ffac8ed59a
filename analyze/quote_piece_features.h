// QuotePieceFeatures: what the learned piece classifier (QuotePieceModel)
// reads of a quoted piece that the extractor's rules kept: its length and
// number of sentences, its first and last character, how much of it is
// capitalized (titles, names), first-person words (speech), its marks and
// place in the paragraph, the word and punctuation just before its opening
// mark ("so-called “…”", "the term “…”") and the punctuation after its
// closing one ("“…,” he said"), what the speaker rules found (attribution
// kind, cue verb, distance to the mention), and how many of the article's
// pieces are credited. Each feature is a named "template=value" string,
// keyed by SpeakerFeatureId (the speaker ranker's hash).
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

// What the article's other pieces look like: an article quoting mostly
// without cues (an excerpt, a block-quoted letter) differs from one whose
// every quote is credited.
struct PieceArticle {
  size_t pieces = 0;    // quoted pieces the rules keep
  size_t adjacent = 0;  // ... that a cue touches
  size_t credited = 0;  // ... credited to a mention

  // Counts one kept piece with this attribution.
  void Count(const Attribution& a) {
    ++pieces;
    adjacent += a.cue_adjacent;
    credited += !a.mention.empty();
  }
};

class QuotePieceFeatures {
 public:
  // Whether the classifier judges this piece at all (its training and its
  // use alike): pieces of 3 or more words (the metric's quotes; shorter ones,
  // kept only on request, are left to the rules) whose speaker is not named
  // inside the piece (a transcript turn "ROE: …", too rare in PolNeAR for
  // the classifier to learn).
  static bool Judges(std::string_view text, const QuotePiece& piece, const Attribution& attribution);

  // The feature keys of `piece` (found in `text`, attributed by
  // `attribution`; `article` counts the article's kept pieces). When `names` is given, each key's name is recorded
  // under it (for training and for writing the model file).
  static std::vector<uint64_t> Compute(std::string_view text, const QuotePiece& piece, const Attribution& attribution,
                                       const PieceArticle& article,
                                       std::unordered_map<uint64_t, std::string>* names = nullptr);
};

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_QUOTE_PIECE_FEATURES_H_
