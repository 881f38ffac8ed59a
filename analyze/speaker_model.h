// SpeakerModel: the weights of the learned speaker ranker (a linear model
// over named features of a quoted piece and one candidate mention; the
// candidate with the highest score is the speaker). Features are named
// "template=value" strings, identified at run time by a 64-bit hash of the
// name (SpeakerFeatureKey), so scoring builds no strings.
//
// File format (models/speakers.v1.tsv, UTF-8 text):
//   storyfuse-speakers<TAB>1          the format name and version
//   # comment lines                   (training command, data, figures)
//   <feature name><TAB><weight>       one per line, sorted by name
// Parse() refuses another format or version.
//
// Shipped() parses the embedded models/speakers.v1.tsv once (thread-safe);
// a model is immutable after loading, so Score() is thread-safe.
#ifndef STORYFUSE_ANALYZE_SPEAKER_MODEL_H_
#define STORYFUSE_ANALYZE_SPEAKER_MODEL_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/linear_weights.h"
#include "base/status.h"

namespace storyfuse {

// Incremental 64-bit hash of a feature name built from parts: Key("a",
// "b") == Key of "a" followed by "b". Equal names give equal keys.
class SpeakerFeatureKey {
 public:
  SpeakerFeatureKey() = default;
  SpeakerFeatureKey& Add(std::string_view part);
  uint64_t value() const;

 private:
  uint64_t h_ = 14695981039346656037ull;  // FNV-1a offset basis
};

// The key of a whole feature name.
uint64_t SpeakerFeatureId(std::string_view name);

class SpeakerModel {
 public:
  static constexpr int kVersion = 1;
  static constexpr const char* kFileName = "speakers.v1.tsv";

  SpeakerModel() = default;

  // Reads a model file; Corruption naming the line when malformed,
  // Unsupported for another format version.
  static Result<SpeakerModel> Parse(std::string_view bytes);
  // The embedded model, or nullptr when it is missing or does not parse.
  static const SpeakerModel* Shipped();

  // Sum of the weights of `features` (unknown features weigh 0).
  double Score(const std::vector<uint64_t>& features) const;

  // Sets the weight of a named feature.
  void Set(const std::string& name, double weight);
  // The file text: the header, `comments` (each line prefixed by "# "),
  // then every non-zero weight by name.
  std::string Serialize(const std::vector<std::string>& comments) const;
  size_t size() const { return weights_.size(); }

 private:
  LinearWeights weights_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_SPEAKER_MODEL_H_
