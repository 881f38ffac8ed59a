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

  // Of(features, terms, ...).unweighted alone, the same bits, without the
  // weighted terms and salient names (what a centroid adds when the
  // stream makes an article final).
  static TermWeights UnweightedOf(const ArticleFeatures& features, const TermDictionary& terms);

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

// An ArticleVector as FocusedPairScore reads it, in one block of memory:
// a header (term count, salient count, the kinds it has), each weighted
// term's id with its kind in the low two bits (sorted by id), the weights
// in the same order, then the salient names. Scoring a window's articles
// is bound by reading them from memory (each of an arrival's 100
// candidates is a cache miss, docs/clustering.md): one block holding the
// ids apart from the weights is half the lines of the (id, weight) pairs
// for the pass that finds the shared terms, the salient names are beside
// them instead of in a third allocation, and the next block to be scored
// can be prefetched. Plain value; term ids must be below 2^30.
class PackedVector {
 public:
  PackedVector() = default;
  PackedVector(const ArticleVector& v, const TermDictionary& terms);

  size_t size() const { return words_.empty() ? 0 : words_[0]; }
  size_t MemoryBytes() const { return words_.capacity() * sizeof(uint32_t); }
  // Asks the CPU to bring the block into cache (no effect on results).
  void Prefetch() const;

 private:
  friend class FocusedPairScore;
  static constexpr size_t kHeader = 3;  // terms, salient names, kinds bits
  std::vector<uint32_t> words_;
};

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
  // The same score from b's packed form (the same bits as Score(b)).
  double Score(const PackedVector& b) const;
  // c.Cosine(a.weighted, terms) for the focused article a, to the bit:
  // one pass over the centroid's terms against a's bitmap instead of a
  // merge of the two lists, which branched at every step.
  KindCosines CentroidCosine(const Centroid& c) const;

 private:
  const TermDictionary& terms_;
  PairScoring scoring_;
  const ArticleVector* focus_ = nullptr;
  bool Holds(uint32_t t) const { return t < known_ && (bits_[t >> 6] >> (t & 63) & 1) != 0; }
  double Finish(double sum[], const bool* b_has_kind, bool a_misses, const uint32_t* b_codes, size_t b_size) const;

  std::vector<float> dense_;  // the focused article's weights by term, 0 elsewhere
  // Bit t set when dense_[t] is not 0: what the pass over b's terms reads
  // to find the shared ones (the vocabulary in bits stays in cache, the
  // weights array does not at 1M articles: 600 KB), so dense_ is read
  // for the shared terms only.
  std::vector<uint64_t> bits_;
  size_t known_ = 0;  // terms that bits_ covers
  // The terms set in dense_, kept here: the focused vector may be gone or
  // reused (a stream's scratch vector) by the next Focus.
  std::vector<uint32_t> set_;
  // Score's scratch: the positions in b of the shared terms.
  mutable std::vector<uint32_t> shared_at_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_CLUSTER_ARTICLE_VECTOR_H_
