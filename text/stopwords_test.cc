#include "text/stopwords.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

TEST(StopwordsTest, FunctionWordsOnly) {
  for (const char* w : {"the", "of", "and", "she", "would", "said"}) EXPECT_TRUE(IsStopword(w)) << w;
  for (const char* w : {"minister", "drones", "ceasefire", "talks", "kuala"}) EXPECT_FALSE(IsStopword(w)) << w;
}

}  // namespace
}  // namespace storyfuse
