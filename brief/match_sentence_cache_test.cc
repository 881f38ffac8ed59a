#include "brief/match_sentence_cache.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storyfuse {
namespace {

const StatementMatcher& Matcher() { return StatementMatcher::Shipped(); }

// Fictional sentences.
const char* kSentences[] = {
    "The Varnholt harbour bridge reopened on Monday after eleven weeks of repairs.",
    "Mayor Ilse Brandvik cut the ribbon in front of about 300 residents.",
    "Repairs to the bridge cost 4.2 million crowns, the city said.",
};

TEST(MatchSentenceCacheTest, AReadingEqualsTheMatchersOwn) {
  MatchSentenceCache cache(&Matcher());
  for (const char* s : kSentences) {
    std::shared_ptr<const MatchSentence> cached = cache.Read(s);
    MatchSentence direct = Matcher().Read(s);
    EXPECT_EQ(cached->tokens, direct.tokens) << s;
    EXPECT_EQ(cached->content, direct.content) << s;
    EXPECT_EQ(cached->numbers, direct.numbers) << s;
    EXPECT_FLOAT_EQ(cached->norm, direct.norm) << s;
    // Probabilities from cached readings are the matcher's.
    EXPECT_FLOAT_EQ(Matcher().Probability(*cached, *cache.Read(kSentences[0])),
                    Matcher().Probability(direct, Matcher().Read(kSentences[0])));
  }
}

TEST(MatchSentenceCacheTest, ASentenceIsReadOnceAndSharedAfter) {
  MatchSentenceCache cache(&Matcher());
  std::shared_ptr<const MatchSentence> first = cache.Read(kSentences[1]);
  // Another buffer with the same text: keyed by text, not by address.
  std::string copy = kSentences[1];
  std::shared_ptr<const MatchSentence> second = cache.Read(copy);
  EXPECT_EQ(first.get(), second.get());
  EXPECT_EQ(cache.misses(), 1);
  EXPECT_EQ(cache.hits(), 1);
  EXPECT_EQ(cache.size(), 1u);
}

TEST(MatchSentenceCacheTest, TheBudgetDropsTheLeastRecentlyUsed) {
  size_t one = MatchSentenceCache::Cost(kSentences[0], Matcher().Read(kSentences[0]));
  size_t two = MatchSentenceCache::Cost(kSentences[1], Matcher().Read(kSentences[1]));
  size_t three = MatchSentenceCache::Cost(kSentences[2], Matcher().Read(kSentences[2]));
  // Room for the two largest, not for all three.
  MatchSentenceCache cache(&Matcher(), one + two + three - std::min({one, two, three}));
  std::shared_ptr<const MatchSentence> held = cache.Read(kSentences[0]);
  cache.Read(kSentences[1]);
  cache.Read(kSentences[0]);  // now the most recent: [1] goes first
  cache.Read(kSentences[2]);
  EXPECT_LE(cache.bytes(), one + two + three - std::min({one, two, three}));
  int64_t misses = cache.misses();
  cache.Read(kSentences[0]);
  EXPECT_EQ(cache.misses(), misses) << "the recently used one stays";
  cache.Read(kSentences[1]);
  EXPECT_EQ(cache.misses(), misses + 1) << "the least recently used one went";
  // A reading handed out outlives its eviction.
  EXPECT_FALSE(held->tokens.empty());
}

TEST(MatchSentenceCacheTest, AReadingLargerThanTheBudgetIsNotKept) {
  MatchSentenceCache cache(&Matcher(), 16);
  std::shared_ptr<const MatchSentence> r = cache.Read(kSentences[2]);
  ASSERT_NE(r, nullptr);
  EXPECT_FALSE(r->tokens.empty());
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_EQ(cache.bytes(), 0u);
}

}  // namespace
}  // namespace storyfuse
