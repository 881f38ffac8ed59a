#include "analyze/entity_cues.h"

#include <unordered_map>

#include "text/short_word_set.h"

namespace storyfuse {
namespace {

// Titles as word sequences; longer ones first where they share a start.
constexpr std::string_view kTitles[][4] = {
    {"secretary", "of", "state"},
    {"secretary", "of", "defense"},
    {"secretary", "of", "defence"},
    {"secretary", "of", "the", "treasury"},
    {"secretary", "of", "war"},
    {"secretary", "general"},
    {"secretary-general"},
    {"foreign", "secretary"},
    {"home", "secretary"},
    {"press", "secretary"},
    {"prime", "minister"},
    {"foreign", "minister"},
    {"defense", "minister"},
    {"defence", "minister"},
    {"finance", "minister"},
    {"interior", "minister"},
    {"deputy", "prime", "minister"},
    {"deputy", "foreign", "minister"},
    {"vice", "president"},
    {"crown", "prince"},
    {"supreme", "leader"},
    {"attorney", "general"},
    {"white", "house", "press", "secretary"},
    {"chief", "executive"},
    {"secretary", "of", "energy"},
    {"secretary", "of", "commerce"},
    {"secretary", "of", "agriculture"},
    {"secretary", "of", "labor"},
    {"secretary", "of", "education"},
    {"secretary", "of", "transportation"},
    {"secretary", "of", "health"},
    {"secretary", "of", "homeland", "security"},
    {"secretary", "of", "the", "interior"},
    {"secretary", "of", "the", "navy"},
    {"secretary", "of", "the", "army"},
    {"minister", "of", "finance"},
    {"minister", "of", "defence"},
    {"minister", "of", "defense"},
    {"minister", "of", "foreign", "affairs"},
    {"minister", "of", "justice"},
    {"minister", "of", "health"},
    {"minister", "of", "the", "interior"},
    {"energy", "secretary"},
    {"commerce", "secretary"},
    {"defense", "secretary"},
    {"defence", "secretary"},
    {"trade", "minister"},
    {"health", "minister"},
    {"justice", "minister"},
    {"economy", "minister"},
    {"energy", "minister"},
    {"oil", "minister"},
    {"first", "lady"},
    {"national", "security", "adviser"},
    {"special", "envoy"},
    {"president"},
    {"minister"},
    {"secretary"},
    {"chancellor"},
    {"premier"},
    {"king"},
    {"queen"},
    {"prince"},
    {"princess"},
    {"pope"},
    {"senator"},
    {"sen"},
    {"rep"},
    {"representative"},
    {"congressman"},
    {"congresswoman"},
    {"governor"},
    {"gov"},
    {"mayor"},
    {"general"},
    {"gen"},
    {"lt"},
    {"col"},
    {"colonel"},
    {"major"},
    {"captain"},
    {"capt"},
    {"admiral"},
    {"adm"},
    {"sergeant"},
    {"sgt"},
    {"commander"},
    {"ambassador"},
    {"envoy"},
    {"spokesman"},
    {"spokeswoman"},
    {"spokesperson"},
    {"ceo"},
    {"chairman"},
    {"chairwoman"},
    {"chair"},
    {"director"},
    {"judge"},
    {"justice"},
    {"speaker"},
    {"leader"},
    {"sheikh"},
    {"emir"},
    {"sultan"},
    {"archbishop"},
    {"bishop"},
    {"cardinal"},
    {"rabbi"},
    {"imam"},
    {"counterpart"},
    {"diplomat"},
    {"spokesperson"},
    {"adviser"},
    {"advisor"},
    {"aide"},
    {"lawmaker"},
    {"official"},
    {"economist"},
    {"analyst"},
    {"professor"},
    {"prof"},
    {"coach"},
    {"striker"},
    {"actor"},
    {"actress"},
    {"singer"},
    {"author"},
    {"novelist"},
    {"mr"},
    {"mrs"},
    {"ms"},
    {"dr"},
    {"sir"},
    {"dame"},
    {"lord"},
    {"lady"},
};

constexpr std::string_view kHonorifics[] = {"mr",   "mrs",  "ms",  "dr",   "sir", "dame", "lord",
                                            "lady", "prof", "mr.", "mrs.", "ms.", "dr.",  "prof."};

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

constexpr std::string_view kSpeechVerbs[] = {
    "said",     "says",       "told",       "tells",     "added",     "adds",      "stated",
    "states",   "noted",      "notes",      "argued",    "argues",    "explained", "insisted",
    "wrote",    "writes",     "asked",      "responded", "replied",   "claimed",   "claims",
    "warned",   "warns",      "announced",  "declared",  "described", "urged",     "urges",
    "stressed", "emphasised", "emphasized", "signaled",  "signalled", "suggested", "acknowledged",
    "admitted", "denied",     "recalled",   "remarked",  "tweeted",   "posted",    "met",
    "meets",    "visited",    "spoke",      "speaks",    "thinks",    "believes",  "wants"};

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

std::string_view StripDot(std::string_view w) {
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  return w;
}

// Titles by their first word, so a lookup costs one hash probe.
using TitleIndex = std::unordered_map<std::string_view, std::vector<size_t>>;
const TitleIndex& Titles() {
  static const TitleIndex* index = [] {
    auto* idx = new TitleIndex();
    for (size_t t = 0; t < std::size(kTitles); ++t) (*idx)[kTitles[t][0]].push_back(t);
    return idx;
  }();
  return *index;
}

}  // namespace

size_t TitleLength(const std::vector<std::string_view>& words, size_t i, size_t end) {
  if (i >= end) return 0;
  static const ShortWordSet* firsts = [] {
    auto* set = new ShortWordSet();
    for (const auto& title : kTitles) set->Insert(title[0]);
    return set;
  }();
  std::string_view first = StripDot(words[i]);
  if (!firsts->Contains(first)) return 0;
  auto it = Titles().find(first);
  if (it == Titles().end()) return 0;
  size_t best = 0;
  for (size_t t : it->second) {
    const auto& title = kTitles[t];
    size_t n = 0;
    while (n < 4 && !title[n].empty()) ++n;
    if (n <= best || i + n > end) continue;
    bool match = true;
    for (size_t k = 1; k < n && match; ++k) match = StripDot(words[i + k]) == title[k];
    if (match) best = n;
  }
  return best;
}

bool IsHonorific(std::string_view word) {
  static const ShortWordSet* set = MakeSet(kHonorifics);
  return set->Contains(word);
}
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
  static const ShortWordSet* set = MakeSet(kSpeechVerbs);
  return set->Contains(word);
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
