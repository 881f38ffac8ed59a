// ArticleVector: one article's clustering evidence as weighted terms, and
// the score that compares it with a story or with another article.
//
// Weights are sublinear tf x idf (1 + ln count, times TermDictionary::Idf),
// and each kind of term (words, names, numbers) is scaled to unit length on
// its own, so a long article's many words do not drown its few names.
// StoryIndex scores articles against story centroids with these vectors;
// the offline reference (ArticleVector::Cosine between two articles) uses
// the same weights and the same Combine, so the two are comparable.
//
// Plain values; thread-compatible.
#ifndef STORYFUSE_CLUSTER_ARTICLE_VECTOR_H_
#define STORYFUSE_CLUSTER_ARTICLE_VECTOR_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "cluster/centroid.h"
#include "cluster/feature_extractor.h"
#include "cluster/term_dictionary.h"

namespace storyfuse {

// How much each kind of evidence counts, relative to words (weight 1).
struct KindWeights {
  double names = 0.5;
  double numbers = 0.5;
};

struct ArticleVector {
  TermWeights weighted;    // idf applied, unit length per kind, sorted by term
  TermWeights unweighted;  // the same scaling without idf (what a Centroid sums)
  bool has_kind[kTermKinds] = {false, false, false};
  std::vector<uint32_t> salient;  // names said at least twice, strongest first

  // The vector of `features` under the current document frequencies of
  // `terms`, keeping up to `salient_names` salient names.
  static ArticleVector Of(const ArticleFeatures& features, const TermDictionary& terms, size_t salient_names);

  // Per-kind cosines of two article vectors.
  static KindCosines Cosine(const ArticleVector& a, const ArticleVector& b, const TermDictionary& terms);
};

// True when sorted `v` holds `term`.
bool HasTerm(const TermWeights& v, uint32_t term);

// The weighted mean of the per-kind cosines over the kinds `has_kind`
// marks: (words + names·w + numbers·w) / (sum of the weights counted).
// 0 when no kind is marked.
double CombineKinds(const KindCosines& c, const bool* has_kind, const KindWeights& weights);

// How two articles are compared: the weights of the kinds, and the factor
// applied when each names someone at its centre the other never names.
struct PairScoring {
  KindWeights weights;
  double conflict_factor = 0.7;
};

// The score StoryIndex gives an article against a story, between two
// articles: CombineKinds over the kinds either has, times conflict_factor
// when each has a salient name the other lacks (another event of a kind).
// Symmetric.
double PairScore(const ArticleVector& a, const ArticleVector& b, const TermDictionary& terms,
                 const PairScoring& scoring);

// PairScore of one article against many, the same to the last bit and
// faster: the focused article's weights are spread over an array indexed
// by term, so each other article costs one pass over its own terms instead
// of a merge of two lists. Holds a float per term of the dictionary.
// `terms` must outlive this; it may grow between calls. Not thread-safe.
class FocusedPairScore {
 public:
  FocusedPairScore(const TermDictionary& terms, PairScoring scoring);
  // `a` must outlive the calls to Score that follow.
  void Focus(const ArticleVector& a);
  double Score(const ArticleVector& b) const;

 private:
  const TermDictionary& terms_;
  PairScoring scoring_;
  const ArticleVector* focus_ = nullptr;
  std::vector<float> dense_;  // the focused article's weights by term, 0 elsewhere
  // The terms set in dense_, kept here: the focused vector may be gone or
  // reused (a stream's scratch vector) by the next Focus.
  std::vector<uint32_t> set_;
  // Score's scratch: the positions in b of the shared terms.
  mutable std::vector<uint32_t> shared_at_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_CLUSTER_ARTICLE_VECTOR_H_
