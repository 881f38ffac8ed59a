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
  const char* mention;  // span text of the mention checked (the first with it)
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
    // A month that is also a word is a date after "mid-" or between "the"
    // and a lower-case noun.
    {"Fares rose in mid-August.", "2025-07-11", "mid-August", "2024-08", "month"},
    {"Officials counted the ballots of the May elections.", "2025-07-11", "May", "2025-05", "month"},
    // Tense (DateTense): intentions, modals, passives, names, fronted dates.
    {"The envoy plans to leave on Tuesday.", "2025-07-11", "Tuesday", "2025-07-15", "day"},
    {"Protesters planned a rally on Saturday.", "2025-07-11", "Saturday", "2025-07-12", "day"},
    {"The boy must be returned to his father by Jan. 14.", "2025-01-06", "Jan. 14", "2025-01-14", "day"},
    {"The appeal will be heard in March.", "2025-07-11", "March", "2026-03", "month"},
    // An attribution after a comma ("..., a spokesman said") is no cue: the
    // clause's own cue decides, else the nearest year.
    {"The court will hear the appeal on Oct. 5, a clerk said.", "2025-07-11", "Oct. 5", "2025-10-05", "day"},
    {"The ferry docked on Oct. 5, a clerk said.", "2025-07-11", "Oct. 5", "2024-10-05", "day"},
    {"Talks on Oct. 5, a clerk said, were calm.", "2025-07-11", "Oct. 5", "2024-10-05", "day"},
    {"The hearing is on Sept. 14, the lawyer said.", "2025-08-20", "Sept. 14", "2025-09-14", "day"},
    {"Monday, the minister said she would resign.", "2025-07-11", "Monday", "2025-07-07", "day"},
    // A schedule in the present tense is ahead.
    {"The exhibition opens Friday in Sundhavn.", "2025-07-09", "Friday", "2025-07-11", "day"},
    {"The assembly resumes Monday after a recess.", "2025-07-11", "Monday", "2025-07-14", "day"},
    // After "to" or a modal, "last", "hit", "put" are bare verbs, not past.
    {"The walkout began Monday and is expected to last until Friday.", "2025-07-09", "Friday", "2025-07-11", "day"},
    {"Forecasters say the storm may hit Sunday.", "2025-07-11", "Sunday", "2025-07-13", "day"},
    {"Relatives lose the case when it is heard in May.", "2025-03-29", "May", "2025-05", "month"},
    {"She said the envoy would be flying to the Velmoran capital Thursday.", "2025-07-09", "Thursday", "2025-07-10",
     "day"},
    {"The group could leave as soon as Tuesday.", "2025-07-11", "Tuesday", "2025-07-15", "day"},
    {"The mayor could not be reached Monday.", "2025-07-11", "Monday", "2025-07-07", "day"},
    {"The mayor couldn't be reached Monday.", "2025-07-11", "Monday", "2025-07-07", "day"},
    // A past auxiliary of an intention is a future seen from the past.
    {"Exiles called a march for Saturday and were planning to block roads.", "2025-07-11", "Saturday", "2025-07-12",
     "day"},
    {"Crews cleared the pier Sunday, which was expected to reopen.", "2025-07-11", "Sunday", "2025-07-06", "day"},
    {"In January, a week after the vote, a storm damaged the pier.", "2025-10-25", "January", "2025-01", "month"},
    {"On Friday, when the mayor set aside vacation plans, the port closed.", "2025-07-14", "Friday", "2025-07-11",
     "day"},
    // A weekday fixes the year of a date without one.
    {"The paper said in an editorial on Monday, Oct. 27:", "2025-10-26", "Monday, Oct. 27", "2025-10-27", "day"},
    // A date naming a thing is not dated by its clause's verb.
    {"Officials gave no reason for the Jan. 14 deadline.", "2025-01-05", "Jan. 14", "2025-01-14", "day"},
    {"Police have searched for him since the Oct. 23 shooting.", "2025-05-06", "Oct. 23", "2024-10-23", "day"},
    // Holidays.
    {"The boy was found on Thanksgiving Day.", "2025-12-05", "Thanksgiving Day", "2025-11-27", "day"},
    {"The ministers will meet on Christmas Eve.", "2025-07-11", "Christmas Eve", "2025-12-24", "day"},
    {"The strike began last Christmas.", "2025-07-11", "last Christmas", "2024-12-25", "day"},
    {"Pilgrims gathered on Easter Sunday.", "2025-05-01", "Easter Sunday", "2025-04-20", "day"},
    {"Voters go to the polls on Election Day.", "2024-10-20", "Election Day", "2024-11-05", "day"},
    {"Fireworks lit the sky on New Year's Eve.", "2025-01-02", "New Year's Eve", "2024-12-31", "day"},
    // Dates told from the last date the text gave.
    {"The doctor was shot on Oct. 23, 1998. Earlier that day, the family sent a fax.", "2025-07-11", "Earlier that day",
     "1998-10-23", "day"},
    {"The hearing was on Feb. 22. He appeared in court the next morning.", "2025-03-01", "the next morning",
     "2025-02-23", "day"},
    {"The plant closed in 2019. A year earlier, it had cut 200 jobs.", "2025-07-11", "A year earlier", "2018", "year"},
    {"The ferry sank on May 2, 2024. Divers arrived the day before.", "2025-07-11", "the day before", "2024-05-01",
     "day"},
    {"Talks are set for the week of July 21.", "2025-07-11", "the week of July 21", "2025-07-21", "week"},
    {"Growth will slow early next year.", "2025-07-11", "early next year", "2026", "year"},
    // Ranges: one mention per end.
    {"The festival runs June 3-5.", "2025-05-11", "June 3", "2025-06-03", "day"},
    {"The festival runs June 3-5.", "2025-05-11", "5", "2025-06-05", "day"},
    {"The festival ran June 3 to 5, 2024.", "2025-05-11", "5, 2024", "2024-06-05", "day"},
    // A second day after "and"/"or" that closes its phrase.
    {"The summit is on April 24 and 25.", "2025-03-11", "25", "2025-04-25", "day"},
    {"Polls open on May 3 or 4, 2026, officials said.", "2025-07-11", "4, 2026", "2026-05-04", "day"},
    // Plans and deferrals point ahead even when told in the past.
    {"The accession was planned for March 3, an official said.", "2025-02-10", "March 3", "2025-03-03", "day"},
    {"The launch was set for Tuesday.", "2025-07-11", "Tuesday", "2025-07-15", "day"},
    {"Officials postponed until Tuesday any decision on the permit.", "2025-07-11", "Tuesday", "2025-07-15", "day"},
    {"A bomb went off next to the embassy in Varnia on Thursday.", "2025-07-11", "Thursday", "2025-07-10", "day"},
    // A month or day followed by its relative year is one date.
    {"The house approved it in early October this year.", "2025-12-03", "October this year", "2025-10", "month"},
    {"They join in April next year.", "2025-12-03", "April next year", "2026-04", "month"},
    {"The port reopened on March 3 last year.", "2025-12-03", "March 3 last year", "2024-03-03", "day"},
    // Years.
    {"He is charged in the 1996 bombing.", "2025-07-11", "1996", "1996", "year"},
    {"Records show fines from 1991 to 1997.", "2025-07-11", "1997", "1997", "year"},
    {"Prices peaked in mid-1998.", "2025-07-11", "mid-1998", "1998", "year"},
    {"Prices peaked in May of 1998.", "2025-07-11", "May of 1998", "1998-05", "month"},
    {"Their politics are post-1959 politics.", "2025-07-11", "post-1959", "1959", "year"},
    {"He met the judge the day before last Tuesday's hearing.", "2025-07-11", "the day before last Tuesday",
     "2025-07-07", "day"},
    {"Investigators, wondering how he could have escaped, searched the site on April 8.", "2025-05-05", "April 8",
     "2025-04-08", "day"},
    {"The attacks date back to 1994.", "2025-07-11", "1994", "1994", "year"},
    {"Tolls were frozen throughout 2023.", "2025-07-11", "2023", "2023", "year"},
    {"The mill's output for 2023 fell sharply.", "2025-07-11", "2023", "2023", "year"},
    {"Rents rose 4 percent over 2023.", "2025-07-11", "2023", "2023", "year"},
    // A year before a singular noun in -ss/-us/-is modifies it; after a
    // possessive it dates the noun; "into" is a year cue.
    {"Clerks prepared the 2030 census of the valley.", "2025-07-11", "2030", "2030", "year"},
    {"Voters still recall the 1998 crisis.", "2025-07-11", "1998", "1998", "year"},
    {"Varnia's 1982 invasion of the isles failed.", "2025-07-11", "1982", "1982", "year"},
    {"The 1998's harvest was poor.", "2025-07-11", "1998", "1998", "year"},
    {"Well into 2024, the ferry line kept losing money.", "2025-07-11", "2024", "2024", "year"},
    // "for" makes a word-like month a date when it closes the phrase;
    // "that" before it works like "the".
    {"The runoff, now scheduled for April, was delayed.", "2025-07-11", "April", "2026-04", "month"},
    {"Two aides who attended that June meeting testified.", "2025-07-11", "June", "2025-06", "month"},
    // "the year" after "of" or "in" is the report's year.
    {"The dam should be finished by the end of the year.", "2025-07-11", "the year", "2025", "year"},
    {"``Today, we have our suspect,'' she said.", "2025-07-11", "Today", "2025-07-11", "day"},
    // A time of day takes its sentence's day, before or after it.
    {"The ferry left at 9:40 p.m. local time, three hours late, on Wednesday.", "2025-07-11", "9:40 p.m.", "2025-07-09",
     "day"},
    {"Judges rule at midday, a court statement said Tuesday.", "2025-07-11", "midday", "2025-07-08", "day"},
};

