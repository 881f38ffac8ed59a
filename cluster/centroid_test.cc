#include "cluster/centroid.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace storyfuse {
namespace {

// Each test builds its own small dictionary: terms, then documents for their idf.
class CentroidTest : public ::testing::Test {
 protected:
  uint32_t Term(TermKind kind, const char* text) { return terms_.Id(kind, text); }
  void Documents(const std::vector<std::vector<uint32_t>>& docs) {
    for (const auto& d : docs) terms_.AddDocument(d);
  }
  TermDictionary terms_;
};

TEST_F(CentroidTest, CosineWithItsOnlyArticleIsOnePerKind) {
  uint32_t harbor = Term(TermKind::kWord, "harbor"), storm = Term(TermKind::kWord, "storm");
  uint32_t velda = Term(TermKind::kName, "velda");
  Documents({{harbor, storm, velda}, {harbor}});
  // Unit length per kind once idf is applied: the idf-free parts go into
  // the centroid, the idf-weighted ones into the probe.
  double ih = terms_.Idf(harbor), is = terms_.Idf(storm);
  double n = std::sqrt(ih * ih + is * is);
  TermWeights free = {{harbor, static_cast<float>(1 / n)},
                      {storm, static_cast<float>(1 / n)},
                      {velda, static_cast<float>(1 / terms_.Idf(velda))}};
  TermWeights weighted = {{harbor, static_cast<float>(ih / n)}, {storm, static_cast<float>(is / n)}, {velda, 1.0f}};
  Centroid c;
  c.Add(free);
  c.Refresh(200, terms_);
  KindCosines cos = c.Cosine(weighted, terms_);
  EXPECT_NEAR(cos.by_kind[0], 1.0, 1e-5);
  EXPECT_NEAR(cos.by_kind[1], 1.0, 1e-5);
  EXPECT_EQ(cos.by_kind[2], 0.0);  // no numbers on either side
}

TEST_F(CentroidTest, CosineCountsOnlySharedTerms) {
  uint32_t a = Term(TermKind::kWord, "ferry"), b = Term(TermKind::kWord, "strike");
  uint32_t c1 = Term(TermKind::kWord, "library");
  Documents({{a, b, c1}});
  Centroid c;
  c.Add({{a, 1.0f}, {b, 1.0f}});
  c.Refresh(200, terms_);
  EXPECT_EQ(c.Cosine({{c1, 1.0f}}, terms_).by_kind[0], 0.0);
  double half = c.Cosine({{a, 1.0f}}, terms_).by_kind[0];
  EXPECT_NEAR(half, 1 / std::sqrt(2.0), 1e-5);
}

TEST_F(CentroidTest, RefreshKeepsTheStrongestTermsAndListsTheTopOnes) {
  // Weights 1..6 over equal idf: the cut keeps the 4 strongest, the top
  // lists are strongest first, and the names list skips words.
  std::vector<uint32_t> ids;
  const char* words[] = {"w1", "w2", "w3", "w4"};
  for (const char* w : words) ids.push_back(Term(TermKind::kWord, w));
  ids.push_back(Term(TermKind::kName, "n5"));
  ids.push_back(Term(TermKind::kName, "n6"));
  Documents({ids});
  TermWeights w;
  for (size_t i = 0; i < ids.size(); ++i) w.emplace_back(ids[i], static_cast<float>(i + 1));
  Centroid c;
  c.Add(w);
  c.Refresh(4, terms_, 2, 3);
  EXPECT_EQ(c.size(), 4u);
  EXPECT_FALSE(c.Contains(ids[0]));
  EXPECT_FALSE(c.Contains(ids[1]));
  EXPECT_TRUE(c.Contains(ids[2]));
  EXPECT_EQ(c.top_terms(), (std::vector<uint32_t>{ids[5], ids[4]}));
  EXPECT_EQ(c.top_names(), (std::vector<uint32_t>{ids[5], ids[4]}));  // only two names kept
}

TEST_F(CentroidTest, TopNamesComeFromBelowTheTopTermsWhenNeeded) {
  uint32_t w1 = Term(TermKind::kWord, "quake"), w2 = Term(TermKind::kWord, "aftershock");
  uint32_t name = Term(TermKind::kName, "brenmoor");
  Documents({{w1, w2, name}});
  Centroid c;
  c.Add({{w1, 5.0f}, {w2, 4.0f}, {name, 1.0f}});
  c.Refresh(200, terms_, 1, 1);
  EXPECT_EQ(c.top_terms(), (std::vector<uint32_t>{w1}));
  EXPECT_EQ(c.top_names(), (std::vector<uint32_t>{name}));
}

TEST_F(CentroidTest, MergedCentroidsSumTheirWeights) {
  uint32_t a = Term(TermKind::kWord, "bridge"), b = Term(TermKind::kWord, "barge");
  Documents({{a}, {b}});
  Centroid x, y;
  x.Add({{a, 1.0f}});
  y.Add({{b, 1.0f}});
  x.Refresh(200, terms_);
  y.Refresh(200, terms_);
  EXPECT_EQ(x.Cosine(y, terms_).by_kind[0], 0.0);
  x.Merge(y);
  x.Refresh(200, terms_);
  EXPECT_GT(x.Cosine(y, terms_).by_kind[0], 0.5);
  EXPECT_EQ(x.size(), 2u);
}

}  // namespace
}  // namespace storyfuse
