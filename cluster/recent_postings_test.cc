#include "cluster/recent_postings.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace storyfuse {
namespace {

std::vector<uint32_t> Read(const RecentPostings& p, uint32_t term) {
  std::vector<uint32_t> out;
  p.ForEach(term, [&](uint32_t v) { out.push_back(v); });
  return out;
}

TEST(RecentPostingsTest, UnknownAndEmptyTermsHoldNothing) {
  RecentPostings p;
  EXPECT_TRUE(Read(p, 0).empty());
  EXPECT_TRUE(Read(p, 1000).empty());
  p.Add(5, 7);
  EXPECT_TRUE(Read(p, 4).empty());
  EXPECT_EQ(Read(p, 5), std::vector<uint32_t>{7});
  EXPECT_EQ(p.size(5), 1u);
  EXPECT_EQ(p.size(6), 0u);
}

TEST(RecentPostingsTest, KeepsTheNewestInOrderOnceFull) {
  RecentPostings p;
  const size_t n = RecentPostings::kRecent;
  for (uint32_t v = 0; v < n; ++v) p.Add(3, v);
  std::vector<uint32_t> expect;
  for (uint32_t v = 0; v < n; ++v) expect.push_back(v);
  EXPECT_EQ(Read(p, 3), expect);
  p.Add(3, 100);  // drops 0
  expect.erase(expect.begin());
  expect.push_back(100);
  EXPECT_EQ(Read(p, 3), expect);
  EXPECT_EQ(p.size(3), n);
}

// What the stream read before: the newest kRecent entries, oldest first,
// of a list per term that kept every value. The same on a long random run
// over many terms, at every length and every wrap of the blocks.
TEST(RecentPostingsTest, ReadsAsTheNewestEntriesOfFullLists) {
  RecentPostings p;
  std::vector<std::vector<uint32_t>> full(300);
  std::mt19937 rng(11);
  for (int i = 0; i < 40000; ++i) {
    uint32_t term = static_cast<uint32_t>(rng() % (i < 20000 ? 40 : full.size()));
    uint32_t value = static_cast<uint32_t>(rng());
    p.Add(term, value);
    full[term].push_back(value);
    if (i % 97 == 0 || i > 39000) {
      for (uint32_t t = 0; t < full.size(); t += 7) {
        const std::vector<uint32_t>& list = full[t];
        size_t from = list.size() > RecentPostings::kRecent ? list.size() - RecentPostings::kRecent : 0;
        ASSERT_EQ(Read(p, t), std::vector<uint32_t>(list.begin() + from, list.end())) << "term " << t << " at " << i;
        uint32_t copied[RecentPostings::kRecent];
        size_t n = p.Copy(t, copied);
        ASSERT_EQ(std::vector<uint32_t>(copied, copied + n), Read(p, t)) << "term " << t << " at " << i;
      }
    }
  }
}

}  // namespace
}  // namespace storyfuse
