#include "text/opposite_words.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

TEST(OppositeWordsTest, InflectionsShareASense) {
  EXPECT_EQ(OppositeWords::Of("rose"), OppositeWords::Of("rising"));
  EXPECT_EQ(OppositeWords::Of("rises"), OppositeWords::Of("rise"));
  Sense up = OppositeWords::Of("rose"), down = OppositeWords::Of("fell");
  EXPECT_EQ(up.pair, down.pair);
  EXPECT_EQ(up.side, -down.side);
  EXPECT_EQ(OppositeWords::Of("approved").pair, OppositeWords::Of("rejected").pair);
  EXPECT_EQ(OppositeWords::Of("harbour"), OppositeWords::kNone);
}

TEST(OppositeWordsTest, CommonWordsOutsideThePairs) {
  for (const char* w : {"said", "the", "found", "back", "after", "before", "council"}) {
    EXPECT_EQ(OppositeWords::Of(w), OppositeWords::kNone) << w;
  }
}

}  // namespace
}  // namespace storyfuse
