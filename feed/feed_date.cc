#include "feed/feed_date.h"

#include <cstdio>

#include "ingest/date_parser.h"

namespace storyfuse {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date, and back (the
// civil-from-days algorithms, exact for every year DateParser accepts).
long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(long z, int* y, int* m, int* d) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yoe + era * 400 + (*m <= 2));
}

}  // namespace

std::string FeedDate::ToUtc(std::string_view text) {
  if (text.empty()) return {};
  std::optional<std::string> iso = DateParser::ParseWhole(text);
  if (!iso) {
    // A date followed by what DateParser does not read (an unknown zone
    // such as "AEST") keeps its date: the time means nothing without it.
    std::optional<DateMatch> start = DateParser::FindAtStart(text);
    return start ? start->iso.substr(0, 10) : std::string();
  }
  // DateParser gives "YYYY-MM-DD", "...THH:MM:SSZ" or "...THH:MM:SS+HH:MM".
  constexpr size_t kZonedLength = 25;
  if (iso->size() != kZonedLength) return *iso;
  int y, mo, d, h, mi, s, zh, zm;
  char sign;
  if (std::sscanf(iso->c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c%2d:%2d", &y, &mo, &d, &h, &mi, &s, &sign, &zh, &zm) != 9) {
    return iso->substr(0, 10);
  }
  constexpr long kSecondsPerDay = 86400;
  long offset = (zh * 60L + zm) * 60L * (sign == '-' ? -1 : 1);
  long t = DaysFromCivil(y, mo, d) * kSecondsPerDay + h * 3600L + mi * 60L + s - offset;
  long days = t >= 0 ? t / kSecondsPerDay : (t - kSecondsPerDay + 1) / kSecondsPerDay;
  long rest = t - days * kSecondsPerDay;
  CivilFromDays(days, &y, &mo, &d);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02ld:%02ld:%02ldZ", y, mo, d, rest / 3600, rest / 60 % 60, rest % 60);
  return buf;
}

}  // namespace storyfuse
