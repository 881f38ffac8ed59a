#include "cluster/centroid.h"

#include <algorithm>
#include <cmath>

namespace storyfuse {
namespace {

// Sorted merge of two sparse vectors, summing shared terms.
TermWeights Sum(const TermWeights& a, const TermWeights& b) {
  TermWeights out;
  out.reserve(a.size() + b.size());
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a[i].first < b[j].first)) {
      out.push_back(a[i++]);
    } else if (i == a.size() || b[j].first < a[i].first) {
      out.push_back(b[j++]);
    } else {
      out.emplace_back(a[i].first, a[i].second + b[j].second);
      ++i, ++j;
    }
  }
  return out;
}

// Per kind, Σ over shared terms of fn(term, weight in a, weight in b).
template <typename Fn>
KindCosines DotBy(const TermWeights& a, const TermWeights& b, const TermDictionary& terms, Fn&& fn) {
  KindCosines dot;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) {
      ++i;
    } else if (b[j].first < a[i].first) {
      ++j;
    } else {
      dot.by_kind[static_cast<int>(terms.Kind(a[i].first))] += fn(a[i].first, a[i].second, b[j].second);
      ++i, ++j;
    }
  }
  return dot;
}

}  // namespace

void Centroid::Add(const TermWeights& weights) { sums_ = Sum(sums_, weights); }

void Centroid::Merge(const Centroid& other) { sums_ = Sum(sums_, other.sums_); }

void Centroid::Refresh(size_t k, const TermDictionary& terms) {
  if (sums_.size() > k) {
    std::vector<std::pair<float, uint32_t>> ranked;  // (weight, index)
    ranked.reserve(sums_.size());
    for (size_t i = 0; i < sums_.size(); ++i) {
      ranked.emplace_back(sums_[i].second * terms.Idf(sums_[i].first), static_cast<uint32_t>(i));
    }
    // Ties go to the lower term id, for determinism.
    std::nth_element(ranked.begin(), ranked.begin() + k, ranked.end(), [&](auto& x, auto& y) {
      return x.first != y.first ? x.first > y.first : sums_[x.second].first < sums_[y.second].first;
    });
    TermWeights kept;
    kept.reserve(k);
    for (size_t i = 0; i < k; ++i) kept.push_back(sums_[ranked[i].second]);
    std::sort(kept.begin(), kept.end());
    sums_ = std::move(kept);
  }
  double n[kTermKinds] = {0, 0, 0};
  for (const auto& [t, w] : sums_) {
    double x = w * terms.Idf(t);
    n[static_cast<int>(terms.Kind(t))] += x * x;
  }
  for (int k = 0; k < kTermKinds; ++k) norm_[k] = std::sqrt(n[k]);
}

KindCosines Centroid::Cosine(const TermWeights& article, const TermDictionary& terms) const {
  KindCosines c = DotBy(article, sums_, terms, [&](uint32_t t, float a, float s) {
    return a * s * terms.Idf(t);
  });
  for (int k = 0; k < kTermKinds; ++k) c.by_kind[k] = norm_[k] > 0 ? c.by_kind[k] / norm_[k] : 0;
  return c;
}

KindCosines Centroid::Cosine(const Centroid& other, const TermDictionary& terms) const {
  KindCosines c = DotBy(sums_, other.sums_, terms, [&](uint32_t t, float a, float b) {
    double idf = terms.Idf(t);
    return a * b * idf * idf;
  });
  for (int k = 0; k < kTermKinds; ++k) {
    double n = norm_[k] * other.norm_[k];
    c.by_kind[k] = n > 0 ? c.by_kind[k] / n : 0;
  }
  return c;
}

bool Centroid::Contains(uint32_t term) const {
  auto it = std::lower_bound(sums_.begin(), sums_.end(), std::make_pair(term, -1e30f));
  return it != sums_.end() && it->first == term;
}

std::vector<uint32_t> Centroid::TopTerms(size_t m, const TermDictionary& terms,
                                         const TermKind* kind) const {
  std::vector<std::pair<float, uint32_t>> ranked;
  ranked.reserve(sums_.size());
  for (const auto& [t, w] : sums_) {
    if (kind == nullptr || terms.Kind(t) == *kind) ranked.emplace_back(-w * terms.Idf(t), t);
  }
  m = std::min(m, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + m, ranked.end());
  std::vector<uint32_t> out;
  for (size_t i = 0; i < m; ++i) out.push_back(ranked[i].second);
  return out;
}

}  // namespace storyfuse
