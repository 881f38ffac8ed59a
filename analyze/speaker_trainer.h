// SpeakerTrainer: learns SpeakerModel weights from labelled choices. Each
// example is one quoted piece: the feature keys of its candidates
// (SpeakerCandidates) and which candidates are right (they overlap the
// annotated source). Training is an averaged perceptron ranker: for each
// example it scores the candidates, and when the best is wrong moves the
// weights toward the best right candidate and away from the chosen one;
// the weights averaged over all steps are the model.
//
// Deterministic: the example order of each pass is a Fisher-Yates shuffle
// driven by std::mt19937_64 (whose output the standard fixes) from the
// given seed. Not thread-safe.
#ifndef STORYFUSE_ANALYZE_SPEAKER_TRAINER_H_
#define STORYFUSE_ANALYZE_SPEAKER_TRAINER_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "analyze/speaker_model.h"

namespace storyfuse {

struct SpeakerExample {
  std::vector<std::vector<uint64_t>> candidates;  // feature keys of each candidate
  std::vector<bool> right;                        // per candidate
};

class SpeakerTrainer {
 public:
  // `names` maps every feature key the examples use to its name (see
  // SpeakerCandidates::RecordNames); it must outlive the trainer.
  explicit SpeakerTrainer(const std::unordered_map<uint64_t, std::string>* names) : names_(names) {}

  // Adds an example with at least one right and one wrong candidate (others
  // teach nothing and are ignored); returns whether it was added.
  bool Add(SpeakerExample example);
  size_t size() const { return examples_.size(); }

  // A model trained on the examples whose index i has use[i] (all when
  // `use` is empty), in `epochs` passes.
  SpeakerModel Train(const std::vector<bool>& use, int epochs, uint64_t seed) const;

 private:
  const std::unordered_map<uint64_t, std::string>* names_;
  std::vector<SpeakerExample> examples_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_SPEAKER_TRAINER_H_
