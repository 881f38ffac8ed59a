// AveragedSgd: the optimizer the learned linear models of analyze/ share
// (the speaker ranker, the quote-piece classifier). Sparse weights keyed
// by feature hash, plain SGD with an L2 penalty per update and a step size
// that falls as 1/(pass + 1), and the averaged weights as the result
// (the average over all steps, kept in O(1) per update by summing
// step-weighted changes), which generalizes better than the last weights.
//
// Deterministic for a seed: passes shuffle the example order with
// mt19937_64. Not thread-safe.
#ifndef STORYFUSE_ANALYZE_AVERAGED_SGD_H_
#define STORYFUSE_ANALYZE_AVERAGED_SGD_H_

#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

namespace storyfuse {

class AveragedSgd {
 public:
  AveragedSgd(double learning_rate, double l2, uint64_t seed) : learning_rate_(learning_rate), l2_(l2), rng_(seed) {}

  // The indexes i < n with use[i] (all when `use` is empty): the examples
  // a model is trained on.
  static std::vector<size_t> Selected(size_t n, const std::vector<bool>& use);

  // Starts pass number `pass` (0, 1, ...): shuffles `order` in place and
  // sets the step size to learning_rate / (pass + 1).
  void StartPass(int pass, std::vector<size_t>* order);
  // Sum of the current weights of `features`.
  double Score(const std::vector<uint64_t>& features) const;
  // For each feature f: w[f] -= rate * (gradient + l2 * w[f]).
  void Update(const std::vector<uint64_t>& features, double gradient);
  // Ends one example: later updates count one step more in the average.
  void EndExample() { step_ += 1; }

  // Calls set(name, weight) with the averaged weight of every feature that
  // `names` names and whose average is not zero, in no fixed order.
  void Export(const std::unordered_map<uint64_t, std::string>& names,
              const std::function<void(const std::string&, double)>& set) const;

 private:
  double learning_rate_;
  double l2_;
  std::mt19937_64 rng_;
  double rate_ = 0;
  double step_ = 1;
  std::unordered_map<uint64_t, double> w_;    // current weights
  std::unordered_map<uint64_t, double> sum_;  // running sum of step-weighted updates
};

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_AVERAGED_SGD_H_
