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

void Centroid::Refresh(size_t k, const TermDictionary& terms, size_t top_terms, size_t top_names) {
  // One ranking serves the cut to k terms and both top lists: every Join
  // refreshes, and ranking 200 terms three times was 7% of clustering.
  std::vector<std::pair<float, uint32_t>> ranked;  // (-weight, term): strongest first, ties to the lower id
  ranked.reserve(sums_.size());
  for (const auto& [t, w] : sums_) ranked.emplace_back(-w * terms.Idf(t), t);
  if (ranked.size() > k) {
    std::nth_element(ranked.begin(), ranked.begin() + k, ranked.end());
    ranked.resize(k);
    TermWeights kept;
    kept.reserve(k);
    for (const auto& [score, t] : ranked) kept.emplace_back(t, sums_[IndexOf(t)].second);
    std::sort(kept.begin(), kept.end());
    sums_ = std::move(kept);
  }
  size_t m = std::min(std::max(top_terms, top_names), ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + m, ranked.end());
  top_terms_.clear();
  top_names_.clear();
  for (size_t i = 0; i < ranked.size() && (top_terms_.size() < top_terms || top_names_.size() < top_names); ++i) {
    // Past the first m, names come from the rest in rank order.
    if (i == m) std::sort(ranked.begin() + m, ranked.end());
    uint32_t t = ranked[i].second;
    if (top_terms_.size() < top_terms) top_terms_.push_back(t);
    if (top_names_.size() < top_names && terms.Kind(t) == TermKind::kName) top_names_.push_back(t);
  }
  double n[kTermKinds] = {0, 0, 0};
  for (const auto& [t, w] : sums_) {
    double x = w * terms.Idf(t);
    n[static_cast<int>(terms.Kind(t))] += x * x;
  }
  for (int i = 0; i < kTermKinds; ++i) norm_[i] = std::sqrt(n[i]);
}

size_t Centroid::IndexOf(uint32_t term) const {
  auto it = std::lower_bound(sums_.begin(), sums_.end(), std::make_pair(term, -1e30f));
  return static_cast<size_t>(it - sums_.begin());
}

KindCosines Centroid::Cosine(const TermWeights& article, const TermDictionary& terms) const {
  // A merge of two sorted lists: an array of the article's weights by term
  // id was faster at 50k articles and slower at 200k (cache misses in an
  // array as long as the vocabulary).
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

}  // namespace storyfuse