void PrintTo(const DateCase& c, std::ostream* os) { *os << c.text; }

class DateCaseTest : public ::testing::TestWithParam<DateCase> {};

TEST_P(DateCaseTest, ResolvesTheMention) {
  const DateCase& c = GetParam();
  std::string text = c.text;
  std::vector<DateMention> got = DateResolver::Extract(text, c.anchor);
  auto it = std::find_if(got.begin(), got.end(), [&](const DateMention& m) { return m.span.In(text) == c.mention; });
  ASSERT_NE(it, got.end()) << text << ": no mention \"" << c.mention << "\"";
  EXPECT_EQ(it->iso, c.iso) << text;
  EXPECT_EQ(GranularityName(it->granularity), c.granularity) << text;
}

INSTANTIATE_TEST_SUITE_P(Table, DateCaseTest, ::testing::ValuesIn(kCases));

const char* const kNotDates[] = {
    "The plant employs 2000 workers.",
    "He may stay.",
    "The meeting lasted 50 minutes.",
    "Doors open at 10:30.",
    "Prices rose 5% in the quarter.",
    "April Lee won the race.",
    "She hosted The Tonight Show.",
    "He read TODAY on the cover.",
    // Seasons, decades and durations are not calendar dates.
    "The harbour is busy in summer.",
    "Trade grew in the 1990s.",
    "Trade grew in the 1990's and shrank in the mid-1970's.",
    "The strike lasted for three days.",
    "In today's world, news travels fast.",
    "Today's youth read less.",
    "She visited Easter Island.",
    "Crowds marked the Lunar New Year's start.",
    // A time of day without a day in its sentence.
    "The shop opens at 9 a.m. sharp.",
    // A month word between "the" and a name is part of the name.
    "Marchers joined the March On Harbour Road.",
    // "for" and "over" also take counts; "the year" may be a span.
    "Seats for 2000 people were added.",
    "The club has over 1500 members.",
    // A possessive before a count, and "for" before a name.
    "The mill's 2000 employees voted.",
    "Flowers were bought for April Lee.",
    "Four thousand boxes went into 2000 crates.",
    "Output rose 3% in the year to March.",
    "Crime fell in the year since the curfew began.",
};

