#include "dedupe/posting_table.h"

#include <gtest/gtest.h>

#include <vector>

namespace storyfuse {
namespace {

std::vector<uint32_t> List(const PostingTable& t, uint32_t key) {
  std::vector<uint32_t> out;
  t.ForEach(key, [&](uint32_t id) { out.push_back(id); });
  return out;
}

TEST(PostingTableTest, ListsIdsNewestFirstAndCaps) {
  PostingTable t(3);
  for (uint32_t id = 0; id < 5; ++id) t.Add(7, id);
  t.Add(0, 42);
  EXPECT_EQ(List(t, 7), (std::vector<uint32_t>{2, 1, 0}));
  EXPECT_EQ(List(t, 0), (std::vector<uint32_t>{42}));
  EXPECT_TRUE(List(t, 8).empty());
  EXPECT_EQ(t.keys(), 2u);
}

TEST(PostingTableTest, SurvivesGrowth) {
  PostingTable t(4);
  for (uint32_t k = 0; k < 100000; ++k) t.Add(k * 2654435761u, k);
  for (uint32_t k = 0; k < 100000; k += 997) {
    EXPECT_EQ(List(t, k * 2654435761u), (std::vector<uint32_t>{k}));
  }
  EXPECT_EQ(t.keys(), 100000u);
}

}  // namespace
}  // namespace storyfuse
