#include "cluster/term_dictionary.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>

namespace storyfuse {
namespace {

TEST(TermDictionaryTest, IdsAreDensePerKindAndText) {
  TermDictionary d;
  uint32_t a = d.Id(TermKind::kWord, "harbor");
  uint32_t b = d.Id(TermKind::kName, "harbor");  // same text, other kind
  EXPECT_EQ(a, 0u);
  EXPECT_EQ(b, 1u);
  EXPECT_EQ(d.Id(TermKind::kWord, "harbor"), a);
  EXPECT_EQ(d.Kind(b), TermKind::kName);
  EXPECT_EQ(d.size(), 2u);
}

TEST(TermDictionaryTest, ShortTermsOfDifferentKindsNeverShareAnId) {
  // One byte apart in text, one kind apart: these shared an id when the
  // kind was added to the hash seed.
  TermDictionary terms;
  EXPECT_NE(terms.Id(TermKind::kName, "lee"), terms.Id(TermKind::kWord, "led"));
  std::set<uint32_t> ids;
  for (int i = 0; i < 3000; ++i) {
    ids.insert(terms.Id(static_cast<TermKind>(i % 3), "t" + std::to_string(i)));
    ids.insert(terms.Id(static_cast<TermKind>(i % 3), std::to_string(i)));
  }
  EXPECT_EQ(ids.size(), 6000u);
  EXPECT_EQ(terms.size(), 6002u);
}

TEST(TermDictionaryTest, IdfFallsWithDocumentFrequency) {
  TermDictionary d;
  uint32_t rare = d.Id(TermKind::kWord, "tanker"), common = d.Id(TermKind::kWord, "port");
  d.AddDocument({rare, common});
  d.AddDocument({common});
  d.AddDocument({common});
  EXPECT_EQ(d.documents(), 3u);
  EXPECT_NEAR(d.Idf(rare), std::log(4.0 / 2.0) + 1, 1e-6);
  EXPECT_NEAR(d.Idf(common), 1.0, 1e-6);  // in every document
}

TEST(TermDictionaryTest, ResetCountsKeepsIdsAndForgetsFrequencies) {
  TermDictionary d;
  uint32_t t = d.Id(TermKind::kNumber, "2025");
  d.AddDocument({t});
  d.ResetCounts();
  EXPECT_EQ(d.documents(), 0u);
  EXPECT_EQ(d.Id(TermKind::kNumber, "2025"), t);
  EXPECT_NEAR(d.Idf(t), 1.0, 1e-6);  // ln(1/1) + 1: nothing counted yet
  d.AddDocument({t});
  EXPECT_NEAR(d.Idf(t), std::log(2.0 / 2.0) + 1, 1e-6);
}

}  // namespace
}  // namespace storyfuse
