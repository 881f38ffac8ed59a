#include "cluster/article_vector.h"

#include <gtest/gtest.h>

#include <cmath>

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

}  // namespace
}  // namespace storyfuse
