#include "analyze/date_words.h"

#include "text/word_lexer.h"

namespace storyfuse {
namespace {

constexpr std::string_view kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                        "july",    "august",   "september", "october", "november", "december"};
constexpr std::string_view kWeekdays[] = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};

// True when `word` is `name` with exactly one letter missing.
bool MissingOneLetter(std::string_view word, std::string_view name) {
  if (word.size() + 1 != name.size()) return false;
  size_t i = 0;
  while (i < word.size() && word[i] == name[i]) ++i;
  return word.substr(i) == name.substr(i + 1);
}

}  // namespace

int MonthFromWord(std::string_view word, bool* abbreviated) {
  if (abbreviated != nullptr) *abbreviated = false;
  if (word.size() < 3 || word.size() > 9) return 0;
  std::string w = AsciiLower(word);
  for (int m = 0; m < 12; ++m) {
    if (w == kMonths[m]) return m + 1;
  }
  if (abbreviated != nullptr) *abbreviated = true;
  if (w == "sept") return 9;
  if (w.size() == 3 && w != "may") {
    for (int m = 0; m < 12; ++m) {
      if (kMonths[m].substr(0, 3) == w) return m + 1;
    }
  }
  return 0;
}

int WeekdayFromWord(std::string_view word) {
  if (word.size() < 3 || word.size() > 9) return -1;
  std::string w = AsciiLower(word);
  if (w.size() < 5) return -1;
  for (int d = 0; d < 7; ++d) {
    if (w == kWeekdays[d]) return d;
    if (w.size() >= 5 && w.compare(w.size() - 3, 3, "day") == 0 && w[0] == kWeekdays[d][0] &&
        MissingOneLetter(w, kWeekdays[d])) {
      return d;
    }
  }
  return -1;
}

bool LooksLikeYear(std::string_view digits) {
  if (digits.size() != 4) return false;
  for (char c : digits) {
    if (c < '0' || c > '9') return false;
  }
  int y = (digits[0] - '0') * 1000 + (digits[1] - '0') * 100 + (digits[2] - '0') * 10 + (digits[3] - '0');
  return y >= 1800 && y <= 2199;
}

namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysIn(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// 0 (Sunday) .. 6 (Saturday) of a Gregorian date (Sakamoto's method).
int WeekdayOfDate(int y, int m, int d) {
  static constexpr int kOffsets[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  if (m < 3) y -= 1;
  return (y + y / 4 - y / 100 + y / 400 + kOffsets[m - 1] + d) % 7;
}

// Day of the month of the n-th (1-based) `weekday` of month m.
int NthWeekday(int y, int m, int weekday, int n) {
  int first = WeekdayOfDate(y, m, 1);
  return 1 + (weekday - first + 7) % 7 + 7 * (n - 1);
}

int LastWeekday(int y, int m, int weekday) {
  int last = DaysIn(y, m);
  return last - (WeekdayOfDate(y, m, last) - weekday + 7) % 7;
}

MonthDay Easter(int y) {
  int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return {month, day};
}

constexpr int kMonday = 1, kThursday = 4;

}  // namespace

MonthDay HolidayIn(Holiday h, int y) {
  switch (h) {
    case Holiday::kNone:
      return {};
    case Holiday::kNewYearsDay:
      return {1, 1};
    case Holiday::kNewYearsEve:
      return {12, 31};
    case Holiday::kValentinesDay:
      return {2, 14};
    case Holiday::kGoodFriday: {
      MonthDay e = Easter(y);
      return e.day > 2 ? MonthDay{e.month, e.day - 2} : MonthDay{e.month - 1, DaysIn(y, e.month - 1) + e.day - 2};
    }
    case Holiday::kEaster:
      return Easter(y);
    case Holiday::kMemorialDay:
      return {5, LastWeekday(y, 5, kMonday)};
    case Holiday::kFourthOfJuly:
      return {7, 4};
    case Holiday::kLaborDay:
      return {9, NthWeekday(y, 9, kMonday, 1)};
    case Holiday::kHalloween:
      return {10, 31};
    case Holiday::kVeteransDay:
      return {11, 11};
    case Holiday::kElectionDay:
      return {11, NthWeekday(y, 11, kMonday, 1) + 1};
    case Holiday::kThanksgiving:
      return {11, NthWeekday(y, 11, kThursday, 4)};
    case Holiday::kChristmasEve:
      return {12, 24};
    case Holiday::kChristmas:
      return {12, 25};
    case Holiday::kBoxingDay:
      return {12, 26};
  }
  return {};
}

}  // namespace storyfuse
