#include "analyze/quote_piece_trainer.h"

#include <algorithm>
#include <cmath>

#include "analyze/averaged_sgd.h"

namespace storyfuse {
namespace {

// Step size of the first pass; pass k uses kLearningRate / (k + 1).
constexpr double kLearningRate = 0.1;
// L2 penalty per update, against weights fitted to a handful of pieces
// (the lexical features: the word before a mark).
constexpr double kL2 = 0.001;

}  // namespace

QuotePieceModel QuotePieceTrainer::Train(const std::vector<bool>& use, int epochs, uint64_t seed) const {
  std::vector<size_t> order = AveragedSgd::Selected(examples_.size(), use);
  AveragedSgd sgd(kLearningRate, kL2, seed);
  for (int epoch = 0; epoch < epochs; ++epoch) {
    sgd.StartPass(epoch, &order);
    for (size_t i : order) {
      const PieceExample& e = examples_[i];
      // The gradient of the log loss of a logistic model.
      double gradient = 1 / (1 + std::exp(-sgd.Score(e.features))) - (e.quote ? 1.0 : 0.0);
      sgd.Update(e.features, gradient);
      sgd.EndExample();
    }
  }
  QuotePieceModel model;
  sgd.Export(*names_, [&](const std::string& name, double w) { model.Set(name, w); });
  return model;
}

double QuotePieceTrainer::Threshold(std::vector<double> p, size_t max_lost) {
  if (max_lost == 0 || p.empty()) return 0;
  std::sort(p.begin(), p.end());
  if (max_lost >= p.size()) return p.back();
  // Dropping p[0..max_lost) loses max_lost positives: the threshold is
  // p[max_lost] itself (kept, as Keeps() is >=).
  return p[max_lost];
}

}  // namespace storyfuse
