#include "analyze/name_gazetteer.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

TEST(NameGazetteerTest, KeepsEveryKindAPhraseWasLabelled) {
  NameGazetteer g;
  g.Add(0x1234567890abcdefULL, NameKind::kPlace);
  g.Add(0x1234567890abcdefULL, NameKind::kOrganization);
  g.Add(0x0fedcba987654321ULL, NameKind::kPerson);
  EXPECT_EQ(g.Lookup(0x1234567890abcdefULL), (1 << 2) | (1 << 1));
  EXPECT_EQ(g.Lookup(0x0fedcba987654321ULL), 1);
  EXPECT_EQ(g.Lookup(0x1111111111111111ULL), 0);
  EXPECT_EQ(g.size(), 2u);
}

TEST(NameGazetteerTest, GrowsAndReloadsFromItsSlots) {
  NameGazetteer g;
  for (uint64_t i = 1; i <= 1000; ++i) g.Add(i * 0x9E3779B97F4A7C15ULL, static_cast<NameKind>(i % 4));
  EXPECT_EQ(g.size(), 1000u);
  Result<NameGazetteer> copy = NameGazetteer::FromSlots(g.slots().data(), g.slots().size());
  ASSERT_TRUE(copy.ok()) << copy.status().ToString();
  for (uint64_t i = 1; i <= 1000; ++i) {
    EXPECT_EQ(copy->Lookup(i * 0x9E3779B97F4A7C15ULL), 1 << (i % 4)) << i;
  }
  EXPECT_EQ(copy->size(), 1000u);
}

TEST(NameGazetteerTest, RejectsBrokenTables) {
  std::vector<uint64_t> three(3, 0);
  EXPECT_FALSE(NameGazetteer::FromSlots(three.data(), three.size()).ok());
  std::vector<uint64_t> full(4, 0x10 | 1);
  EXPECT_FALSE(NameGazetteer::FromSlots(full.data(), full.size()).ok());
}

}  // namespace
}  // namespace storyfuse
