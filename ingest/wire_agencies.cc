#include "ingest/wire_agencies.h"

#include <array>

#include "ingest/line_shape.h"

namespace storyfuse {
namespace {

struct Agency {
  std::string_view name;       // as written
  std::string_view canonical;  // short name
  bool exact_case;             // acronyms must keep their case
};

constexpr std::array<Agency, 44> kAgencies = {{
    {"AP", "AP", true},
    {"Associated Press", "AP", false},
    {"Reuters", "Reuters", false},
    {"Thomson Reuters", "Reuters", false},
    {"AFP", "AFP", true},
    {"Agence France-Presse", "AFP", false},
    {"Agence France Presse", "AFP", false},
    {"ANI", "ANI", true},
    {"Asian News International", "ANI", false},
    {"PTI", "PTI", true},
    {"Press Trust of India", "PTI", false},
    {"IANS", "IANS", true},
    {"UPI", "UPI", true},
    {"United Press International", "UPI", false},
    {"Xinhua", "Xinhua", false},
    {"dpa", "dpa", false},
    {"Deutsche Presse-Agentur", "dpa", false},
    {"EFE", "EFE", true},
    {"Kyodo", "Kyodo", false},
    {"Kyodo News", "Kyodo", false},
    {"Yonhap", "Yonhap", false},
    {"Bernama", "Bernama", false},
    {"AAP", "AAP", true},
    {"Australian Associated Press", "AAP", false},
    {"PA", "PA", true},
    {"PA Media", "PA", false},
    {"Press Association", "PA", false},
    {"Canadian Press", "CP", false},
    {"Bloomberg", "Bloomberg", false},
    {"Bloomberg News", "Bloomberg", false},
    {"TASS", "TASS", false},
    {"Anadolu", "Anadolu", false},
    {"Anadolu Agency", "Anadolu", false},
    {"ANSA", "ANSA", true},
    {"Interfax", "Interfax", false},
    {"RIA Novosti", "RIA Novosti", false},
    {"Jiji", "Jiji", false},
    {"Jiji Press", "Jiji", false},
    {"KUNA", "KUNA", true},
    {"IRNA", "IRNA", true},
    {"WAM", "WAM", true},
    {"Europa Press", "Europa Press", false},
    {"Lusa", "Lusa", false},
    {"NNA", "NNA", true},
}};

std::string_view StripAffixes(std::string_view s) {
  s = LineShape::Trim(s);
  if (LineShape::StartsWithNoCase(s, "the ")) s.remove_prefix(4);
  for (std::string_view suffix : {" news agency", " agency", " wire service"}) {
    if (s.size() > suffix.size() && LineShape::Lower(s.substr(s.size() - suffix.size())) == suffix &&
        s.substr(0, s.size() - suffix.size()) != "Anadolu") {
      s.remove_suffix(suffix.size());
      break;
    }
  }
  return LineShape::Trim(s);
}

}  // namespace

std::string WireAgencies::Canonical(std::string_view name) {
  std::string_view s = StripAffixes(name);
  if (s.empty() || s.size() > 40) return "";
  std::string lower = LineShape::Lower(s);
  for (const Agency& a : kAgencies) {
    if (a.exact_case ? s == a.name : lower == LineShape::Lower(a.name)) return std::string(a.canonical);
  }
  if (lower == "anadolu agency") return "Anadolu";
  return "";
}

}  // namespace storyfuse
