#include "analyze/entity_cues.h"

#include <unordered_map>

#include "analyze/speaker_lexicon.h"
#include "text/short_word_set.h"

namespace storyfuse {
namespace {

constexpr std::string_view kOrgHeads[] = {
    "ministry",     "association",  "council",      "party",        "inc",       "corp",         "corporation",
    "company",      "co",           "ltd",          "llc",          "plc",       "group",        "agency",
    "department",   "institute",    "institution",  "society",      "union",     "organization", "organisation",
    "bank",         "fund",         "committee",    "commission",   "court",     "congress",     "parliament",
    "senate",       "assembly",     "army",         "navy",         "force",     "forces",       "guard",
    "police",       "network",      "news",         "times",        "post",      "journal",      "press",
    "tribune",      "herald",       "gazette",      "university",   "college",   "school",       "academy",
    "foundation",   "federation",   "alliance",     "league",       "coalition", "front",        "movement",
    "office",       "bureau",       "authority",    "board",        "service",   "services",     "administration",
    "government",   "cabinet",      "club",         "team",         "airlines",  "airways",      "motors",
    "holdings",     "technologies", "systems",      "energy",       "partners",  "reserve",      "exchange",
    "secretariat",  "command",      "brigade",      "battalion",    "regiment",  "division",     "directorate",
    "kremlin",      "pentagon",     "nations",      "summit",       "forum",     "conference",   "wire",
    "tv",           "radio",        "broadcasting", "channel",      "media",     "magazine",     "review",
    "daily",        "weekly",       "centre",       "center",       "hospital",  "church",       "mission",
    "watch",        "initiative",   "program",      "programme",    "project",   "trust",        "industries",
    "laboratories", "labs",         "house",        "bros",         "edition",   "lab",          "laboratory",
    "institutes",   "ministries",   "councils",     "associations", "agencies",  "companies",    "universities",
    "committees",   "commissions",  "courts",       "parties",      "unions",    "museum",       "gallery",
    "library",      "zoo",          "orchestra",    "theatre",      "theater",   "studio",       "studios"};

// Trades that end company names ("Brightwater Shipping", "Velda Freight").
// Only as the last word: inside a name they are often a minister's
// portfolio ("Transport Minister X").
constexpr std::string_view kTradeHeads[] = {
    "shipping",    "freight",     "logistics",      "airline",         "railway",   "railways",   "petroleum",
    "mining",      "steel",       "chemicals",      "pharmaceuticals", "pharma",    "foods",      "insurance",
    "securities",  "investments", "ventures",       "enterprises",     "solutions", "consulting", "construction",
    "electronics", "telecom",     "communications", "brewery",         "shipyard",  "ferries",    "cruises",
    "trading",     "textiles",    "automotive",     "aerospace",       "robotics",  "software",   "bancorp"};

// Common nouns for an organisation that stand beside its name: "the
// company, X", "X, the firm that", "shipping firm X".
constexpr std::string_view kOrgNouns[] = {
    "company",  "firm",       "operator",    "carrier",   "manufacturer", "maker", "insurer",      "lender",
    "retailer", "airline",    "broadcaster", "newspaper", "charity",      "bank",  "conglomerate", "startup",
    "supplier", "contractor", "shipowner",   "utility",   "automaker",    "miner"};

constexpr std::string_view kPlaceHeads[] = {
    "city",    "county",    "province", "region",   "district", "state",   "island",   "islands",    "river",
    "valley",  "mountains", "mountain", "mount",    "lake",     "sea",     "ocean",    "gulf",       "bay",
    "strait",  "peninsula", "coast",    "desert",   "street",   "avenue",  "square",   "road",       "bridge",
    "airport", "port",      "harbor",   "harbour",  "village",  "town",    "oblast",   "prefecture", "territory",
    "east",    "west",      "pacific",  "atlantic", "canal",    "plain",   "plains",   "heights",    "strip",
    "border",  "capital",   "asia",     "europe",   "africa",   "america", "americas", "oceania",    "antarctica",
    "arctic",  "crater",    "volcano",  "glacier",  "canyon",   "forest",  "park",     "beach",      "falls",
    "springs", "harbor"};

// First words of place names ("New York", "San Diego", "Port Moresby").
constexpr std::string_view kPlacePrefixes[] = {"new",   "san",  "santa", "los",   "las",   "saint",
                                               "st",    "fort", "port",  "mount", "lake",  "north",
                                               "south", "east", "west",  "upper", "lower", "greater"};

// Verbs whose subject is a person but that are not speech ("met",
// "visited", "wants"); speech verbs come from the one reporting-verb table
// (SpeakerLexicon).
constexpr std::string_view kPersonVerbs[] = {"met",      "meets", "visited",  "thinks",
                                             "believes", "wants", "signaled", "signalled"};

constexpr std::string_view kPlacePrepositions[] = {"in",     "from", "to",       "near",    "across",     "outside",
                                                   "inside", "into", "toward",   "towards", "throughout", "within",
                                                   "around", "via",  "visiting", "visited"};

constexpr std::string_view kStormWords[] = {"hurricane", "typhoon", "cyclone", "storm", "tropical", "tornado"};

constexpr std::string_view kParticles[] = {"de",  "da",  "del", "della", "di", "du", "van", "von", "der", "den",
                                           "bin", "ibn", "al",  "el",    "la", "le", "dos", "das", "ter"};

template <size_t N>
const ShortWordSet* MakeSet(const std::string_view (&list)[N]) {
  return new ShortWordSet(std::begin(list), std::end(list));
}

}  // namespace

bool IsOrgHead(std::string_view word) {
  static const ShortWordSet* set = MakeSet(kOrgHeads);
  return set->Contains(word);
}
bool IsPlaceHead(std::string_view word) {
  static const ShortWordSet* set = MakeSet(kPlaceHeads);
  return set->Contains(word);
}
bool IsTradeHead(std::string_view word) {
  static const ShortWordSet* set = MakeSet(kTradeHeads);
  return set->Contains(word);
}
bool IsOrgNoun(std::string_view word) {
  static const ShortWordSet* set = MakeSet(kOrgNouns);
  return set->Contains(word);
}
bool IsSpeechVerb(std::string_view word) {
  static const ShortWordSet* person = MakeSet(kPersonVerbs);
  return SpeakerLexicon::IsFiniteCue(word) || person->Contains(word);
}
bool IsPlacePreposition(std::string_view word) {
  static const ShortWordSet* set = MakeSet(kPlacePrepositions);
  return set->Contains(word);
}
bool IsPlacePrefix(std::string_view word) {
  static const ShortWordSet* set = MakeSet(kPlacePrefixes);
  return set->Contains(word);
}
bool IsStormWord(std::string_view word) {
  static const ShortWordSet* set = MakeSet(kStormWords);
  return set->Contains(word);
}
bool IsNameParticle(std::string_view word) {
  static const ShortWordSet* set = MakeSet(kParticles);
  return set->Contains(word);
}

}  // namespace storyfuse
