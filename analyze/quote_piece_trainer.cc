#include "analyze/quote_piece_trainer.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace storyfuse {
namespace {

using Weights = std::unordered_map<uint64_t, double>;

// Step size of the first pass; pass k uses kLearningRate / (k + 1).
constexpr double kLearningRate = 0.1;
// L2 penalty per update, against weights fitted to a handful of pieces
// (the lexical features: the word before a mark).
constexpr double kL2 = 0.001;

}  // namespace

QuotePieceModel QuotePieceTrainer::Train(const std::vector<bool>& use, int epochs, uint64_t seed) const {
  std::vector<size_t> order;
  for (size_t i = 0; i < examples_.size(); ++i) {
    if (use.empty() || (i < use.size() && use[i])) order.push_back(i);
  }
  Weights w, sum;  // current weights; running sum of step-weighted updates (for the average)
  double step = 1;
  std::mt19937_64 rng(seed);
  for (int epoch = 0; epoch < epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    double rate = kLearningRate / (1 + epoch);
    for (size_t i : order) {
      const PieceExample& e = examples_[i];
      double s = 0;
      for (uint64_t f : e.features) {
        auto it = w.find(f);
        if (it != w.end()) s += it->second;
      }
      double gradient = 1 / (1 + std::exp(-s)) - (e.quote ? 1.0 : 0.0);
      for (uint64_t f : e.features) {
        double& wf = w[f];
        double d = -rate * (gradient + kL2 * wf);
        wf += d;
        sum[f] += step * d;
      }
      step += 1;
    }
  }
  QuotePieceModel model;
  for (const auto& [f, v] : w) {
    double averaged = v - sum[f] / step;
    auto name = names_->find(f);
    if (name != names_->end() && averaged != 0) model.Set(name->second, averaged);
  }
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
