// Centroid: a story's bounded term profile. Holds, per term, the sum over
// the story's articles of the idf-free part of their unit weights, and is
// weighted by the current idf whenever it is compared, so document
// frequencies learned after an article joined still count.
//
// Not thread-safe.
#ifndef STORYFUSE_CLUSTER_CENTROID_H_
#define STORYFUSE_CLUSTER_CENTROID_H_

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "cluster/term_dictionary.h"

namespace storyfuse {

// Sparse vector, sorted by term id.
using TermWeights = std::vector<std::pair<uint32_t, float>>;

constexpr int kTermKinds = 3;
// One cosine per TermKind (words, names, numbers): each kind of evidence is
// normalized on its own, so a long article's many words do not drown its
// few names.
struct KindCosines {
  double by_kind[kTermKinds] = {0, 0, 0};
};

class Centroid {
 public:
  // Adds one article's idf-free weights.
  void Add(const TermWeights& weights);
  // Adds another centroid (a merged story).
  void Merge(const Centroid& other);
  // Keeps the `k` terms of largest weight (weighted by the current idf),
  // recomputes the norms, and keeps the `top_terms` strongest terms and the
  // `top_names` strongest names, strongest first (ties: lower id).
  void Refresh(size_t k, const TermDictionary& terms, size_t top_terms = 0, size_t top_names = 0);

  // Cosines with an article's vector `article` (idf applied, each kind of
  // term of unit length).
  KindCosines Cosine(const TermWeights& article, const TermDictionary& terms) const;
  // Cosines with another centroid.
  KindCosines Cosine(const Centroid& other, const TermDictionary& terms) const;

  // As of the last Refresh.
  const std::vector<uint32_t>& top_terms() const { return top_terms_; }
  const std::vector<uint32_t>& top_names() const { return top_names_; }
  // True when `term` is among the kept terms.
  bool Contains(uint32_t term) const;

  // The length of kind `kind` of the idf-weighted sums, as of the last
  // Refresh: the cosine with a unit vector times it is the sum, over the
  // story's articles, of their dot products with that vector.
  double norm(int kind) const { return norm_[kind]; }

  // Asks the CPU to bring the kept terms into cache, which Cosine then
  // reads in full (no effect on results).
  void Prefetch() const {
    constexpr size_t kPerLine = 64 / sizeof(sums_[0]);
    for (size_t i = 0; i < sums_.size(); i += kPerLine) __builtin_prefetch(sums_.data() + i);
  }

  size_t size() const { return sums_.size(); }
  // The kept terms' idf-free sums, sorted by term.
  const TermWeights& sums() const { return sums_; }
  size_t MemoryBytes() const {
    return sums_.capacity() * sizeof(sums_[0]) + (top_terms_.capacity() + top_names_.capacity()) * 4;
  }

 private:
  TermWeights sums_;
  std::vector<uint32_t> top_terms_, top_names_;
  double norm_[kTermKinds] = {0, 0, 0};  // per kind, of the idf-weighted sums, as of Refresh
};

}  // namespace storyfuse

#endif  // STORYFUSE_CLUSTER_CENTROID_H_
