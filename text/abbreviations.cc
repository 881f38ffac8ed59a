#include "text/abbreviations.h"
#include "text/ascii_chars.h"

#include <algorithm>
#include <array>

namespace storyfuse {
namespace {

// The union of the three lists the splitter, the lexer and speaker
// attribution used to keep apart (issue 23). Titles and their plurals,
// months, company and place words, US state abbreviations (AP style), and
// dotted initialisms. ICU's English suppressions cover some of them too.
constexpr std::string_view kAbbreviations[] = {
    // Titles and ranks.
    "Mr.",
    "Mrs.",
    "Ms.",
    "Messrs.",
    "Dr.",
    "Prof.",
    "Rev.",
    "Hon.",
    "Gov.",
    "Govs.",
    "Sen.",
    "Sens.",
    "Rep.",
    "Reps.",
    "Pres.",
    "Sec.",
    "Amb.",
    "Atty.",
    "Del.",
    "Supt.",
    "Insp.",
    "Det.",
    "Gen.",
    "Gens.",
    "Lt.",
    "Col.",
    "Capt.",
    "Sgt.",
    "Cpl.",
    "Pvt.",
    "Adm.",
    "Maj.",
    "Cmdr.",
    "Jr.",
    "Sr.",
    "Ph.D.",
    // Months.
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Aug.",
    "Sep.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
    // Organisations, places, numbering.
    "Inc.",
    "Corp.",
    "Co.",
    "Ltd.",
    "Dept.",
    "Univ.",
    "St.",
    "Mt.",
    "Ft.",
    "Ave.",
    "Blvd.",
    "No.",
    "Nos.",
    // US states.
    "Calif.",
    "Fla.",
    "Mass.",
    "Ariz.",
    "Penn.",
    "Wash.",
    "Ore.",
    "Tenn.",
    "Ky.",
    "Va.",
    "Md.",
    "Ga.",
    "Ill.",
    "Mich.",
    // Dotted initialisms and lower-case words.
    "U.S.",
    "U.K.",
    "U.N.",
    "E.U.",
    "D.C.",
    "a.m.",
    "p.m.",
    "vs.",
    "approx.",
};

std::string_view WithoutPeriod(std::string_view w) {
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  return w;
}

// `word` against `entry` (both without the final period).
bool Matches(std::string_view word, std::string_view entry) {
  if (word.size() != entry.size() || word.empty()) return false;
  if (IsAsciiUpper(entry[0]) && !IsAsciiUpper(word[0])) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (AsciiLower(word[i]) != AsciiLower(entry[i])) return false;
  }
  if (!IsAsciiUpper(entry[0])) return true;
  // A capitalized entry: as written, or all in capitals.
  bool as_written = word == entry;
  bool all_caps = std::none_of(word.begin(), word.end(), [](char c) { return IsAsciiLower(c); });
  return as_written || all_caps;
}

}  // namespace

std::span<const std::string_view> Abbreviations() { return kAbbreviations; }

bool IsAbbreviation(std::string_view word) {
  word = WithoutPeriod(word);
  for (std::string_view entry : kAbbreviations) {
    if (Matches(word, WithoutPeriod(entry))) return true;
  }
  return false;
}

bool IsInitial(std::string_view word) {
  word = WithoutPeriod(word);
  return word.size() == 1 && IsAsciiUpper(word[0]);
}

}  // namespace storyfuse
