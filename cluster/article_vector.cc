#include "cluster/article_vector.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <utility>

namespace storyfuse {
namespace {

// The positions i < size, in order, whose term `term_of(i)` the focused
// article holds (its bit is set), written to at[]; returns how many.
// Branchless: every i is written, the count moves only on a hit, so a
// miss costs no mispredicted branch (the scores' inner loop).
template <typename TermOf>
size_t SharedPositions(size_t size, TermOf term_of, const uint64_t* bits, size_t known, uint32_t* at) {
  size_t shared = 0;
  for (size_t i = 0; i < size; ++i) {
    uint32_t t = term_of(i);
    uint64_t x = t < known ? bits[t >> 6] >> (t & 63) & 1 : 0;
    at[shared] = static_cast<uint32_t>(i);
    shared += x;
  }
  return shared;
}

// The names said at least twice, strongest first (ties: lower id).
std::vector<uint32_t> SalientNames(const ArticleFeatures& f, const TermWeights& weighted, const TermDictionary& terms,
                                   size_t limit) {
  std::vector<std::pair<float, uint32_t>> names;
  for (size_t i = 0; i < f.counts.size(); ++i) {
    if (f.counts[i].second >= 2 && terms.Kind(f.counts[i].first) == TermKind::kName) {
      names.emplace_back(-weighted[i].second, f.counts[i].first);
    }
  }
  std::sort(names.begin(), names.end());
  std::vector<uint32_t> out;
  for (size_t i = 0; i < names.size() && i < limit; ++i) out.push_back(names[i].second);
  return out;
}

// Row k keeps a double's bits in column k and clears the others: adds a
// product to its kind's sum and +0.0 to the other two, without a branch.
constexpr uint64_t kKeepKind[kTermKinds][kTermKinds] = {
    {~uint64_t{0}, 0, 0}, {0, ~uint64_t{0}, 0}, {0, 0, ~uint64_t{0}}};

// One of `a`'s salient names is missing from `b`.
bool MissesSalient(const ArticleVector& a, const ArticleVector& b) {
  for (uint32_t t : a.salient) {
    if (!HasTerm(b.weighted, t)) return true;
  }
  return false;
}

}  // namespace

ArticleVector ArticleVector::Of(const ArticleFeatures& f, const TermDictionary& terms, size_t salient_names) {
  ArticleVector v;
  // Sized once: the stream computes a vector per arrival and again per
  // departure, and growing two lists by doubling was most of its
  // allocations.
  v.unweighted.reserve(f.counts.size());
  v.weighted.reserve(f.counts.size());
  double norm[kTermKinds] = {0, 0, 0};
  for (const auto& [t, count] : f.counts) {
    double u = 1.0 + std::log(count);
    double w = u * terms.Idf(t);
    norm[static_cast<int>(terms.Kind(t))] += w * w;
    v.unweighted.emplace_back(t, static_cast<float>(u));
    v.weighted.emplace_back(t, static_cast<float>(w));
  }
  // Salient names rank by weight before scaling: scaling is per kind, so
  // the order among names is the same either way.
  v.salient = SalientNames(f, v.weighted, terms, salient_names);
  for (int k = 0; k < kTermKinds; ++k) {
    norm[k] = std::sqrt(norm[k]);
    v.has_kind[k] = norm[k] > 0;
  }
  for (size_t i = 0; i < v.weighted.size(); ++i) {
    double n = norm[static_cast<int>(terms.Kind(v.weighted[i].first))];
    v.unweighted[i].second = static_cast<float>(v.unweighted[i].second / n);
    v.weighted[i].second = static_cast<float>(v.weighted[i].second / n);
  }
  return v;
}

TermWeights ArticleVector::UnweightedOf(const ArticleFeatures& f, const TermDictionary& terms) {
  // Of's arithmetic for the unweighted list, step for step.
  TermWeights unweighted;
  unweighted.reserve(f.counts.size());
  double norm[kTermKinds] = {0, 0, 0};
  for (const auto& [t, count] : f.counts) {
    double u = 1.0 + std::log(count);
    double w = u * terms.Idf(t);
    norm[static_cast<int>(terms.Kind(t))] += w * w;
    unweighted.emplace_back(t, static_cast<float>(u));
  }
  for (int k = 0; k < kTermKinds; ++k) norm[k] = std::sqrt(norm[k]);
  for (auto& [t, u] : unweighted) u = static_cast<float>(u / norm[static_cast<int>(terms.Kind(t))]);
  return unweighted;
}

KindCosines ArticleVector::Cosine(const ArticleVector& a, const ArticleVector& b, const TermDictionary& terms) {
  KindCosines c;
  auto i = a.weighted.begin(), j = b.weighted.begin();
  while (i != a.weighted.end() && j != b.weighted.end()) {
    if (i->first < j->first) {
      ++i;
    } else if (j->first < i->first) {
      ++j;
    } else {
      c.by_kind[static_cast<int>(terms.Kind(i->first))] += static_cast<double>(i->second) * j->second;
      ++i, ++j;
    }
  }
  return c;
}

bool HasTerm(const TermWeights& v, uint32_t term) {
  auto it = std::lower_bound(v.begin(), v.end(), std::make_pair(term, -1e30f));
  return it != v.end() && it->first == term;
}

double CombineKinds(const KindCosines& c, const bool* has_kind, const KindWeights& weights) {
  const double weight[kTermKinds] = {1.0, weights.names, weights.numbers};
  double sum = 0, total = 0;
  for (int k = 0; k < kTermKinds; ++k) {
    if (!has_kind[k]) continue;
    sum += weight[k] * c.by_kind[k];
    total += weight[k];
  }
  return total > 0 ? sum / total : 0;
}

double PairScore(const ArticleVector& a, const ArticleVector& b, const TermDictionary& terms,
                 const PairScoring& scoring) {
  bool kinds[kTermKinds];
  for (int k = 0; k < kTermKinds; ++k) kinds[k] = a.has_kind[k] || b.has_kind[k];
  double s = CombineKinds(ArticleVector::Cosine(a, b, terms), kinds, scoring.weights);
  if (MissesSalient(a, b) && MissesSalient(b, a)) s *= scoring.conflict_factor;
  return s;
}

PackedVector::PackedVector(const ArticleVector& v, const TermDictionary& terms) {
  const size_t n = v.weighted.size();
  words_.resize(kHeader + 2 * n + v.salient.size());
  words_[0] = static_cast<uint32_t>(n);
  words_[1] = static_cast<uint32_t>(v.salient.size());
  words_[2] = 0;
  for (int k = 0; k < kTermKinds; ++k) words_[2] |= static_cast<uint32_t>(v.has_kind[k]) << k;
  uint32_t* codes = words_.data() + kHeader;
  uint32_t* weights = codes + n;
  for (size_t i = 0; i < n; ++i) {
    auto [t, w] = v.weighted[i];
    codes[i] = t << 2 | static_cast<uint32_t>(terms.Kind(t));
    weights[i] = std::bit_cast<uint32_t>(w);
  }
  std::copy(v.salient.begin(), v.salient.end(), weights + n);
}

void PackedVector::Prefetch() const {
  // The whole block, by the length the vector knows: reading the block's
  // own header for it would be the very miss this is meant to hide (it
  // was, measured: the wait moved from Score into Prefetch).
  constexpr size_t kLineBytes = 64;
  const char* p = reinterpret_cast<const char*>(words_.data());
  const char* end = p + words_.size() * sizeof(uint32_t);
  for (; p < end; p += kLineBytes) __builtin_prefetch(p);
}

FocusedPairScore::FocusedPairScore(const TermDictionary& terms, PairScoring scoring)
    : terms_(terms), scoring_(scoring), dense_(terms.size(), 0.0f) {}

void FocusedPairScore::Focus(const ArticleVector& a) {
  for (uint32_t t : set_) {
    dense_[t] = 0.0f;
    bits_[t >> 6] = 0;
  }
  set_.clear();
  focus_ = &a;
  // A stream's vocabulary grows between calls.
  if (dense_.size() < terms_.size()) dense_.resize(terms_.size(), 0.0f);
  known_ = dense_.size();
  if (bits_.size() < (known_ + 63) / 64) bits_.resize((known_ + 63) / 64, 0);
  for (const auto& [t, w] : a.weighted) {
    dense_[t] = w;
    // As the score's first pass tested the weight before: a zero weight
    // (a term in every document) is not shared.
    if (std::bit_cast<uint32_t>(w) != 0) bits_[t >> 6] |= uint64_t{1} << (t & 63);
    set_.push_back(t);
  }
}

double FocusedPairScore::Finish(double sum[], const bool* b_has_kind, bool a_misses, const uint32_t* b_codes,
                                size_t b_size) const {
  const ArticleVector& a = *focus_;
  KindCosines c;
  for (int k = 0; k < kTermKinds; ++k) c.by_kind[k] = sum[k];
  bool kinds[kTermKinds];
  for (int k = 0; k < kTermKinds; ++k) kinds[k] = a.has_kind[k] || b_has_kind[k];
  double s = CombineKinds(c, kinds, scoring_.weights);
  if (!a_misses) return s;
  // a's side of the conflict: one of its salient names missing from b (a
  // search of b's sorted ids, done only when b's side holds).
  bool b_misses = false;
  for (uint32_t t : a.salient) {
    const uint32_t* at =
        std::lower_bound(b_codes, b_codes + b_size, t, [](uint32_t code, uint32_t term) { return (code >> 2) < term; });
    b_misses |= at == b_codes + b_size || (*at >> 2) != t;
  }
  if (b_misses) s *= scoring_.conflict_factor;
  return s;
}

double FocusedPairScore::Score(const ArticleVector& b) const {
  const ArticleVector& a = *focus_;
  // In b's term order, as the merge in ArticleVector::Cosine adds them.
  // Two passes: the positions of the shared terms are gathered without a
  // branch (whether a term is shared is a coin toss the branch predictor
  // loses), then only they are multiplied, looked up for their kind and
  // summed, so the kind table is read for the shared terms alone, not for
  // every term of b (it was a third of the cost). Local pointers: the
  // compiler cannot otherwise tell the scratch writes from the tables it
  // reads, and reloads them per term. The products are exact in double and
  // summed in the same order as before: the same sums to the last bit.
  const size_t size = b.weighted.size();
  if (shared_at_.size() < size) shared_at_.resize(size);
  const float* dense = dense_.data();
  const uint64_t* bits = bits_.data();
  const size_t known = known_;
  const std::pair<uint32_t, float>* terms = b.weighted.data();
  uint32_t* at = shared_at_.data();
  // Shared: the term's bit is set (its weight in a is not zero).
  const size_t shared = SharedPositions(
      size, [terms](size_t i) { return terms[i].first; }, bits, known, at);
  // Three sums in registers, each term's product added to its kind's sum
  // and +0.0 to the other two (which leaves them the same bits: sums and
  // products are never negative). Adding to `by_kind[kind]` in memory
  // chained every shared term through a store and a reload, which made
  // this loop latency-bound.
  double sum[kTermKinds] = {0, 0, 0};
  const TermKind* kind_of = terms_.kinds();
  for (size_t r = 0; r < shared; ++r) {
    auto [t, w] = terms[at[r]];
    double product = static_cast<double>(dense[t]) * w;
    uint64_t product_bits = std::bit_cast<uint64_t>(product);
    const uint64_t* keep = kKeepKind[static_cast<int>(kind_of[t])];
    sum[0] += std::bit_cast<double>(product_bits & keep[0]);
    sum[1] += std::bit_cast<double>(product_bits & keep[1]);
    sum[2] += std::bit_cast<double>(product_bits & keep[2]);
  }
  // The conflict needs both sides: b's side (one of b's salient names
  // missing from a) is a bit test.
  bool a_misses = false;
  for (uint32_t t : b.salient) a_misses |= !Holds(t);
  double s = Finish(sum, b.has_kind, false, nullptr, 0);
  if (!a_misses) return s;
  bool b_misses = false;
  for (uint32_t t : a.salient) b_misses |= !HasTerm(b.weighted, t);
  return b_misses ? s * scoring_.conflict_factor : s;
}

double FocusedPairScore::Score(const PackedVector& b) const {
  // Score(const ArticleVector&) on the packed form: the same passes, the
  // same products summed in the same order; the kind comes with the id.
  const uint32_t* words = b.words_.data();
  const size_t size = words[0];
  const size_t salient = words[1];
  const bool b_has_kind[kTermKinds] = {(words[2] & 1) != 0, (words[2] & 2) != 0, (words[2] & 4) != 0};
  const uint32_t* codes = words + PackedVector::kHeader;
  const uint32_t* weights = codes + size;  // float bits
  const uint32_t* names = codes + 2 * size;
  if (shared_at_.size() < size) shared_at_.resize(size);
  const float* dense = dense_.data();
  const uint64_t* bits = bits_.data();
  const size_t known = known_;
  uint32_t* at = shared_at_.data();
  const size_t shared = SharedPositions(
      size, [codes](size_t i) { return codes[i] >> 2; }, bits, known, at);
  double sum[kTermKinds] = {0, 0, 0};
  for (size_t r = 0; r < shared; ++r) {
    uint32_t i = at[r];
    uint32_t code = codes[i];
    double product = static_cast<double>(dense[code >> 2]) * std::bit_cast<float>(weights[i]);
    uint64_t product_bits = std::bit_cast<uint64_t>(product);
    const uint64_t* keep = kKeepKind[code & 3];
    sum[0] += std::bit_cast<double>(product_bits & keep[0]);
    sum[1] += std::bit_cast<double>(product_bits & keep[1]);
    sum[2] += std::bit_cast<double>(product_bits & keep[2]);
  }
  bool a_misses = false;
  for (size_t r = 0; r < salient; ++r) a_misses |= !Holds(names[r]);
  return Finish(sum, b_has_kind, a_misses, codes, size);
}

KindCosines FocusedPairScore::CentroidCosine(const Centroid& c) const {
  // The merge adds a * s * idf for every term both lists hold, in term
  // order; a term of a's with a zero weight adds +0.0 there, which leaves
  // the sums' bits as they are, so skipping it (its bit is clear) changes
  // nothing. The same expression (float product, then times the double
  // idf), the same order: the same sums.
  const TermWeights& sums = c.sums();
  const size_t size = sums.size();
  if (shared_at_.size() < size) shared_at_.resize(size);
  const uint64_t* bits = bits_.data();
  const size_t known = known_;
  uint32_t* at = shared_at_.data();
  const size_t shared = SharedPositions(
      size, [&sums](size_t i) { return sums[i].first; }, bits, known, at);
  KindCosines dot;
  const TermKind* kind_of = terms_.kinds();
  for (size_t r = 0; r < shared; ++r) {
    auto [t, s] = sums[at[r]];
    dot.by_kind[static_cast<int>(kind_of[t])] += static_cast<double>(dense_[t] * s) * terms_.Idf(t);
  }
  for (int k = 0; k < kTermKinds; ++k) dot.by_kind[k] = c.norm(k) > 0 ? dot.by_kind[k] / c.norm(k) : 0;
  return dot;
}

}  // namespace storyfuse
