#include "analyze/speaker_trainer.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace storyfuse {
namespace {

using Weights = std::unordered_map<uint64_t, double>;

// Step size of the first pass; pass k uses kLearningRate / (k + 1). Chosen
// by 10-fold cross-validation on PolNeAR train (0.1, 0.3, 1: 0.3 best).
constexpr double kLearningRate = 0.3;
// L2 penalty per update, against weights that only fit a few examples
// (cross-validated like kLearningRate: 0, 0.0001, 0.001).
constexpr double kL2 = 0.001;

double Score(const Weights& w, const std::vector<uint64_t>& features) {
  double s = 0;
  for (uint64_t f : features) {
    auto it = w.find(f);
    if (it != w.end()) s += it->second;
  }
  return s;
}

}  // namespace

bool SpeakerTrainer::Add(SpeakerExample example) {
  bool any_right = false, any_wrong = false;
  for (bool r : example.right) (r ? any_right : any_wrong) = true;
  if (!any_right || !any_wrong || example.right.size() != example.candidates.size()) return false;
  examples_.push_back(std::move(example));
  return true;
}

SpeakerModel SpeakerTrainer::Train(const std::vector<bool>& use, int epochs, uint64_t seed) const {
  std::vector<size_t> order;
  for (size_t i = 0; i < examples_.size(); ++i) {
    if (use.empty() || (i < use.size() && use[i])) order.push_back(i);
  }
  Weights w, sum;  // current weights; running sum of step-weighted updates (for the average)
  double step = 1;
  std::mt19937_64 rng(seed);
  std::vector<double> p;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    double rate = kLearningRate / (1 + epoch);
    for (size_t i : order) {
      const SpeakerExample& e = examples_[i];
      // Softmax over the candidates; the target spreads over the right ones
      // in proportion to their probability (the gradient of log P(right)).
      p.assign(e.candidates.size(), 0);
      double top = -HUGE_VAL;
      for (size_t c = 0; c < p.size(); ++c) top = std::max(top, p[c] = Score(w, e.candidates[c]));
      double z = 0, z_right = 0;
      for (size_t c = 0; c < p.size(); ++c) {
        p[c] = std::exp(p[c] - top);
        z += p[c];
        if (e.right[c]) z_right += p[c];
      }
      for (size_t c = 0; c < p.size(); ++c) {
        double gradient = p[c] / z - (e.right[c] ? p[c] / z_right : 0);
        if (gradient == 0) continue;
        for (uint64_t f : e.candidates[c]) {
          double& wf = w[f];
          double d = -rate * (gradient + kL2 * wf);
          wf += d;
          sum[f] += step * d;
        }
      }
      step += 1;
    }
  }
  SpeakerModel model;
  for (const auto& [f, v] : w) {
    double averaged = v - sum[f] / step;
    auto name = names_->find(f);
    if (name != names_->end() && averaged != 0) model.Set(name->second, averaged);
  }
  return model;
}

}  // namespace storyfuse
