// SpeakerResolver: who said each quoted piece of an article, and through
// which mention and cue verb.
//
// Per piece, in order of evidence:
//  1. after the closing mark, a cue verb with its subject in either order
//     ("…,” he said", "…,” said Jane Roe", "…,” the secretary of state told
//     reporters", "…,” according to Roe");
//  2. before the opening mark in the same sentence, the nearest cue verb and
//     its subject ("Roe said, “…”", "Roe called the talks “frank”");
//  3. the speaker of the previous piece in the paragraph (split quotes);
//  4. for a piece that opens a paragraph, the previous paragraph's speaker
//     or the subject of an introduction ending with a colon;
//  5. the subject of the piece's sentence.
// The mention is what cues the piece (a pronoun, a title or a name); the
// speaker is the canonical full name it resolves to (SpeakerRegistry).
// With a model (set_model), a learned ranker then chooses each piece's
// mention among SpeakerCandidates, the rules' choice being one of its
// features; the piece keeps the rules' cue and flags when the ranker
// agrees with them.
//
// Keeps no per-article state between calls (each Resolve builds its own
// registry of the article's people). Not thread-safe while recording
// feature names; otherwise Resolve only reads the model. Cheap to construct.
#ifndef STORYFUSE_ANALYZE_SPEAKER_RESOLVER_H_
#define STORYFUSE_ANALYZE_SPEAKER_RESOLVER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyze/quote_finder.h"
#include "analyze/speaker_candidates.h"
#include "analyze/speaker_model.h"
#include "text/span.h"

namespace storyfuse {

enum class AttributionKind : uint8_t {
  kNone,
  kAfter,    // cue right after the piece
  kBefore,   // cue before the piece in its sentence
  kCarried,  // from the previous piece or paragraph
  kSubject,  // the sentence subject, no cue verb
};

struct Attribution {
  AttributionKind kind = AttributionKind::kNone;
  Span mention;               // bytes of the cueing mention; empty when none
  Span cue;                   // bytes of the cue verb; may be empty
  std::string speaker;        // canonical name; "" when unresolved
  bool cue_adjacent = false;  // the cue touches the piece (", he said")
  // The second half of a split quote: “…,” Roe said. “<this piece>”
  bool split_continuation = false;
};

class SpeakerResolver {
 public:
  // One Attribution per piece of `pieces` (QuoteFinder::Find(text)). When
  // `candidates` is given, it receives each piece's speaker candidates (for
  // training the ranker).
  std::vector<Attribution> Resolve(std::string_view text, const std::vector<QuotePiece>& pieces,
                                   std::vector<std::vector<SpeakerCandidate>>* candidates = nullptr);

  // The ranker's weights, or nullptr for the rules alone. Not owned; must
  // outlive the resolver.
  void set_model(const SpeakerModel* model) { model_ = model; }
  // Records every candidate feature's name under its key (for training).
  void RecordFeatureNames(std::unordered_map<uint64_t, std::string>* names) { names_ = names; }

 private:
  const SpeakerModel* model_ = nullptr;
  std::unordered_map<uint64_t, std::string>* names_ = nullptr;
};

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_SPEAKER_RESOLVER_H_
