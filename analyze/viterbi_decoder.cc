#include "analyze/viterbi_decoder.h"

#include <array>
#include <limits>
#include <vector>

#include "analyze/entity_labels.h"

namespace storyfuse {
namespace {

constexpr int L = kNumLabels;
constexpr float kImpossible = -std::numeric_limits<float>::infinity();

// allowed[p][q]: tag q may follow tag p.
const std::array<std::array<bool, L>, L>& Allowed() {
  static const auto table = [] {
    std::array<std::array<bool, L>, L> t{};
    for (int p = 0; p < L; ++p) {
      for (int q = 0; q < L; ++q) t[p][q] = CanFollow(p, q);
    }
    return t;
  }();
  return table;
}

}  // namespace

void ViterbiDecoder::Decode(const float* emissions, size_t n, const float* transitions, uint8_t* labels) {
  if (n == 0) return;
  const auto& allowed = Allowed();
  std::vector<float> score(n * L);
  std::vector<uint8_t> back(n * L, 0);
  for (int q = 0; q < L; ++q) {
    score[q] = allowed[kOutsideLabel][q] ? transitions[kOutsideLabel * L + q] + emissions[q] : kImpossible;
  }
  for (size_t i = 1; i < n; ++i) {
    const float* prev = &score[(i - 1) * L];
    float* cur = &score[i * L];
    for (int q = 0; q < L; ++q) {
      float best = kImpossible;
      int arg = 0;
      for (int p = 0; p < L; ++p) {
        if (!allowed[p][q] || prev[p] == kImpossible) continue;
        float s = prev[p] + transitions[p * L + q];
        if (s > best) best = s, arg = p;
      }
      cur[q] = best == kImpossible ? kImpossible : best + emissions[i * L + q];
      back[i * L + q] = static_cast<uint8_t>(arg);
    }
  }
  const float* last = &score[(n - 1) * L];
  float best = kImpossible;
  int arg = kOutsideLabel;
  for (int p = 0; p < L; ++p) {
    if (!allowed[p][kOutsideLabel] || last[p] == kImpossible) continue;
    float s = last[p] + transitions[p * L + kOutsideLabel];
    if (s > best) best = s, arg = p;
  }
  for (size_t i = n; i-- > 0;) {
    labels[i] = static_cast<uint8_t>(arg);
    arg = back[i * L + arg];
  }
}

}  // namespace storyfuse
