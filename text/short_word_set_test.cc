#include "text/short_word_set.h"

#include <gtest/gtest.h>

#include <string>

namespace storyfuse {
namespace {

TEST(ShortWordSetTest, FindsMembersOnly) {
  ShortWordSet set = {"minister", "mayor", "a"};
  EXPECT_TRUE(set.Contains("minister"));
  EXPECT_TRUE(set.Contains("mayor"));
  EXPECT_TRUE(set.Contains("a"));
  EXPECT_FALSE(set.Contains("mayors"));
  EXPECT_FALSE(set.Contains("maple"));  // same first byte and length as "mayor"
  EXPECT_FALSE(set.Contains(""));
  EXPECT_FALSE(set.Contains(std::string(100, 'm')));
}

}  // namespace
}  // namespace storyfuse
