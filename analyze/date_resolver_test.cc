#include "analyze/date_resolver.h"

#include <gtest/gtest.h>
#include <time.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <algorithm>
#include <string>
#include <vector>

namespace storyfuse {
namespace {

struct DateCase {
  const char* text;
  const char* anchor;
  const char* mention;  // expected span text of the first mention
  const char* iso;
  const char* granularity;
};

// Anchor 2025-07-11 is a Friday.
const DateCase kCases[] = {
    {"The envoy arrived on Thursday.", "2025-07-11", "Thursday", "2025-07-10", "day"},
    {"The envoy arrived Friday.", "2025-07-11", "Friday", "2025-07-11", "day"},
    {"The council will meet on Monday.", "2025-07-11", "Monday", "2025-07-14", "day"},
    {"She spoke last Tuesday in Lisbon.", "2025-07-11", "last Tuesday", "2025-07-08", "day"},
    {"Talks resume next Monday.", "2025-07-11", "next Monday", "2025-07-14", "day"},
    {"Talks resume next week.", "2025-07-11", "next week", "2025-07-14", "week"},
    {"Prices rose last week.", "2025-07-11", "last week", "2025-06-30", "week"},
    {"The treaty was signed on July 3.", "2025-07-11", "July 3", "2025-07-03", "day"},
    {"Tariffs will apply from August 1.", "2025-07-11", "August 1", "2025-08-01", "day"},
    {"They first met in February.", "2025-07-11", "February", "2025-02", "month"},
    {"No rain has fallen since January.", "2025-07-11", "January", "2025-01", "month"},
    {"The mayor resigned earlier this year.", "2025-07-11", "earlier this year", "2025", "year"},
    {"The bridge opened yesterday.", "2025-07-11", "yesterday", "2025-07-10", "day"},
    {"The bridge opens today.", "2025-07-11", "today", "2025-07-11", "day"},
    {"The vote took place on July 10, 2025.", "", "July 10, 2025", "2025-07-10", "day"},
    {"The vote took place on 10 July 2025.", "", "10 July 2025", "2025-07-10", "day"},
    {"Filed 2025-07-10 by the clerk.", "", "2025-07-10", "2025-07-10", "day"},
    {"The war began in February 2022.", "", "February 2022", "2022-02", "month"},
    {"Output fell in 2024.", "", "2024", "2024", "year"},
    {"The ferry sank three days ago.", "2025-07-11", "three days ago", "2025-07-08", "day"},
    {"A storm hit the coast just days earlier.", "2025-07-10", "days earlier", "2025-07-07", "week"},
    {"The summit ends on Thursday, July 17.", "2025-07-11", "Thursday, July 17", "2025-07-17", "day"},
    {"She met the minister earlier Thurday.", "2025-07-11", "Thurday", "2025-07-10", "day"},
    {"Rates were cut in mid-July.", "2025-07-20", "mid-July", "2025-07", "month"},
    {"The 10th of July was hot.", "2025-08-01", "The 10th of July", "2025-07-10", "day"},
    {"Exports grew in December.", "2025-07-11", "December", "2024-12", "month"},
};

void PrintTo(const DateCase& c, std::ostream* os) { *os << c.text; }

class DateCaseTest : public ::testing::TestWithParam<DateCase> {};

TEST_P(DateCaseTest, ResolvesFirstMention) {
  const DateCase& c = GetParam();
  std::string text = c.text;
  std::vector<DateMention> got = DateResolver::Extract(text, c.anchor);
  ASSERT_FALSE(got.empty()) << text;
  EXPECT_EQ(got[0].span.In(text), c.mention) << text;
  EXPECT_EQ(got[0].iso, c.iso) << text;
  EXPECT_EQ(GranularityName(got[0].granularity), c.granularity) << text;
}

INSTANTIATE_TEST_SUITE_P(Table, DateCaseTest, ::testing::ValuesIn(kCases));

const char* const kNotDates[] = {
    "The plant employs 2000 workers.", "He may stay.", "The meeting lasted 50 minutes.",
    "Doors open at 10:30.", "Prices rose 5% in the quarter.", "April Lee won the race.",
    "She hosted The Tonight Show.", "He read TODAY on the cover.",
};

TEST(DateResolverTest, IgnoresNonDates) {
  for (const char* t : kNotDates) {
    EXPECT_TRUE(DateResolver::Extract(t, "2025-07-11").empty()) << t;
  }
}

TEST(DateResolverTest, RelativeWithoutAnchorHasEmptyIso) {
  std::vector<DateMention> got = DateResolver::Extract("It rained on Tuesday.", "");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_TRUE(got[0].iso.empty());
  EXPECT_TRUE(got[0].relative);
}

TEST(DateResolverTest, RecordsAnchorAndSentence) {
  std::string text = "Rain fell. The envoy left on Thursday morning.";
  std::vector<DateMention> got = DateResolver::Extract(text, "2025-07-11T09:00:00Z");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].anchor, "2025-07-11");
  EXPECT_EQ(got[0].sentence.In(text), "The envoy left on Thursday morning.");
}

