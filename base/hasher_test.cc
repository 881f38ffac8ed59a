#include "base/hasher.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace storyfuse {
namespace {

// The values are persistent (sketches, the store's content hashes, the
// server's article ids): they were computed once with libxxhash's one-shot
// XXH3_64bits / XXH3_128bits over the same bytes, and must never change.
TEST(HasherTest, ValuesAreXxh3AndStable) {
  EXPECT_EQ(Hasher::Hash64("Harbor", 0), 0xf63ab144c9d739daULL);
  const std::string_view sep("\0", 1), corr("\0\1", 2);
  std::vector<std::string_view> parts = {"Harbor Ledger", sep, "The bridge reopened.", corr, "Corrected: Tuesday."};
  EXPECT_EQ(Hasher::Hash128Hex(parts), "aa5ea120b6451b2108ec11266ee68b9d");
}

TEST(HasherTest, Hash128HashesTheConcatenation) {
  std::vector<std::string_view> split = {"ab", "c"}, other = {"a", "bc"}, whole = {"abc"};
  EXPECT_EQ(Hasher::Hash128Hex(split), Hasher::Hash128Hex(whole));
  EXPECT_EQ(Hasher::Hash128Hex(other), Hasher::Hash128Hex(whole));
  std::vector<std::string_view> none;
  EXPECT_EQ(Hasher::Hash128Hex(none).size(), 32u);
  EXPECT_NE(Hasher::Hash128Hex(none), Hasher::Hash128Hex(whole));
}

TEST(HasherTest, SeedsGiveDifferentHashes) {
  EXPECT_NE(Hasher::Hash64("Harbor"), Hasher::Hash64("Harbor", 0));
  EXPECT_EQ(Hasher::Hash64("Harbor"), Hasher::Hash64("Harbor", kSketchSeed));
}

}  // namespace
}  // namespace storyfuse
