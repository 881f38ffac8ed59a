#include "text/country_names.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <utility>
#include <vector>

#include "text/ascii_chars.h"
#include "text/unicode_text.h"

namespace storyfuse {
namespace {

// Short and older forms that ICU's display names do not give.
constexpr std::pair<std::string_view, std::string_view> kAliases[] = {
    {"us", "United States"},
    {"usa", "United States"},
    {"america", "United States"},
    {"united states of america", "United States"},
    {"uk", "United Kingdom"},
    {"britain", "United Kingdom"},
    {"great britain", "United Kingdom"},
    {"england", "United Kingdom"},
    {"burma", "Myanmar"},
    {"ivory coast", "Côte d’Ivoire"},
    {"czech republic", "Czechia"},
    {"uae", "United Arab Emirates"},
    {"drc", "Congo - Kinshasa"},
    {"prc", "China"},
    {"dprk", "North Korea"},
    {"holland", "Netherlands"},
    {"the netherlands", "Netherlands"},
    {"the philippines", "Philippines"},
    {"russian federation", "Russia"},
    {"turkiye", "Türkiye"},
    {"turkey", "Türkiye"},
};

// Demonyms no suffix rule derives.
constexpr std::pair<std::string_view, std::string_view> kIrregular[] = {
    {"american", "United States"}, {"british", "United Kingdom"}, {"english", "United Kingdom"},
    {"french", "France"},          {"dutch", "Netherlands"},      {"swiss", "Switzerland"},
    {"greek", "Greece"},           {"thai", "Thailand"},          {"filipino", "Philippines"},
    {"spanish", "Spain"},          {"polish", "Poland"},          {"danish", "Denmark"},
    {"swedish", "Sweden"},         {"finnish", "Finland"},        {"norwegian", "Norway"},
    {"irish", "Ireland"},          {"saudi", "Saudi Arabia"},     {"emirati", "United Arab Emirates"},
    {"afghan", "Afghanistan"},     {"portuguese", "Portugal"},    {"belgian", "Belgium"},
    {"turkish", "Türkiye"},        {"peruvian", "Peru"},          {"scottish", "United Kingdom"},
    {"welsh", "United Kingdom"},   {"icelandic", "Iceland"},      {"lebanese", "Lebanon"},
    {"kiwi", "New Zealand"},       {"argentine", "Argentina"},    {"czech", "Czechia"},
    {"slovak", "Slovakia"},        {"croatian", "Croatia"},       {"serbian", "Serbia"},
    {"uzbek", "Uzbekistan"},       {"kazakh", "Kazakhstan"},      {"tajik", "Tajikistan"},
    {"kyrgyz", "Kyrgyzstan"},      {"turkmen", "Turkmenistan"},   {"venezuelan", "Venezuela"},
    {"soviet", "Russia"},
};

constexpr std::string_view kRegionAdjectives[] = {"asian",    "european",  "african",  "arab",   "latin",  "western",
                                                  "eastern",  "northern",  "southern", "nordic", "baltic", "pacific",
                                                  "atlantic", "caribbean", "balkan",   "middle", "gulf"};

std::string DisplayName(const char* code) {
  icu::UnicodeString u;
  icu::Locale("", code).getDisplayCountry(icu::Locale::getEnglish(), u);
  std::string s;
  u.toUTF8String(s);
  // "Myanmar (Burma)" -> "Myanmar"; "Hong Kong SAR China" -> "Hong Kong".
  if (size_t p = s.find(" ("); p != std::string::npos) s.resize(p);
  if (size_t p = s.find(" SAR "); p != std::string::npos) s.resize(p);
  return s;
}

}  // namespace

const CountryNames& CountryNames::Get() {
  static const CountryNames* names = new CountryNames();
  return *names;
}

CountryNames::CountryNames() {
  for (const char* const* code = icu::Locale::getISOCountries(); *code != nullptr; ++code) {
    std::string name = DisplayName(*code);
    if (name.empty() || name == *code) continue;
    AddCountry(name);
    AddDemonyms(name);
  }
  for (const auto& [alias, canonical] : kAliases) names_.emplace(std::string(alias), canonical);
  for (const auto& [word, canonical] : kIrregular) demonyms_.emplace(std::string(word), canonical);
  for (const auto& [key, canonical] : names_) first_words_.insert(key.substr(0, key.find(' ')));
  first_words_.insert("the");  // Key() drops it: "the United States"
}

std::string CountryNames::Key(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool ascii = true;
  for (char c : name) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    // Case folding of ASCII is lower-casing: skip ICU for most words.
    for (char c : name) {
      if (c != '.') out.push_back(AsciiLower(c));
    }
  } else {
    for (char c : UnicodeText::Fold(name)) {
      if (c != '.') out.push_back(c);
    }
  }
  if (out.starts_with("the ")) out.erase(0, 4);
  return out;
}

void CountryNames::AddCountry(const std::string& name) { names_.emplace(Key(name), name); }

// Suffix rules of English demonyms: Russia -> Russian, Ukraine ->
// Ukrainian, China -> Chinese, Israel -> Israeli, Italy -> Italian,
// Germany -> German, Mexico -> Mexican, Lebanon -> Lebanese.
void CountryNames::AddDemonyms(const std::string& name) {
  std::string key = Key(name);
  size_t space = key.rfind(' ');
  std::string head = space == std::string::npos ? "" : key.substr(0, space + 1);
  std::string w = space == std::string::npos ? key : key.substr(space + 1);
  if (w.size() < 4) return;
  std::string stem1 = w.substr(0, w.size() - 1);
  std::vector<std::string> forms;
  switch (w.back()) {
    case 'a':
      forms = {w + "n", stem1 + "ese", stem1 + "ian"};
      break;
    case 'e':
      forms = {stem1 + "ian", w + "an", stem1 + "ese"};
      break;
    case 'y':
      forms = {stem1, stem1 + "ian", stem1 + "ish"};
      break;
    case 'o':
      forms = {stem1 + "an"};
      break;
    default:
      forms = {w + "ian", w + "i", w + "ese", w + "an"};
  }
  for (const std::string& f : forms) demonyms_.emplace(head + f, name);
}

std::string_view CountryNames::Country(std::string_view name) const {
  auto it = names_.find(Key(name));
  return it == names_.end() ? std::string_view() : std::string_view(it->second);
}

std::string_view CountryNames::CountryOfDemonym(std::string_view word) const {
  auto it = demonyms_.find(Key(word));
  return it == demonyms_.end() ? std::string_view() : std::string_view(it->second);
}

bool CountryNames::MayStartCountry(std::string_view word) const { return first_words_.count(Key(word)) > 0; }

bool CountryNames::IsRegionAdjective(std::string_view word) const {
  std::string key = Key(word);
  for (std::string_view r : kRegionAdjectives) {
    if (key == r) return true;
  }
  return false;
}

}  // namespace storyfuse
