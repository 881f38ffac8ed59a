#include "analyze/linear_weights.h"

#include <cstdio>

#include "analyze/speaker_model.h"

namespace storyfuse {

void LinearWeights::Set(const std::string& name, double weight) {
  float w = static_cast<float>(weight);
  auto [slot, fresh] = weights_.Insert(SpeakerFeatureId(name), w);
  if (!fresh) *slot = w;
  names_[name] = w;
}

double LinearWeights::Sum(const std::vector<uint64_t>& features) const {
  double s = 0;
  for (uint64_t f : features) {
    if (const float* w = weights_.Find(f)) s += *w;
  }
  return s;
}

void LinearWeights::AppendLines(std::string* out) const {
  char buf[32];
  for (const auto& [name, w] : names_) {
    if (w == 0) continue;
    std::snprintf(buf, sizeof(buf), "%.6g", static_cast<double>(w));
    *out += name + "\t" + buf + "\n";
  }
}

}  // namespace storyfuse
