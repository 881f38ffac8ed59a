#include "analyze/viterbi_decoder.h"

#include <array>
#include <limits>
#include <vector>

#include "analyze/entity_labels.h"

namespace storyfuse {
namespace {

constexpr int L = kNumLabels;
constexpr float kImpossible = -std::numeric_limits<float>::infinity();

// For each tag, the tags that may precede it: I and L have two (B and I
// of their kind), the others nine (O, and L and U of every kind). Looping
// over these alone is three times cheaper than over all pairs.
struct Predecessors {
  std::array<std::array<uint8_t, L>, L> tags{};
  std::array<int, L> count{};
};

const Predecessors& AllowedBefore() {
  static const Predecessors table = [] {
    Predecessors t;
    for (int q = 0; q < L; ++q) {
      for (int p = 0; p < L; ++p) {
        if (CanFollow(p, q)) t.tags[q][t.count[q]++] = static_cast<uint8_t>(p);
      }
    }
    return t;
  }();
  return table;
}

}  // namespace

void ViterbiDecoder::Decode(const float* emissions, size_t n, const float* transitions, uint8_t* labels) {
  Scratch scratch;
  Decode(emissions, n, transitions, labels, &scratch);
}

void ViterbiDecoder::Decode(const float* emissions, size_t n, const float* transitions, uint8_t* labels,
                            Scratch* scratch) {
  if (n == 0) return;
  const Predecessors& before = AllowedBefore();
  scratch->score.resize(n * L);
  scratch->back.resize(n * L);
  float* score = scratch->score.data();
  uint8_t* back = scratch->back.data();
  for (int q = 0; q < L; ++q) {
    score[q] = CanFollow(kOutsideLabel, q) ? transitions[kOutsideLabel * L + q] + emissions[q] : kImpossible;
  }
  for (size_t i = 1; i < n; ++i) {
    const float* prev = &score[(i - 1) * L];
    float* cur = &score[i * L];
    for (int q = 0; q < L; ++q) {
      float best = kImpossible;
      int arg = 0;
      for (int k = 0; k < before.count[q]; ++k) {
        int p = before.tags[q][k];
        float s = prev[p] + transitions[p * L + q];
        if (s > best) best = s, arg = p;
      }
      cur[q] = best + emissions[i * L + q];
      back[i * L + q] = static_cast<uint8_t>(arg);
    }
  }
  // The end: a tag that O may follow.
  const float* last = &score[(n - 1) * L];
  float best = kImpossible;
  int arg = kOutsideLabel;
  for (int k = 0; k < before.count[kOutsideLabel]; ++k) {
    int p = before.tags[kOutsideLabel][k];
    float s = last[p] + transitions[p * L + kOutsideLabel];
    if (s > best) best = s, arg = p;
  }
  for (size_t i = n; i-- > 0;) {
    labels[i] = static_cast<uint8_t>(arg);
    arg = back[i * L + arg];
  }
}

}  // namespace storyfuse
