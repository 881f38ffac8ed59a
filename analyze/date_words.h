// Calendar words shared by the date and number analyzers: month and
// weekday names (full, abbreviated, and weekdays with one dropped letter,
// a frequent typo in fast copy: "Thurday"), and the days of holidays.
//
// Pure functions; thread-safe.
#ifndef STORYFUSE_ANALYZE_DATE_WORDS_H_
#define STORYFUSE_ANALYZE_DATE_WORDS_H_

#include <cstdint>
#include <string_view>

namespace storyfuse {

// 1..12 for a month name or its abbreviation ("July", "Jul", "Sept"; case
// is ignored but the caller decides whether lower case counts), else 0.
// `*abbreviated` (when non-null) says whether it was an abbreviation, which
// callers accept only before a day number ("Jan" is also a first name).
int MonthFromWord(std::string_view word, bool* abbreviated = nullptr);

// 0 (Sunday) .. 6 (Saturday) for a weekday name or a name missing one
// letter ("Thurday"), else -1. Three-letter forms ("Sun", "Sat") are not
// accepted: in running text they are mostly other words.
int WeekdayFromWord(std::string_view word);

// True for a 4-digit year 1800..2199 written without separators.
bool LooksLikeYear(std::string_view digits);

// Holidays that English-language news dates events by ("on Thanksgiving",
// "last Christmas"). Floating ones follow US usage, the most common in
// English newswire: Memorial Day is May's last Monday, Labor Day
// September's first, Thanksgiving November's fourth Thursday.
enum class Holiday : uint8_t {
  kNone,
  kNewYearsDay,
  kNewYearsEve,
  kValentinesDay,
  kGoodFriday,
  kEaster,
  kMemorialDay,
  kFourthOfJuly,
  kLaborDay,
  kHalloween,
  kVeteransDay,
  kElectionDay,  // US: the Tuesday after November's first Monday
  kThanksgiving,
  kChristmasEve,
  kChristmas,
  kBoxingDay,
};

// The month (1..12) and day of `h` in Gregorian year `year` (Easter by the
// anonymous Gregorian computus). {0, 0} for kNone.
struct MonthDay {
  int month = 0;
  int day = 0;
};
MonthDay HolidayIn(Holiday h, int year);

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_DATE_WORDS_H_
