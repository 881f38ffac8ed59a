#include "analyze/title_lexicon.h"

#include <unordered_map>

#include "text/short_word_set.h"

namespace storyfuse {
namespace {

enum TitleFlag : uint8_t {
  kHonorific = 1,  // a person always follows ("Mr.", "Dr.", "Sir")
  kMale = 2,
  kFemale = 4,
};

struct Title {
  std::string_view words[4];
  uint8_t flags = 0;
};

// Each title once, as its words (lower case, no trailing period). Which
// titles matter was measured on CoNLL-2003 train (entities) and PolNeAR
// train (speakers); no names come from data.
constexpr Title kTitles[] = {
    // Offices of state, several words.
    {{"secretary", "of", "state"}},
    {{"secretary", "of", "defense"}},
    {{"secretary", "of", "defence"}},
    {{"secretary", "of", "the", "treasury"}},
    {{"secretary", "of", "war"}},
    {{"secretary", "of", "energy"}},
    {{"secretary", "of", "commerce"}},
    {{"secretary", "of", "agriculture"}},
    {{"secretary", "of", "labor"}},
    {{"secretary", "of", "education"}},
    {{"secretary", "of", "transportation"}},
    {{"secretary", "of", "health"}},
    {{"secretary", "of", "homeland", "security"}},
    {{"secretary", "of", "the", "interior"}},
    {{"secretary", "of", "the", "navy"}},
    {{"secretary", "of", "the", "army"}},
    {{"secretary", "general"}},
    {{"secretary-general"}},
    {{"foreign", "secretary"}},
    {{"home", "secretary"}},
    {{"press", "secretary"}},
    {{"white", "house", "press", "secretary"}},
    {{"energy", "secretary"}},
    {{"commerce", "secretary"}},
    {{"defense", "secretary"}},
    {{"defence", "secretary"}},
    {{"prime", "minister"}},
    {{"deputy", "prime", "minister"}},
    {{"foreign", "minister"}},
    {{"deputy", "foreign", "minister"}},
    {{"defense", "minister"}},
    {{"defence", "minister"}},
    {{"finance", "minister"}},
    {{"interior", "minister"}},
    {{"trade", "minister"}},
    {{"health", "minister"}},
    {{"justice", "minister"}},
    {{"economy", "minister"}},
    {{"energy", "minister"}},
    {{"oil", "minister"}},
    {{"minister", "of", "finance"}},
    {{"minister", "of", "defence"}},
    {{"minister", "of", "defense"}},
    {{"minister", "of", "foreign", "affairs"}},
    {{"minister", "of", "justice"}},
    {{"minister", "of", "health"}},
    {{"minister", "of", "the", "interior"}},
    {{"vice", "president"}},
    {{"crown", "prince"}},
    {{"supreme", "leader"}},
    {{"attorney", "general"}},
    {{"chief", "executive"}},
    {{"first", "lady"}},
    {{"national", "security", "adviser"}},
    {{"special", "envoy"}},
    // One word.
    {{"president"}},
    {{"pres"}},
    {{"minister"}},
    {{"secretary"}},
    {{"sec"}},
    {{"chancellor"}},
    {{"premier"}},
    {{"king"}, kMale},
    {{"queen"}, kFemale},
    {{"prince"}, kMale},
    {{"princess"}},
    {{"pope"}},
    {{"senator"}},
    {{"sen"}},
    {{"sens"}},
    {{"rep"}},
    {{"reps"}},
    {{"representative"}},
    {{"congressman"}, kMale},
    {{"congresswoman"}, kFemale},
    {{"assemblyman"}},
    {{"assemblywoman"}},
    {{"councilman"}},
    {{"councilwoman"}},
    {{"delegate"}},
    {{"del"}},
    {{"whip"}},
    {{"governor"}},
    {{"gov"}},
    {{"govs"}},
    {{"mayor"}},
    {{"sheriff"}},
    {{"commissioner"}},
    {{"superintendent"}},
    {{"supt"}},
    {{"general"}},
    {{"gen"}},
    {{"lieutenant"}},
    {{"lt"}},
    {{"col"}},
    {{"colonel"}},
    {{"major"}},
    {{"maj"}},
    {{"captain"}},
    {{"capt"}},
    {{"admiral"}},
    {{"adm"}},
    {{"sergeant"}},
    {{"sgt"}},
    {{"commander"}},
    {{"cmdr"}},
    {{"cpl"}},
    {{"pvt"}},
    {{"officer"}},
    {{"detective"}},
    {{"agent"}},
    {{"ambassador"}},
    {{"amb"}},
    {{"envoy"}},
    {{"spokesman"}, kMale},
    {{"spokeswoman"}, kFemale},
    {{"spokesperson"}},
    {{"ceo"}},
    {{"chairman"}},
    {{"chairwoman"}, kFemale},
    {{"chairperson"}},
    {{"chair"}},
    {{"director"}},
    {{"manager"}},
    {{"founder"}},
    {{"judge"}},
    {{"justice"}},
    {{"speaker"}},
    {{"leader"}},
    {{"sheikh"}},
    {{"emir"}},
    {{"sultan"}},
    {{"archbishop"}},
    {{"bishop"}},
    {{"cardinal"}},
    {{"rabbi"}},
    {{"imam"}},
    {{"reverend"}},
    {{"rev"}},
    {{"father"}, kMale},
    {{"sister"}, kFemale},
    {{"counterpart"}},
    {{"diplomat"}},
    {{"adviser"}},
    {{"advisor"}},
    {{"aide"}},
    {{"lawmaker"}},
    {{"official"}},
    {{"economist"}},
    {{"analyst"}},
    {{"strategist"}},
    {{"pollster"}},
    {{"professor"}},
    {{"prof"}, kHonorific},
    {{"coach"}},
    {{"striker"}},
    {{"actor"}},
    {{"actress"}},
    {{"singer"}},
    {{"author"}},
    {{"novelist"}},
    {{"host"}},
    {{"anchor"}},
    {{"moderator"}},
    {{"master"}},
    {{"hon"}},
    // Honorifics.
    {{"mr"}, kHonorific | kMale},
    {{"mrs"}, kHonorific | kFemale},
    {{"ms"}, kHonorific | kFemale},
    {{"miss"}, kFemale},
    {{"dr"}, kHonorific},
    {{"sir"}, kHonorific},
    {{"dame"}, kHonorific},
    {{"lord"}, kHonorific},
    {{"lady"}, kHonorific | kFemale},
};

std::string_view StripDot(std::string_view w) {
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  return w;
}

size_t WordCount(const Title& t) {
  size_t n = 0;
  while (n < 4 && !t.words[n].empty()) ++n;
  return n;
}

// Titles by their first word, so a lookup costs one hash probe.
using TitleIndex = std::unordered_map<std::string_view, std::vector<size_t>>;
const TitleIndex& ByFirstWord() {
  static const TitleIndex* index = [] {
    auto* idx = new TitleIndex();
    for (size_t t = 0; t < std::size(kTitles); ++t) (*idx)[kTitles[t].words[0]].push_back(t);
    return idx;
  }();
  return *index;
}

// The first words of all titles: the one-word view.
const ShortWordSet& FirstWords() {
  static const ShortWordSet* set = [] {
    auto* s = new ShortWordSet();
    for (const Title& t : kTitles) s->Insert(t.words[0]);
    return s;
  }();
  return *set;
}

// The flags of the one-word title `w`, or 0.
uint8_t OneWordFlags(std::string_view w) {
  static const std::unordered_map<std::string_view, uint8_t>* flags = [] {
    auto* m = new std::unordered_map<std::string_view, uint8_t>();
    for (const Title& t : kTitles) {
      if (WordCount(t) == 1 && t.flags != 0) (*m)[t.words[0]] = t.flags;
    }
    return m;
  }();
  auto it = flags->find(StripDot(w));
  return it == flags->end() ? 0 : it->second;
}

}  // namespace

size_t TitleLexicon::TitleLength(const std::vector<std::string_view>& words, size_t i, size_t end) {
  if (i >= end) return 0;
  std::string_view first = StripDot(words[i]);
  if (!FirstWords().Contains(first)) return 0;
  auto it = ByFirstWord().find(first);
  if (it == ByFirstWord().end()) return 0;
  size_t best = 0;
  for (size_t t : it->second) {
    const Title& title = kTitles[t];
    size_t n = WordCount(title);
    if (n <= best || i + n > end) continue;
    bool match = true;
    for (size_t k = 1; k < n && match; ++k) match = StripDot(words[i + k]) == title.words[k];
    if (match) best = n;
  }
  return best;
}

bool TitleLexicon::IsTitleWord(std::string_view lower) { return FirstWords().Contains(StripDot(lower)); }

bool TitleLexicon::IsHonorific(std::string_view lower) { return (OneWordFlags(lower) & kHonorific) != 0; }

Gender TitleLexicon::TitleGender(std::string_view lower) {
  uint8_t f = OneWordFlags(lower);
  if (f & kMale) return Gender::kMale;
  if (f & kFemale) return Gender::kFemale;
  return Gender::kUnknown;
}

}  // namespace storyfuse
