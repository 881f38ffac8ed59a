#include "analyze/averaged_sgd.h"

#include <utility>

namespace storyfuse {

std::vector<size_t> AveragedSgd::Selected(size_t n, const std::vector<bool>& use) {
  std::vector<size_t> order;
  for (size_t i = 0; i < n; ++i) {
    if (use.empty() || (i < use.size() && use[i])) order.push_back(i);
  }
  return order;
}

void AveragedSgd::StartPass(int pass, std::vector<size_t>* order) {
  // Fisher-Yates by hand, not std::shuffle: its draws differ between
  // standard libraries, and a retrain must give the same file anywhere.
  for (size_t i = order->size(); i > 1; --i) std::swap((*order)[i - 1], (*order)[rng_() % i]);
  rate_ = learning_rate_ / (1 + pass);
}

double AveragedSgd::Score(const std::vector<uint64_t>& features) const {
  double s = 0;
  for (uint64_t f : features) {
    auto it = w_.find(f);
    if (it != w_.end()) s += it->second;
  }
  return s;
}

void AveragedSgd::Update(const std::vector<uint64_t>& features, double gradient) {
  for (uint64_t f : features) {
    double& wf = w_[f];
    double d = -rate_ * (gradient + l2_ * wf);
    wf += d;
    sum_[f] += step_ * d;
  }
}

void AveragedSgd::Export(const std::unordered_map<uint64_t, std::string>& names,
                         const std::function<void(const std::string&, double)>& set) const {
  for (const auto& [f, v] : w_) {
    auto s = sum_.find(f);
    double averaged = v - (s == sum_.end() ? 0 : s->second) / step_;
    auto name = names.find(f);
    if (name != names.end() && averaged != 0) set(name->second, averaged);
  }
}

}  // namespace storyfuse
