#include "cluster/article_vector.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

namespace storyfuse {
namespace {

class ArticleVectorTest : public ::testing::Test {
 protected:
  ArticleVectorTest() {
    quake_ = terms_.Id(TermKind::kWord, "quak");
    rescu_ = terms_.Id(TermKind::kWord, "rescu");
    lima_ = terms_.Id(TermKind::kName, "lima");
    ortiz_ = terms_.Id(TermKind::kName, "ortiz");
    seven_ = terms_.Id(TermKind::kNumber, "7.1");
    terms_.AddDocument({quake_, rescu_, lima_, ortiz_, seven_});
    terms_.AddDocument({quake_});
  }

  static double KindNorm(const ArticleVector& v, const TermDictionary& terms, TermKind kind) {
    double sum = 0;
    for (const auto& [t, w] : v.weighted) sum += terms.Kind(t) == kind ? w * w : 0;
    return std::sqrt(sum);
  }

  TermDictionary terms_;
  uint32_t quake_, rescu_, lima_, ortiz_, seven_;
};

TEST_F(ArticleVectorTest, EachKindHasUnitLength) {
  ArticleFeatures f;
  f.counts = {{quake_, 3}, {rescu_, 1}, {lima_, 2}, {ortiz_, 1}};
  ArticleVector v = ArticleVector::Of(f, terms_, 2);
  EXPECT_NEAR(KindNorm(v, terms_, TermKind::kWord), 1.0, 1e-6);
  EXPECT_NEAR(KindNorm(v, terms_, TermKind::kName), 1.0, 1e-6);
  EXPECT_TRUE(v.has_kind[0]);
  EXPECT_TRUE(v.has_kind[1]);
  EXPECT_FALSE(v.has_kind[2]);
}

TEST_F(ArticleVectorTest, SalientNamesAreSaidTwiceStrongestFirst) {
  ArticleFeatures f;
  f.counts = {{lima_, 2}, {ortiz_, 4}, {seven_, 5}};
  ArticleVector v = ArticleVector::Of(f, terms_, 2);
  EXPECT_EQ(v.salient, (std::vector<uint32_t>{ortiz_, lima_}));
  EXPECT_EQ(ArticleVector::Of(f, terms_, 1).salient, (std::vector<uint32_t>{ortiz_}));
  f.counts = {{lima_, 1}, {ortiz_, 1}};
  EXPECT_TRUE(ArticleVector::Of(f, terms_, 2).salient.empty());
}

TEST_F(ArticleVectorTest, CosinePerKind) {
  ArticleFeatures a, b;
  a.counts = {{quake_, 1}, {rescu_, 2}, {lima_, 1}, {seven_, 1}};
  b.counts = {{quake_, 1}, {rescu_, 2}, {ortiz_, 1}, {seven_, 1}};
  KindCosines c = ArticleVector::Cosine(ArticleVector::Of(a, terms_, 2), ArticleVector::Of(b, terms_, 2), terms_);
  EXPECT_NEAR(c.by_kind[0], 1.0, 1e-6);  // same words
  EXPECT_NEAR(c.by_kind[1], 0.0, 1e-6);  // different names
  EXPECT_NEAR(c.by_kind[2], 1.0, 1e-6);  // same number
}

TEST(CombineKindsTest, WeightedMeanOverTheKindsPresent) {
  KindCosines c;
  c.by_kind[0] = 0.6, c.by_kind[1] = 0.2, c.by_kind[2] = 1.0;
  bool all[kTermKinds] = {true, true, true};
  EXPECT_NEAR(CombineKinds(c, all, KindWeights{0.5, 0.5}), (0.6 + 0.1 + 0.5) / 2.0, 1e-9);
  bool words_only[kTermKinds] = {true, false, false};
  EXPECT_NEAR(CombineKinds(c, words_only, KindWeights{0.5, 0.5}), 0.6, 1e-9);
  bool none[kTermKinds] = {false, false, false};
  EXPECT_EQ(CombineKinds(c, none, KindWeights{}), 0.0);
}

// An invented article: `length` terms drawn from a vocabulary of
// `vocabulary` (words, names and numbers in turn), plus the `extra` ids,
// counted; added to the document frequencies of `terms`.
ArticleFeatures RandomArticle(TermDictionary& terms, std::mt19937& rng, size_t vocabulary, size_t length,
                              std::vector<uint32_t> extra = {}) {
  const TermKind kinds[] = {TermKind::kWord, TermKind::kName, TermKind::kNumber};
  std::vector<uint32_t> ids = std::move(extra);
  for (size_t i = 0; i < length; ++i) {
    uint32_t r = static_cast<uint32_t>(rng() % vocabulary);
    ids.push_back(terms.Id(kinds[r % 3], "t" + std::to_string(r)));
  }
  ArticleFeatures f;
  std::sort(ids.begin(), ids.end());
  for (uint32_t id : ids) {
    if (!f.counts.empty() && f.counts.back().first == id) {
      ++f.counts.back().second;
    } else {
      f.counts.emplace_back(id, 1);
    }
  }
  terms.AddDocument(TermIds(f));
  return f;
}

// FocusedPairScore is PairScore made fast: it must give the same score to
// the last bit, from the vector and from its packed form (the stream's and batch's stories depend on every bit), for
// short and long articles (tables of several sizes, reused and regrown),
// with shared and conflicting salient names, while the vocabulary grows.
TEST(FocusedPairScoreTest, SameBitsAsPairScore) {
  TermDictionary terms;
  std::mt19937 rng(7);
  auto random_article = [&](size_t vocabulary, size_t length) { return RandomArticle(terms, rng, vocabulary, length); };
  PairScoring scoring;
  FocusedPairScore focused(terms, scoring);
  std::vector<ArticleFeatures> features;
  PairScoring no_conflict = scoring;
  no_conflict.conflict_factor = 1.0;
  size_t compared = 0, overlapping = 0, conflicting = 0;
  for (int round = 0; round < 40; ++round) {
    size_t vocabulary = 50 + 40 * round;  // grows: new ids between calls
    for (int i = 0; i < 10; ++i)
      features.push_back(random_article(vocabulary, 5 + rng() % (round % 4 == 0 ? 400 : 60)));
    std::vector<ArticleVector> vectors;
    for (const ArticleFeatures& f : features) vectors.push_back(ArticleVector::Of(f, terms, 2));
    const ArticleVector& a = vectors[rng() % vectors.size()];
    focused.Focus(a);
    for (const ArticleVector& b : vectors) {
      double exact = PairScore(a, b, terms, scoring);
      EXPECT_EQ(std::bit_cast<uint64_t>(focused.Score(b)), std::bit_cast<uint64_t>(exact));
      PackedVector packed(b, terms);
      EXPECT_EQ(packed.size(), b.weighted.size());
      EXPECT_EQ(std::bit_cast<uint64_t>(focused.Score(packed)), std::bit_cast<uint64_t>(exact));
      ++compared;
      overlapping += exact > 0;
      conflicting += exact != PairScore(a, b, terms, no_conflict);
    }
  }
  EXPECT_GT(compared, 4000u);
  EXPECT_GT(overlapping, compared / 2);
  EXPECT_GT(conflicting, 0u);
}

// What the stream adds to a centroid when an article becomes final: Of's
// unweighted list to the bit, under changing document frequencies.
TEST(UnweightedOfTest, IsOfsUnweightedList) {
  TermDictionary terms;
  std::mt19937 rng(3);
  for (int round = 0; round < 200; ++round) {
    ArticleFeatures f = RandomArticle(terms, rng, 300, static_cast<size_t>(1 + round % 50));
    const TermWeights expected = ArticleVector::Of(f, terms, 2).unweighted;
    const TermWeights got = ArticleVector::UnweightedOf(f, terms);
    ASSERT_EQ(got.size(), expected.size());
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].first, expected[i].first);
      EXPECT_EQ(std::bit_cast<uint32_t>(got[i].second), std::bit_cast<uint32_t>(expected[i].second));
    }
  }
}

