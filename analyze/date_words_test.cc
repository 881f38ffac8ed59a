#include "analyze/date_words.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

struct HolidayCase {
  Holiday holiday;
  int year;
  int month;
  int day;
};

const HolidayCase kHolidays[] = {
    {Holiday::kNewYearsDay, 2025, 1, 1},    {Holiday::kValentinesDay, 2025, 2, 14},
    {Holiday::kGoodFriday, 2024, 3, 29},    {Holiday::kEaster, 2024, 3, 31},
    {Holiday::kEaster, 2025, 4, 20},        {Holiday::kEaster, 2000, 4, 23},
    {Holiday::kGoodFriday, 2008, 3, 21},    {Holiday::kMemorialDay, 2025, 5, 26},
    {Holiday::kFourthOfJuly, 2025, 7, 4},   {Holiday::kLaborDay, 2025, 9, 1},
    {Holiday::kHalloween, 2025, 10, 31},    {Holiday::kVeteransDay, 2025, 11, 11},
    {Holiday::kElectionDay, 2024, 11, 5},   {Holiday::kElectionDay, 2022, 11, 8},
    {Holiday::kElectionDay, 2026, 11, 3},   {Holiday::kThanksgiving, 1999, 11, 25},
    {Holiday::kThanksgiving, 2025, 11, 27}, {Holiday::kChristmasEve, 2025, 12, 24},
    {Holiday::kChristmas, 2025, 12, 25},    {Holiday::kBoxingDay, 2025, 12, 26},
    {Holiday::kNewYearsEve, 2025, 12, 31},
};

TEST(DateWordsTest, HolidaysFallOnTheirDays) {
  for (const HolidayCase& c : kHolidays) {
    MonthDay md = HolidayIn(c.holiday, c.year);
    EXPECT_EQ(md.month, c.month) << static_cast<int>(c.holiday) << " " << c.year;
    EXPECT_EQ(md.day, c.day) << static_cast<int>(c.holiday) << " " << c.year;
  }
  EXPECT_EQ(HolidayIn(Holiday::kNone, 2025).month, 0);
}

TEST(DateWordsTest, MonthsAndWeekdays) {
  bool abbreviated = false;
  EXPECT_EQ(MonthFromWord("Sept", &abbreviated), 9);
  EXPECT_TRUE(abbreviated);
  EXPECT_EQ(MonthFromWord("july", &abbreviated), 7);
  EXPECT_FALSE(abbreviated);
  EXPECT_EQ(MonthFromWord("Mayor"), 0);
  EXPECT_EQ(WeekdayFromWord("Thurday"), 4);
  EXPECT_EQ(WeekdayFromWord("Sun"), -1);
  EXPECT_TRUE(LooksLikeYear("1998"));
  EXPECT_FALSE(LooksLikeYear("1700"));
}

}  // namespace
}  // namespace storyfuse