// "and" before a number that does not close its phrase joins a count.
TEST(DateResolverTest, SecondDayNeedsToCloseItsPhrase) {
  std::vector<DateMention> got = DateResolver::Extract("On May 3 and 25 people were hurt.", "2025-07-11");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].iso, "2025-05-03");
}

TEST(DateResolverTest, IgnoresNonDates) {
  for (const char* t : kNotDates) {
    EXPECT_TRUE(DateResolver::Extract(t, "2025-07-11").empty()) << t;
  }
}

struct RoleCase {
  const char* text;
  const char* mention;  // span text of the mention checked
  const char* role;
};

const RoleCase kRoleCases[] = {
    {"Korval met Oberin on Thursday.", "Thursday", "event"},
    {"Russia launched its largest strikes since the war began in February 2022.", "February 2022", "background"},
    {"It was their second meeting since February.", "February", "background"},
    {"Oberin, who returned to office this year, changed his tone.", "this year", "background"},
    {"The first being in Varnia in February, this was their second meeting.", "February", "background"},
    {"Following his inauguration in January, the envoy flew to Varnia.", "January", "background"},
    {"Korval is in Sundhavn days after the president declared on Monday that levies would rise.", "Monday",
     "background"},
    {"Exports were 5% higher than in 2024.", "2024", "background"},
    {"Relatives sought a way around Wednesday's ruling.", "Wednesday", "background"},
    {"He is charged in the 1996 bombing.", "1996", "background"},
    {"Korval previously met Oberin in Varnia in February.", "February", "event"},
    {"They met for the first time on Monday.", "Monday", "event"},
    {"The day before, on Monday, Oberin had announced plans to send patrol boats.", "Monday", "event"},
    {"(Published Monday, Nov. 19, 2018)", "Monday, Nov. 19, 2018", "stamp"},
    {"CORRECTION, June 29, 2017: An earlier version misstated the date.", "June 29, 2017", "stamp"},
    {"Published July 10, 2025", "July 10, 2025", "stamp"},
    {"SUNDHAVN, July 10 (Reuters) - Korval met Oberin.", "July 10", "stamp"},
    {"Thursday, July 10, 2025", "Thursday, July 10, 2025", "stamp"},
    {"Tune in to Harbour Radio on Monday for the debate.", "Monday", "stamp"},
    {"On Thursday, the ministers met in Sundhavn.", "Thursday", "event"},
    // A time of day plays the role of the day it takes its date from.
    {"The blast at 9:15 a.m. came three days after the bombing of Tuesday.", "9:15 a.m.", "background"},
};