// The stream scores an arrival against final stories' centroids through
// the focused article: each kind's cosine must be Centroid::Cosine's to
// the bit, for centroids of many sizes (cut to their strongest terms or
// not), while the vocabulary grows and document frequencies change, and
// with a term that every article holds.
TEST(FocusedPairScoreTest, CentroidCosineSameBitsAsCentroid) {
  TermDictionary terms;
  std::mt19937 rng(5);
  const uint32_t everywhere = terms.Id(TermKind::kWord, "everywhere");
  auto random_article = [&](size_t vocabulary, size_t length) {
    return RandomArticle(terms, rng, vocabulary, length, {everywhere});
  };
  FocusedPairScore focused(terms, PairScoring{});
  size_t compared = 0, overlapping = 0;
  for (int round = 0; round < 30; ++round) {
    size_t vocabulary = 40 + 60 * round;
    std::vector<Centroid> centroids(4);
    for (int i = 0; i < 12; ++i) {
      ArticleVector v = ArticleVector::Of(random_article(vocabulary, 5 + rng() % 200), terms, 2);
      centroids[rng() % centroids.size()].Add(v.unweighted);
    }
    for (size_t c = 0; c < centroids.size(); ++c) centroids[c].Refresh(c % 2 == 0 ? 200 : 40, terms, 24, 2);
    ArticleVector a = ArticleVector::Of(random_article(vocabulary, 5 + rng() % 300), terms, 2);
    focused.Focus(a);
    for (const Centroid& centroid : centroids) {
      KindCosines exact = centroid.Cosine(a.weighted, terms);
      KindCosines fast = focused.CentroidCosine(centroid);
      for (int k = 0; k < kTermKinds; ++k) {
        EXPECT_EQ(std::bit_cast<uint64_t>(fast.by_kind[k]), std::bit_cast<uint64_t>(exact.by_kind[k]));
        overlapping += exact.by_kind[k] > 0;
      }
      ++compared;
    }
  }
  EXPECT_EQ(compared, 120u);
  EXPECT_GT(overlapping, compared);
}

}  // namespace
}  // namespace storyfuse
