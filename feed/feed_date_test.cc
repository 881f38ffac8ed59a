#include "feed/feed_date.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

struct DateCase {
  const char* text;
  const char* utc;
};

const DateCase kCases[] = {
    {"Sat, 14 Mar 2026 09:05:00 +0000", "2026-03-14T09:05:00Z"},
    {"Sat, 14 Mar 2026 09:05:00 GMT", "2026-03-14T09:05:00Z"},
    {"Sat, 14 Mar 2026 09:05:00 -0500", "2026-03-14T14:05:00Z"},
    {"Sat, 14 Mar 2026 21:30:00 EST", "2026-03-15T02:30:00Z"},    // crosses midnight
    {"Sun, 01 Mar 2026 00:30:00 +0100", "2026-02-28T23:30:00Z"},  // back over a month end
    {"Thu, 01 Jan 2026 00:10:00 +0200", "2025-12-31T22:10:00Z"},  // and a year end
    {"Sat, 29 Feb 2028 23:00:00 -0300", "2028-03-01T02:00:00Z"},  // leap day
    {"2026-03-14T09:05:00Z", "2026-03-14T09:05:00Z"},
    {"2026-03-14T09:05:00.250+05:30", "2026-03-14T03:35:00Z"},
    {"2026-03-14T09:05+01:00", "2026-03-14T08:05:00Z"},
    {"2026-03-14", "2026-03-14"},
    {"2026-03-14T09:05:00", "2026-03-14"},  // no zone: the date alone, nothing guessed
    {"14 March 2026", "2026-03-14"},
    {"", ""},
    {"yesterday", ""},
    {"2026-02-30T10:00:00Z", ""},
    {"Sat, 14 Mar 2026 09:05:00 XYZ", "2026-03-14"},
};

TEST(FeedDateTest, ToUtc) {
  for (const DateCase& c : kCases) EXPECT_EQ(FeedDate::ToUtc(c.text), c.utc) << c.text;
}

}  // namespace
}  // namespace storyfuse
