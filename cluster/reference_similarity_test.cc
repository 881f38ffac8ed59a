#include "cluster/reference_similarity.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storyfuse {
namespace {

Article Make(std::string id, std::string text) {
  Article a;
  a.id = std::move(id);
  a.text = std::move(text);
  return a;
}

// Invented reports: two of one ferry fire off Port Velin, one of another
// ferry fire elsewhere with other people, one of a budget vote.
std::vector<Article> Reports() {
  return {
      Make("a",
           "A ferry caught fire off Port Velin on Tuesday. Captain Iva Marsh said all 212 passengers "
           "were rescued. Marsh praised the coast guard of Port Velin."),
      Make("b",
           "All 212 passengers of a burning ferry were rescued off Port Velin, Captain Iva Marsh told "
           "reporters. The fire started in the engine room, Marsh said."),
      Make("c",
           "A ferry caught fire near Osterby harbour. Captain Rolf Dane said 48 passengers were rescued. "
           "Dane thanked the Osterby fire brigade."),
      Make("d",
           "The council of Norland passed its budget by 31 votes to 20 after a long debate, Mayor "
           "Tilde Brask said. Brask called the budget fair."),
  };
}

float At(const std::vector<float>& m, size_t n, size_t i, size_t j) { return m[i * n + j]; }

TEST(ReferenceSimilarityTest, SymmetricWithUnitDiagonal) {
  std::vector<float> m = ReferenceSimilarity(StoryIndexOptions{}).Matrix(Reports());
  ASSERT_EQ(m.size(), 16u);
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(At(m, 4, i, i), 1.0f);
    for (size_t j = 0; j < 4; ++j) EXPECT_EQ(At(m, 4, i, j), At(m, 4, j, i));
  }
}

TEST(ReferenceSimilarityTest, SameEventScoresAboveSameKindAboveUnrelated) {
  std::vector<float> m = ReferenceSimilarity(StoryIndexOptions{}).Matrix(Reports());
  EXPECT_GT(At(m, 4, 0, 1), At(m, 4, 0, 2));
  EXPECT_GT(At(m, 4, 0, 2), At(m, 4, 0, 3));
}

TEST(ReferenceSimilarityTest, ConflictingLeadNamesLowerTheScore) {
  // Marsh and Port Velin lead a and are absent from c; Dane and Osterby
  // lead c and are absent from a: the conflict factor applies to that pair
  // only.
  StoryIndexOptions no_conflict;
  no_conflict.conflict_factor = 1.0;
  std::vector<float> with = ReferenceSimilarity(StoryIndexOptions{}).Matrix(Reports());
  std::vector<float> without = ReferenceSimilarity(no_conflict).Matrix(Reports());
  EXPECT_NEAR(At(with, 4, 0, 2), 0.7 * At(without, 4, 0, 2), 1e-6);
  EXPECT_EQ(At(with, 4, 0, 1), At(without, 4, 0, 1));
}

TEST(ReferenceSimilarityTest, EmptyBatch) { EXPECT_TRUE(ReferenceSimilarity(StoryIndexOptions{}).Matrix({}).empty()); }

}  // namespace
}  // namespace storyfuse
