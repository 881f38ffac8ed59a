#include "text/city_names.h"

#include <unicode/locid.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>

#include <memory>

#include "text/country_names.h"

namespace storyfuse {

const CityNames& CityNames::Get() {
  static const CityNames* names = new CityNames();
  return *names;
}

CityNames::CityNames() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::TimeZoneNames> zones(icu::TimeZoneNames::createInstance(icu::Locale::getEnglish(), status));
  std::unique_ptr<icu::StringEnumeration> ids(
      icu::TimeZone::createTimeZoneIDEnumeration(UCAL_ZONE_TYPE_CANONICAL_LOCATION, nullptr, nullptr, status));
  if (U_FAILURE(status) || zones == nullptr || ids == nullptr) return;  // no ICU data: an empty list
  const icu::UnicodeString* id;
  while ((id = ids->snext(status)) != nullptr && U_SUCCESS(status)) {
    icu::UnicodeString location;
    zones->getExemplarLocationName(*id, location);
    std::string name;
    location.toUTF8String(name);
    // "Vincennes, Indiana" -> "Vincennes".
    if (size_t comma = name.find(','); comma != std::string::npos) name.resize(comma);
    std::string key = CountryNames::Key(name);
    if (key.empty()) continue;
    first_words_.insert(key.substr(0, key.find(' ')));
    names_.insert(std::move(key));
  }
}

bool CityNames::IsCity(std::string_view name) const { return names_.count(CountryNames::Key(name)) > 0; }

bool CityNames::MayStartCity(std::string_view word) const { return first_words_.count(CountryNames::Key(word)) > 0; }

}  // namespace storyfuse