void PrintTo(const RoleCase& c, std::ostream* os) { *os << c.text; }

class RoleCaseTest : public ::testing::TestWithParam<RoleCase> {};

TEST_P(RoleCaseTest, TellsEventFromBackground) {
  const RoleCase& c = GetParam();
  std::string text = c.text;
  std::vector<DateMention> got = DateResolver::Extract(text, "2025-07-11");
  auto it = std::find_if(got.begin(), got.end(), [&](const DateMention& m) { return m.span.In(text) == c.mention; });
  ASSERT_NE(it, got.end()) << text << ": no mention \"" << c.mention << "\"";
  EXPECT_EQ(DateRoleName(it->role), c.role) << text;
}

INSTANTIATE_TEST_SUITE_P(Table, RoleCaseTest, ::testing::ValuesIn(kRoleCases));

TEST(DateResolverTest, TimeNextToItsDayIsNoSecondDate) {
  for (const char* t : {"The vote is at 10 a.m. Friday.", "The vote is Friday at noon."}) {
    std::vector<DateMention> got = DateResolver::Extract(t, "2025-07-09");
    ASSERT_EQ(got.size(), 1u) << t;
    EXPECT_EQ(got[0].span.In(t), "Friday") << t;
  }
}

TEST(DateResolverTest, IsoValueWritesWeeksAsIsoWeeks) {
  DateMention m;
  m.granularity = DateGranularity::kWeek;
  m.iso = "2025-07-07";
  EXPECT_EQ(IsoValue(m), "2025-W28");
  m.iso = "2024-12-30";  // the Monday of 2025's first ISO week
  EXPECT_EQ(IsoValue(m), "2025-W01");
  m.iso = "2021-01-04";  // 2021-01-01 was a Friday, in 2020-W53
  EXPECT_EQ(IsoValue(m), "2021-W01");
  m.granularity = DateGranularity::kMonth;
  m.iso = "2025-07";
  EXPECT_EQ(IsoValue(m), "2025-07");
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

// Time grows linearly: 4x the input should take about 4x the time, a
// quadratic step 16x. The bar is their geometric middle, 8x: 6x failed once
// at x6.09 beside other tests in CI (2026-12-05, 1 MiB) with linear code.
TEST(DateResolverTest, TimeGrowsLinearlyWithTheInput) {
#ifdef STORYFUSE_TIMING_UNRELIABLE
  GTEST_SKIP() << "sanitizer build: instrumentation, not the resolver, sets the time";
#endif
  // 1 MiB, not less: at 256 KiB the smaller text nearly fits the cache and
  // the ratio read x4.6 on an idle machine and x8.7 beside another test
  // (CI, 2026-12-05); at 1 MiB both sizes miss it alike (x4.1 idle).
  constexpr size_t kSmall = 1024 * 1024;
  KeepFreedMemory();
  constexpr double kMaxGrowth = 8.0;
  for (bool one_sentence : {true, false}) {
    double small = MinCpuSeconds(Pathological(kSmall, one_sentence));
    double large = MinCpuSeconds(Pathological(4 * kSmall, one_sentence));
    EXPECT_LE(large, kMaxGrowth * std::max(small, 1e-3))
        << "one sentence: " << one_sentence << ", " << small << " s then " << large << " s";
  }
}

}  // namespace
}  // namespace storyfuse
