#include "analyze/speaker_trainer.h"

#include <algorithm>
#include <cmath>

#include "analyze/averaged_sgd.h"

namespace storyfuse {
namespace {

// Step size of the first pass; pass k uses kLearningRate / (k + 1). Chosen
// by 10-fold cross-validation on PolNeAR train (0.1, 0.3, 1: 0.3 best).
constexpr double kLearningRate = 0.3;
// L2 penalty per update, against weights that only fit a few examples
// (cross-validated like kLearningRate: 0, 0.0001, 0.001).
constexpr double kL2 = 0.001;

}  // namespace

bool SpeakerTrainer::Add(SpeakerExample example) {
  bool any_right = false, any_wrong = false;
  for (bool r : example.right) (r ? any_right : any_wrong) = true;
  if (!any_right || !any_wrong || example.right.size() != example.candidates.size()) return false;
  examples_.push_back(std::move(example));
  return true;
}

SpeakerModel SpeakerTrainer::Train(const std::vector<bool>& use, int epochs, uint64_t seed) const {
  std::vector<size_t> order = AveragedSgd::Selected(examples_.size(), use);
  AveragedSgd sgd(kLearningRate, kL2, seed);
  std::vector<double> p;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    sgd.StartPass(epoch, &order);
    for (size_t i : order) {
      const SpeakerExample& e = examples_[i];
      // Softmax over the candidates; the target spreads over the right ones
      // in proportion to their probability (the gradient of log P(right)).
      p.assign(e.candidates.size(), 0);
      double top = -HUGE_VAL;
      for (size_t c = 0; c < p.size(); ++c) top = std::max(top, p[c] = sgd.Score(e.candidates[c]));
      double z = 0, z_right = 0;
      for (size_t c = 0; c < p.size(); ++c) {
        p[c] = std::exp(p[c] - top);
        z += p[c];
        if (e.right[c]) z_right += p[c];
      }
      for (size_t c = 0; c < p.size(); ++c) {
        double gradient = p[c] / z - (e.right[c] ? p[c] / z_right : 0);
        if (gradient != 0) sgd.Update(e.candidates[c], gradient);
      }
      sgd.EndExample();
    }
  }
  SpeakerModel model;
  sgd.Export(*names_, [&](const std::string& name, double w) { model.Set(name, w); });
  return model;
}

}  // namespace storyfuse
