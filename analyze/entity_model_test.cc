#include "analyze/entity_model.h"

#include <gtest/gtest.h>

#include <cstring>

#include "analyze/entity_features.h"

namespace storyfuse {
namespace {

EntityModel::Weights SmallWeights() {
  EntityModel::Weights w;
  w.transitions[3] = 0.25f;
  w.features = {0x1111222233334444ULL, 0x5555666677778888ULL, 0x9999aaaabbbbccccULL};
  w.rows.assign(w.features.size() * kNumLabels, 0.0f);
  w.rows[0 * kNumLabels + 4] = 2.0f;    // feature 0 says U-PER
  w.rows[1 * kNumLabels + 12] = -1.0f;  // feature 1 speaks against U-LOC
  // feature 2 stays all zero: not stored
  w.gazetteer.Add(42, NameKind::kPlace);
  return w;
}

TEST(EntityModelTest, RoundTripsQuantizedWeights) {
  Result<std::string> bytes = EntityModel::Serialize(SmallWeights());
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  Result<EntityModel> m = EntityModel::Parse(*bytes);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->rows(), 2u);
  const int16_t* row = m->Row(0x1111222233334444ULL);
  ASSERT_NE(row, nullptr);
  EXPECT_NEAR(row[4] * m->scale(), 2.0f, 1e-3);
  EXPECT_EQ(row[5], 0);
  row = m->Row(0x5555666677778888ULL);
  ASSERT_NE(row, nullptr);
  EXPECT_NEAR(row[12] * m->scale(), -1.0f, 1e-3);
  EXPECT_EQ(m->Row(0x9999aaaabbbbccccULL), nullptr);
  EXPECT_EQ(m->Row(0x0123456789abcdefULL), nullptr);
  EXPECT_FLOAT_EQ(m->transitions()[3], 0.25f);
  EXPECT_EQ(m->gazetteer().Lookup(42), 1 << 2);
}

TEST(EntityModelTest, ReadsMisalignedBytes) {
  Result<std::string> bytes = EntityModel::Serialize(SmallWeights());
  ASSERT_TRUE(bytes.ok());
  std::string shifted = " " + *bytes;
  Result<EntityModel> m = EntityModel::Parse(std::string_view(shifted).substr(1));
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  ASSERT_NE(m->Row(0x1111222233334444ULL), nullptr);
}

TEST(EntityModelTest, RefusesOtherVersionsAndBrokenFiles) {
  Result<std::string> bytes = EntityModel::Serialize(SmallWeights());
  ASSERT_TRUE(bytes.ok());
  std::string other_version = *bytes;
  uint32_t v = EntityModel::kFormatVersion + 1;
  std::memcpy(&other_version[8], &v, sizeof(v));
  EXPECT_EQ(EntityModel::Parse(other_version).status().code(), Status::Code::kUnsupported);
  std::string other_features = *bytes;
  uint32_t f = EntityFeatures::kFeatureSetVersion + 1;
  std::memcpy(&other_features[12], &f, sizeof(f));
  EXPECT_EQ(EntityModel::Parse(other_features).status().code(), Status::Code::kUnsupported);
  std::string magic = *bytes;
  magic[0] = 'X';
  EXPECT_EQ(EntityModel::Parse(magic).status().code(), Status::Code::kCorruption);
  EXPECT_EQ(EntityModel::Parse(bytes->substr(0, bytes->size() - 8)).status().code(), Status::Code::kCorruption);
  EXPECT_FALSE(EntityModel::Parse("").ok());
}

}  // namespace
}  // namespace storyfuse
