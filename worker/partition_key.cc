#include "worker/partition_key.h"

#include <charconv>
#include <cstdio>
#include <ctime>

namespace storyfuse {

namespace {

// A language tag as a key part: letters, digits and '-' kept, lower case;
// anything else (and an empty tag) reads "und", BCP 47's "undetermined".
std::string LanguagePart(std::string_view language) {
  std::string out;
  for (char c : language) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
      out += c;
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    }
  }
  return out.empty() ? "und" : out;
}

// Months since January 1970 of an ISO date "YYYY-MM…"; false when it is
// not one.
bool IsoMonths(std::string_view iso, int64_t* months) {
  int year = 0, month = 0;
  if (iso.size() < 7 || iso[4] != '-') return false;
  auto y = std::from_chars(iso.data(), iso.data() + 4, year);
  auto m = std::from_chars(iso.data() + 5, iso.data() + 7, month);
  if (y.ec != std::errc() || y.ptr != iso.data() + 4 || m.ec != std::errc() || m.ptr != iso.data() + 7) return false;
  if (month < 1 || month > 12) return false;
  *months = (static_cast<int64_t>(year) - 1970) * 12 + (month - 1);
  return true;
}

int64_t MillisMonths(int64_t ms) {
  std::time_t t = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return (static_cast<int64_t>(tm.tm_year) + 1900 - 1970) * 12 + tm.tm_mon;
}

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

std::string PartitionKey(const Article& article, int months, int64_t arrival_ms) {
  if (months <= 0) return "";
  int64_t m = 0;
  if (!IsoMonths(article.published.iso, &m)) m = MillisMonths(arrival_ms);
  int64_t start = FloorDiv(m, months) * months;
  char window[32];
  std::snprintf(window, sizeof window, "%04lld-%02lld", static_cast<long long>(1970 + FloorDiv(start, 12)),
                static_cast<long long>(start - FloorDiv(start, 12) * 12 + 1));
  return LanguagePart(article.language) + "." + window;
}

int64_t StreamEntryMillis(std::string_view entry_id) {
  int64_t ms = 0;
  auto [end, ec] = std::from_chars(entry_id.data(), entry_id.data() + entry_id.size(), ms);
  if (ec != std::errc() || end == entry_id.data() || (end != entry_id.data() + entry_id.size() && *end != '-')) {
    return 0;
  }
  return ms;
}

}  // namespace storyfuse
