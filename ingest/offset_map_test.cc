#include "ingest/offset_map.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

TEST(OffsetMapTest, EmptyMapIsIdentity) {
  OffsetMap m;
  EXPECT_EQ(m.ToInput(17), 17u);
}

TEST(OffsetMapTest, MapsRunsAndGaps) {
  // input: "HEADER\nHello world\nAD\nBye"  -> output "Hello world\nBye"
  OffsetMap m;
  m.Add(0, 7, 12);   // "Hello world\n"
  m.Add(12, 23, 3);  // "Bye"
  EXPECT_EQ(m.ToInput(0), 7u);
  EXPECT_EQ(m.ToInput(6), 13u);
  EXPECT_EQ(m.ToInput(12), 23u);
  EXPECT_EQ(m.ToInput(14), 25u);
  EXPECT_EQ(m.ToInput(15), 26u);  // end of text maps to end of last run
  EXPECT_EQ(m.size(), 2u);
}

TEST(OffsetMapTest, ContiguousRunsMerge) {
  OffsetMap m;
  m.Add(0, 10, 5);
  m.Add(5, 15, 5);
  EXPECT_EQ(m.size(), 1u);
  EXPECT_EQ(m.ToInput(9), 19u);
}

}  // namespace
}  // namespace storyfuse
