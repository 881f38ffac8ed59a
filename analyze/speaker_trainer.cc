#include "analyze/speaker_trainer.h"

#include <random>

namespace storyfuse {
namespace {

using Weights = std::unordered_map<uint64_t, double>;

double Score(const Weights& w, const std::vector<uint64_t>& features) {
  double s = 0;
  for (uint64_t f : features) {
    auto it = w.find(f);
    if (it != w.end()) s += it->second;
  }
  return s;
}

// Index of the highest-scoring candidate among those `allowed` (the first
// on ties).
size_t ArgMax(const Weights& w, const SpeakerExample& e, bool right_only) {
  size_t best = e.candidates.size();
  double best_score = 0;
  for (size_t i = 0; i < e.candidates.size(); ++i) {
    if (right_only && !e.right[i]) continue;
    double s = Score(w, e.candidates[i]);
    if (best == e.candidates.size() || s > best_score) {
      best = i;
      best_score = s;
    }
  }
  return best;
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
  Weights w, sum;  // current weights; their running sum of step-weighted updates
  double step = 1;
  std::mt19937_64 rng(seed);
  for (int epoch = 0; epoch < epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    for (size_t i : order) {
      const SpeakerExample& e = examples_[i];
      size_t chosen = ArgMax(w, e, false);
      if (!e.right[chosen]) {
        size_t target = ArgMax(w, e, true);
        for (uint64_t f : e.candidates[target]) {
          w[f] += 1;
          sum[f] += step;
        }
        for (uint64_t f : e.candidates[chosen]) {
          w[f] -= 1;
          sum[f] -= step;
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

size_t SpeakerTrainer::Best(const SpeakerModel& model, const std::vector<std::vector<uint64_t>>& candidates) {
  size_t best = 0;
  double best_score = 0;
  for (size_t i = 0; i < candidates.size(); ++i) {
    double s = model.Score(candidates[i]);
    if (i == 0 || s > best_score) {
      best = i;
      best_score = s;
    }
  }
  return best;
}

}  // namespace storyfuse
