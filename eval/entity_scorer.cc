#include "eval/entity_scorer.h"

#include <algorithm>

namespace storyfuse {
namespace {

bool Scored(NameKind kind) { return kind != NameKind::kMisc; }

bool Overlaps(const NameSpan& a, const NameSpan& b) { return std::max(a.begin, b.begin) < std::min(a.end, b.end); }

double Ratio(size_t num, size_t den) { return den == 0 ? 0.0 : static_cast<double>(num) / den; }

double Harmonic(double p, double r) { return p + r == 0 ? 0.0 : 2 * p * r / (p + r); }

}  // namespace

std::vector<MentionVerdict> EntityScorer::Add(const std::vector<NameSpan>& gold,
                                              const std::vector<NameSpan>& predicted) {
  for (const NameSpan& g : gold) {
    if (Scored(g.kind)) ++scores_.gold[static_cast<int>(g.kind)];
  }
  std::vector<bool> used(gold.size(), false);
  std::vector<MentionVerdict> verdicts;
  verdicts.reserve(predicted.size());
  for (const NameSpan& p : predicted) {
    if (!Scored(p.kind)) {
      ++scores_.ignored;
      verdicts.push_back(MentionVerdict::kIgnored);
      continue;
    }
    bool misc = false, scored_overlap = false;
    int exact = -1;
    for (size_t i = 0; i < gold.size(); ++i) {
      if (!Overlaps(p, gold[i])) continue;
      if (!Scored(gold[i].kind)) {
        misc = true;
        continue;
      }
      scored_overlap = true;
      if (gold[i] == p && !used[i] && exact < 0) exact = static_cast<int>(i);
    }
    if (misc && !scored_overlap) {
      ++scores_.ignored;
      verdicts.push_back(MentionVerdict::kIgnored);
      continue;
    }
    int k = static_cast<int>(p.kind);
    ++scores_.predicted[k];
    if (exact >= 0) {
      used[exact] = true;
      ++scores_.correct[k];
      verdicts.push_back(MentionVerdict::kCorrect);
    } else {
      verdicts.push_back(MentionVerdict::kWrong);
    }
  }
  return verdicts;
}

double EntityScores::Precision() const {
  size_t c = 0, p = 0;
  for (int k = 0; k < kScoredKinds; ++k) c += correct[k], p += predicted[k];
  return Ratio(c, p);
}

double EntityScores::Recall() const {
  size_t c = 0, g = 0;
  for (int k = 0; k < kScoredKinds; ++k) c += correct[k], g += gold[k];
  return Ratio(c, g);
}

double EntityScores::F1() const { return Harmonic(Precision(), Recall()); }

double EntityScores::Precision(NameKind kind) const {
  int k = static_cast<int>(kind);
  return k < kScoredKinds ? Ratio(correct[k], predicted[k]) : 0.0;
}

double EntityScores::Recall(NameKind kind) const {
  int k = static_cast<int>(kind);
  return k < kScoredKinds ? Ratio(correct[k], gold[k]) : 0.0;
}

double EntityScores::F1(NameKind kind) const { return Harmonic(Precision(kind), Recall(kind)); }

}  // namespace storyfuse
