#include "base/hashed_key_map.h"

#include <gtest/gtest.h>

#include <string>

namespace storyfuse {
namespace {

TEST(HashedKeyMapTest, FindsWhatWasInserted) {
  HashedKeyMap<std::string> map;
  EXPECT_EQ(map.Find(42), nullptr);
  auto [value, inserted] = map.Insert(42, "harbour");
  EXPECT_TRUE(inserted);
  EXPECT_EQ(*value, "harbour");
  ASSERT_NE(map.Find(42), nullptr);
  EXPECT_EQ(*map.Find(42), "harbour");
  EXPECT_EQ(map.size(), 1u);
}

TEST(HashedKeyMapTest, SecondInsertKeepsTheFirstValue) {
  HashedKeyMap<int> map;
  map.Insert(7, 1);
  auto [value, inserted] = map.Insert(7, 2);
  EXPECT_FALSE(inserted);
  EXPECT_EQ(*value, 1);
  EXPECT_EQ(map.size(), 1u);
}

TEST(HashedKeyMapTest, KeyZeroIsAnOrdinaryKey) {
  HashedKeyMap<int> map;
  map.Insert(0, 5);
  ASSERT_NE(map.Find(0), nullptr);
  EXPECT_EQ(*map.Find(0), 5);
}

TEST(HashedKeyMapTest, KeepsEveryKeyAcrossGrowthAndCollisions) {
  HashedKeyMap<uint64_t> map;
  // Keys sharing their low bits all probe the same first slot.
  for (uint64_t i = 1; i <= 5000; ++i) map.Insert(i << 20, i);
  EXPECT_EQ(map.size(), 5000u);
  for (uint64_t i = 1; i <= 5000; ++i) {
    ASSERT_NE(map.Find(i << 20), nullptr) << i;
    EXPECT_EQ(*map.Find(i << 20), i);
  }
  EXPECT_EQ(map.Find(5001ull << 20), nullptr);
}

}  // namespace
}  // namespace storyfuse
