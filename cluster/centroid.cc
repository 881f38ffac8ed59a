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
  // Advancing by comparison results instead of branching on them: which
  // list moves next is a coin toss the branch predictor loses about half
  // the time, and this loop is the most frequent one in clustering. Only
  // the rarer shared term branches.
  KindCosines dot;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    uint32_t x = a[i].first, y = b[j].first;
    if (x == y) dot.by_kind[static_cast<int>(terms.Kind(x))] += fn(x, a[i].second, b[j].second);
    i += x <= y;
    j += y <= x;
  }
  return dot;
}

// A kept term by strength: strongest first, ties to the lower id.
struct Ranked {
  float neg_weight;  // -(sum × idf)
  uint32_t term;
  float sum;
  bool operator<(const Ranked& o) const {
    return neg_weight != o.neg_weight ? neg_weight < o.neg_weight : term < o.term;
  }
};

// The terms of the `m` first entries of `ranked` in its order (partly
// sorted in place).
std::vector<uint32_t> Strongest(std::vector<Ranked>* ranked, size_t m) {
  m = std::min(m, ranked->size());
  std::partial_sort(ranked->begin(), ranked->begin() + m, ranked->end());
  std::vector<uint32_t> out;
  out.reserve(m);
  for (size_t i = 0; i < m; ++i) out.push_back((*ranked)[i].term);
  return out;
}

}  // namespace

void Centroid::Add(const TermWeights& weights) { sums_ = Sum(sums_, weights); }

void Centroid::Merge(const Centroid& other) { sums_ = Sum(sums_, other.sums_); }

void Centroid::Refresh(size_t k, const TermDictionary& terms, size_t top_terms, size_t top_names) {
  // One ranking serves the cut to k terms and both top lists: every Join
  // refreshes, and ranking 200 terms three times was 7% of clustering.
  std::vector<Ranked> ranked;
  ranked.reserve(sums_.size());
  for (const auto& [t, w] : sums_) ranked.push_back({static_cast<float>(-w * terms.Idf(t)), t, w});
  if (ranked.size() > k) {
    std::nth_element(ranked.begin(), ranked.begin() + k, ranked.end());
    ranked.resize(k);
    TermWeights kept;
    kept.reserve(k);
    for (const Ranked& r : ranked) kept.emplace_back(r.term, r.sum);
    std::sort(kept.begin(), kept.end());
    sums_ = std::move(kept);
  }
  std::vector<Ranked> names;
  for (const Ranked& r : ranked) {
    if (terms.Kind(r.term) == TermKind::kName) names.push_back(r);
  }
  top_terms_ = Strongest(&ranked, top_terms);
  top_names_ = Strongest(&names, top_names);
  double n[kTermKinds] = {0, 0, 0};
  for (const auto& [t, w] : sums_) {
    double x = w * terms.Idf(t);
    n[static_cast<int>(terms.Kind(t))] += x * x;
  }
  for (int i = 0; i < kTermKinds; ++i) norm_[i] = std::sqrt(n[i]);
}

KindCosines Centroid::Cosine(const TermWeights& article, const TermDictionary& terms) const {
  // A merge of two sorted lists: an array of the article's weights by term
  // id was faster at 50k articles and slower at 200k (cache misses in an
  // array as long as the vocabulary).
  KindCosines c = DotBy(article, sums_, terms, [&](uint32_t t, float a, float s) { return a * s * terms.Idf(t); });
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
