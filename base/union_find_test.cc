#include "base/union_find.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

TEST(UnionFindTest, OldestRootSurvives) {
  UnionFind uf;
  for (int i = 0; i < 5; ++i) uf.Add();
  EXPECT_EQ(uf.Union(3, 4), 3u);
  EXPECT_EQ(uf.Union(4, 1), 1u);
  EXPECT_EQ(uf.Find(3), 1u);
  EXPECT_EQ(uf.Find(0), 0u);
  EXPECT_EQ(uf.Union(0, 3), 0u);
  const UnionFind& c = uf;
  EXPECT_EQ(c.Find(4), 0u);
}

TEST(UnionFindTest, SizedConstructorMakesSingletons) {
  UnionFind uf(4);
  ASSERT_EQ(uf.size(), 4u);
  for (uint32_t i = 0; i < 4; ++i) EXPECT_EQ(uf.Find(i), i);
  uf.Union(2, 1);
  EXPECT_EQ(uf.Find(2), 1u);
  EXPECT_EQ(uf.Add(), 4u);
}

}  // namespace
}  // namespace storyfuse
