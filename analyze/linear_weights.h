// LinearWeights: the named weights of a learned linear model, the part the
// speaker ranker and the quote-piece classifier share. Each weight is kept
// twice: under the 64-bit key of its name (SpeakerFeatureId), so scoring
// builds no strings, and by name, so that the file it came from can be
// written back sorted and byte-stable.
//
// Immutable after loading, so Sum() is thread-safe; Set() is not.
#ifndef STORYFUSE_ANALYZE_LINEAR_WEIGHTS_H_
#define STORYFUSE_ANALYZE_LINEAR_WEIGHTS_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "base/hashed_key_map.h"

namespace storyfuse {

class LinearWeights {
 public:
  // Sets the weight of a named feature, stored as a float.
  void Set(const std::string& name, double weight);
  // Sum of the weights of `features` (keys of names; unknown keys weigh 0).
  double Sum(const std::vector<uint64_t>& features) const;
  // Appends "<name><TAB><weight>\n" for every non-zero weight, sorted by
  // name, each weight in "%.6g" (the model files' weight lines).
  void AppendLines(std::string* out) const;
  size_t size() const { return names_.size(); }

 private:
  HashedKeyMap<float> weights_;
  std::map<std::string, float> names_;  // for AppendLines(), sorted
};

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_LINEAR_WEIGHTS_H_
