// CityNames: English names of about 430 of the world's cities, from ICU's
// time zone data (the exemplar location of every canonical zone: "Kyiv",
// "Kuala Lumpur", "Sao Paulo", "Port Moresby").
//
// A general list, no story's: the entity recognizer reads it as evidence
// that a capitalized name is a place, as it reads CountryNames. Names are
// matched as CountryNames matches them (CountryNames::Key). Built once on
// first use; the shared instance is immutable and thread-safe.
#ifndef STORYFUSE_TEXT_CITY_NAMES_H_
#define STORYFUSE_TEXT_CITY_NAMES_H_

#include <string>
#include <string_view>
#include <unordered_set>

namespace storyfuse {

class CityNames {
 public:
  static const CityNames& Get();

  // Whether `name` is one of the cities.
  bool IsCity(std::string_view name) const;

  // Whether some city's name starts with the word `word`: a cheap test
  // before IsCity on the phrases a word opens.
  bool MayStartCity(std::string_view word) const;

  size_t size() const { return names_.size(); }

 private:
  CityNames();

  std::unordered_set<std::string> names_;        // keys
  std::unordered_set<std::string> first_words_;  // first words of the keys
};

}  // namespace storyfuse

#endif  // STORYFUSE_TEXT_CITY_NAMES_H_
