#include "cluster/stopwords.h"

#include <gtest/gtest.h>

#include <string_view>

#include "text/stopwords.h"

namespace storyfuse {
namespace {

TEST(ClusterStopwordsTest, EveryFunctionWordOfTheTextLayerIsOne) {
  for (std::string_view w : {"the", "and", "of", "said", "however", "according", "mr"}) {
    EXPECT_TRUE(IsStopword(w)) << w;
    EXPECT_TRUE(Stopwords::Contains(w)) << w;
  }
}

TEST(ClusterStopwordsTest, FrequentWordsThatTellNoStoryApartAreOnlyHere) {
  for (std::string_view w : {"new", "last", "made", "ago", "well"}) {
    EXPECT_FALSE(IsStopword(w)) << w;
    EXPECT_TRUE(Stopwords::Contains(w)) << w;
  }
}

TEST(ClusterStopwordsTest, ContentWordsAndFoldedNamesAreNot) {
  for (std::string_view w : {"earthquake", "ferry", "lavrov", "news", "", "The"}) {
    EXPECT_FALSE(Stopwords::Contains(w)) << w;
  }
}

}  // namespace
}  // namespace storyfuse
