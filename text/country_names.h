// CountryNames: English country names and their demonyms, from ICU's
// locale data (icu::Locale::getISOCountries + getDisplayCountry), plus the
// short forms news copy uses ("U.S.", "UK", "America", "Britain").
//
// Used as evidence that a capitalized name is a place, and to fold the
// forms of one country into one name. Built once on first use; the shared
// instance is immutable and thread-safe.
#ifndef STORYFUSE_TEXT_COUNTRY_NAMES_H_
#define STORYFUSE_TEXT_COUNTRY_NAMES_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace storyfuse {

class CountryNames {
 public:
  static const CountryNames& Get();

  // The canonical English name ("United States") for a country name or
  // short form, matched case-insensitively with periods ignored ("u.s."),
  // or "" when `name` is not a country.
  std::string_view Country(std::string_view name) const;

  // The country of a demonym ("Russian" -> "Russia", "Ukrainian",
  // "Chinese", "Israeli", "South Korean", "British"), or "".
  std::string_view CountryOfDemonym(std::string_view word) const;

  // Whether some country name or short form starts with the word `word`
  // ("United", "Saudi", "U.S."): a cheap test before Country() on the
  // phrases a word opens. Same matching rules as Country().
  bool MayStartCountry(std::string_view word) const;

  // Continents and large regions' adjectives ("Asian", "European") also
  // qualify titles but are not countries: true for those.
  bool IsRegionAdjective(std::string_view word) const;

  // The key place names are matched by: Unicode case folding (ASCII
  // lower-casing for ASCII), periods dropped, a leading "the " dropped.
  static std::string Key(std::string_view name);

 private:
  CountryNames();
  void AddCountry(const std::string& name);
  void AddDemonyms(const std::string& name);

  std::unordered_map<std::string, std::string> names_;     // key -> canonical
  std::unordered_map<std::string, std::string> demonyms_;  // key -> canonical
  std::unordered_set<std::string> first_words_;            // first words of names_' keys
};

}  // namespace storyfuse

#endif  // STORYFUSE_TEXT_COUNTRY_NAMES_H_
