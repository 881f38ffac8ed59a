// QuotePieceTrainer: learns QuotePieceModel weights from labelled pieces
// (feature keys, and whether the piece is a quote the annotators count).
// L2-regularized logistic regression by stochastic gradient descent; the
// weights averaged over all steps are the model. Threshold() picks the
// operating point that keeps a given share of the positives.
//
// Deterministic: each pass visits the examples in a Fisher-Yates shuffle
// driven by std::mt19937_64 from the given seed. Not thread-safe.
#ifndef STORYFUSE_ANALYZE_QUOTE_PIECE_TRAINER_H_
#define STORYFUSE_ANALYZE_QUOTE_PIECE_TRAINER_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "analyze/quote_piece_model.h"

namespace storyfuse {

struct PieceExample {
  std::vector<uint64_t> features;
  bool quote = false;
};

class QuotePieceTrainer {
 public:
  // `names` maps every feature key to its name; it must outlive the trainer.
  explicit QuotePieceTrainer(const std::unordered_map<uint64_t, std::string>* names) : names_(names) {}

  void Add(PieceExample example) { examples_.push_back(std::move(example)); }
  size_t size() const { return examples_.size(); }
  const PieceExample& example(size_t i) const { return examples_[i]; }

  // A model (threshold 0) trained on the examples i with use[i] (all when
  // `use` is empty), in `epochs` passes.
  QuotePieceModel Train(const std::vector<bool>& use, int epochs, uint64_t seed) const;

  // The highest threshold at which at most `max_lost` of the positives
  // (given by their probabilities) fall below it; 0 when max_lost < 1.
  static double Threshold(std::vector<double> positive_probabilities, size_t max_lost);

 private:
  const std::unordered_map<uint64_t, std::string>* names_;
  std::vector<PieceExample> examples_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_QUOTE_PIECE_TRAINER_H_
