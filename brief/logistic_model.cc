#include "brief/logistic_model.h"

#include <algorithm>
#include <cmath>

namespace storyfuse {
namespace {

// Newton steps: the objective is smooth and convex, a few dozen steps
// reach machine precision on a few thousand rows.
constexpr int kMaxIterations = 50;
constexpr double kTolerance = 1e-10;
// A feature constant over the data keeps scale 1 (its weight stays 0).
constexpr double kMinScale = 1e-9;

double Sigmoid(double z) { return z >= 0 ? 1 / (1 + std::exp(-z)) : std::exp(z) / (1 + std::exp(z)); }

// Solves h·d = g in place (h symmetric positive definite) by Cholesky.
std::vector<double> Solve(std::vector<std::vector<double>> h, std::vector<double> g) {
  size_t n = g.size();
  for (size_t j = 0; j < n; ++j) {
    double d = h[j][j];
    for (size_t k = 0; k < j; ++k) d -= h[j][k] * h[j][k];
    d = std::sqrt(std::max(d, 1e-12));
    h[j][j] = d;
    for (size_t i = j + 1; i < n; ++i) {
      double s = h[i][j];
      for (size_t k = 0; k < j; ++k) s -= h[i][k] * h[j][k];
      h[i][j] = s / d;
    }
  }
  for (size_t i = 0; i < n; ++i) {
    for (size_t k = 0; k < i; ++k) g[i] -= h[i][k] * g[k];
    g[i] /= h[i][i];
  }
  for (size_t i = n; i-- > 0;) {
    for (size_t k = i + 1; k < n; ++k) g[i] -= h[k][i] * g[k];
    g[i] /= h[i][i];
  }
  return g;
}

}  // namespace

double LogisticModel::Probability(const std::vector<float>& x) const {
  double z = bias;
  for (size_t i = 0; i < weights.size() && i < x.size(); ++i) {
    double v = std::clamp<double>(x[i], low[i], high[i]);
    z += weights[i] * (v - mean[i]) / scale[i];
  }
  return Sigmoid(z);
}

LogisticModel LogisticModel::Fit(const std::vector<std::vector<float>>& x, const std::vector<int>& y, double l2) {
  LogisticModel m;
  if (x.empty()) return m;
  size_t d = x[0].size(), n = x.size();
  m.mean.assign(d, 0);
  m.scale.assign(d, 0);
  m.low.assign(x[0].begin(), x[0].end());
  m.high.assign(x[0].begin(), x[0].end());
  for (const auto& row : x) {
    for (size_t j = 0; j < d; ++j) {
      m.mean[j] += row[j];
      m.low[j] = std::min<double>(m.low[j], row[j]);
      m.high[j] = std::max<double>(m.high[j], row[j]);
    }
  }
  for (double& v : m.mean) v /= n;
  for (const auto& row : x) {
    for (size_t j = 0; j < d; ++j) m.scale[j] += (row[j] - m.mean[j]) * (row[j] - m.mean[j]);
  }
  for (double& v : m.scale) v = std::max(std::sqrt(v / n), kMinScale);
  // z rows: the standardized features with a leading 1 for the bias.
  std::vector<std::vector<double>> z(n, std::vector<double>(d + 1, 1));
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < d; ++j) z[i][j + 1] = (x[i][j] - m.mean[j]) / m.scale[j];
  }
  std::vector<double> w(d + 1, 0);
  for (int iter = 0; iter < kMaxIterations; ++iter) {
    std::vector<double> g(d + 1, 0);
    std::vector<std::vector<double>> h(d + 1, std::vector<double>(d + 1, 0));
    for (size_t i = 0; i < n; ++i) {
      double s = 0;
      for (size_t j = 0; j <= d; ++j) s += w[j] * z[i][j];
      double p = Sigmoid(s), r = y[i] - p, v = p * (1 - p);
      for (size_t j = 0; j <= d; ++j) {
        g[j] += r * z[i][j];
        for (size_t k = 0; k <= j; ++k) h[j][k] += v * z[i][j] * z[i][k];
      }
    }
    for (size_t j = 1; j <= d; ++j) {
      g[j] -= l2 * w[j];
      h[j][j] += l2;
    }
    h[0][0] += 1e-9;
    for (size_t j = 0; j <= d; ++j) {
      for (size_t k = j + 1; k <= d; ++k) h[j][k] = h[k][j];
    }
    std::vector<double> step = Solve(h, g);
    double change = 0;
    for (size_t j = 0; j <= d; ++j) {
      w[j] += step[j];
      change = std::max(change, std::fabs(step[j]));
    }
    if (change < kTolerance) break;
  }
  m.bias = w[0];
  m.weights.assign(w.begin() + 1, w.end());
  return m;
}

}  // namespace storyfuse