TEST(DateResolverTest, AnchorForPrefersArticleDate) {
  Article a;
  EXPECT_EQ(DateResolver::AnchorFor(a, "2025-07-11"), "2025-07-11");
  a.published.iso = "2025-07-10T08:00:00Z";
  EXPECT_EQ(DateResolver::AnchorFor(a, "2025-07-11"), "2025-07-10");
}

double CpuSeconds() {
  timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

// glibc hands blocks above a size threshold (which moves with what was
// freed before) straight back to the kernel, so a large run pays fresh
// page faults on every repetition and a small one none: a 10x gap that
// says nothing about the algorithm. Keeping freed memory in the heap makes
// the repetitions after the warm-up measure the code alone.
void KeepFreedMemory() {
#ifdef __GLIBC__
  constexpr int kLarge = 1 << 30;
  mallopt(M_MMAP_THRESHOLD, kLarge);
  mallopt(M_TRIM_THRESHOLD, kLarge);
#endif
}

// The least CPU time of a few runs: the machine is shared, and the least
// is the run the others disturbed least.
double MinCpuSeconds(const std::string& text) {
  constexpr int kRuns = 3;
  double best = 1e9;
  DateResolver::Extract(text, "2025-07-11");  // warm-up: first-touch page faults
  for (int r = 0; r < kRuns; ++r) {
    double t0 = CpuSeconds();
    std::vector<DateMention> got = DateResolver::Extract(text, "2025-07-11");
    best = std::min(best, CpuSeconds() - t0);
    EXPECT_FALSE(got.empty());
  }
  return best;
}

// Texts built to be worst cases: one endless sentence full of dates (every
// mention used to rescan its sentence), and many short dated sentences.
std::string Pathological(size_t bytes, bool one_sentence) {
  static const char* const kPieces[] = {"Monday", "last Tuesday", "July 10", "next week", "in 2024"};
  std::string text;
  for (size_t k = 0; text.size() < bytes; ++k) {
    text += "talks resumed ";
    text += kPieces[k % std::size(kPieces)];
    text += one_sentence ? " and " : ". The ";
  }
  return text;
}

// Time grows linearly (6x allows for noise and cache effects; a quadratic
// step would be 16x).
TEST(DateResolverTest, TimeGrowsLinearlyWithTheInput) {
  constexpr size_t kSmall = 256 * 1024;
  KeepFreedMemory();
  constexpr double kMaxGrowth = 6.0;
  for (bool one_sentence : {true, false}) {
    double small = MinCpuSeconds(Pathological(kSmall, one_sentence));
    double large = MinCpuSeconds(Pathological(4 * kSmall, one_sentence));
    EXPECT_LE(large, kMaxGrowth * std::max(small, 1e-3)) << "one sentence: " << one_sentence << ", " << small
                                                          << " s then " << large << " s";
  }
}

}  // namespace
}  // namespace storyfuse
