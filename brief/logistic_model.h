// LogisticModel: a logistic regression over standardized features, the
// statement matcher's classifier. Fit() is deterministic (Newton's method
// from zero weights, no sampling): the same data gives the same model.
//
// Values; thread-safe for const use.
#ifndef STORYFUSE_BRIEF_LOGISTIC_MODEL_H_
#define STORYFUSE_BRIEF_LOGISTIC_MODEL_H_

#include <vector>

namespace storyfuse {

struct LogisticModel {
  // Per feature: x is first clipped to [low, high], the range seen in
  // training (a linear model extrapolates badly), then
  // x' = (x - mean) / scale, and p = σ(bias + Σ weight·x').
  std::vector<double> low;
  std::vector<double> high;
  std::vector<double> mean;
  std::vector<double> scale;
  std::vector<double> weights;
  double bias = 0;

  // P(y = 1 | x); `x` has weights.size() values.
  double Probability(const std::vector<float>& x) const;

  // Maximizes the log-likelihood of `y` (0/1) given `x` minus
  // l2/2·|weights|² (the bias is not penalized). Rows must all have the
  // same length; empty input gives a model that always says 0.5.
  static LogisticModel Fit(const std::vector<std::vector<float>>& x, const std::vector<int>& y, double l2);
};

}  // namespace storyfuse

#endif  // STORYFUSE_BRIEF_LOGISTIC_MODEL_H_
