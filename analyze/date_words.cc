#include "analyze/date_words.h"

#include "text/word_lexer.h"

namespace storyfuse {
namespace {

constexpr std::string_view kMonths[] = {"january", "february", "march",     "april",
                                        "may",     "june",     "july",      "august",
                                        "september", "october", "november", "december"};
constexpr std::string_view kWeekdays[] = {"sunday",   "monday", "tuesday", "wednesday",
                                          "thursday", "friday", "saturday"};

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

}  // namespace storyfuse
