#include "worker/partition_key.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

// 2026-12-05T11:00:00Z in milliseconds: an arrival date.
constexpr int64_t kArrival = 1796468400000;

struct Case {
  const char* language;
  const char* published;
  int months;
  const char* want;
};

TEST(PartitionKeyTest, LanguageAndWindow) {
  const Case cases[] = {
      {"en", "2031-03-12", 0, ""},            // one partition: the default
      {"en", "2031-03-12", 1, "en.2031-03"},  // a month
      {"en", "2031-03-12T08:30:00Z", 6, "en.2031-01"},
      {"en", "2031-06-30", 6, "en.2031-01"},  // the window's last day
      {"en", "2031-07-01", 6, "en.2031-07"},  // the next window's first
      {"de", "2031-07-01", 6, "de.2031-07"},  // another language, another partition
      {"EN", "2031-12-31", 12, "en.2031-01"},
      {"", "2031-12-31", 12, "und.2031-01"},
      {"pt-BR", "1969-12-31", 3, "pt-br.1969-10"},  // before 1970: windows still aligned
      {"en", "", 6, "en.2026-07"},                  // undated: by arrival
      {"en", "Tuesday", 6, "en.2026-07"},           // unreadable: by arrival
      {"en", "2031-13-01", 6, "en.2026-07"},
  };
  for (const Case& c : cases) {
    Article a;
    a.language = c.language;
    a.published.iso = c.published;
    EXPECT_EQ(PartitionKey(a, c.months, kArrival), c.want) << c.language << " " << c.published << " " << c.months;
  }
}

TEST(PartitionKeyTest, StreamEntryMillis) {
  EXPECT_EQ(StreamEntryMillis("1796468400000-0"), kArrival);
  EXPECT_EQ(StreamEntryMillis("1796468400000-17"), kArrival);
  EXPECT_EQ(StreamEntryMillis("1796468400000"), kArrival);
  EXPECT_EQ(StreamEntryMillis("x-1"), 0);
  EXPECT_EQ(StreamEntryMillis(""), 0);
}

}  // namespace
}  // namespace storyfuse
