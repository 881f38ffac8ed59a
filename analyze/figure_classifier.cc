#include "analyze/figure_classifier.h"

#include <algorithm>

#include "text/short_word_set.h"
#include "text/stopwords.h"

namespace storyfuse {
namespace {

struct Development {
  std::string_view word;
  std::string_view name;
};

// Words that name a count of people which grows as reporting goes on.
constexpr Development kDevelopments[] = {
    {"kill", "killed"},
    {"kills", "killed"},
    {"killed", "killed"},
    {"killing", "killed"},
    {"dead", "killed"},
    {"death", "killed"},
    {"deaths", "killed"},
    {"die", "killed"},
    {"dies", "killed"},
    {"died", "killed"},
    {"dying", "killed"},
    {"fatalities", "killed"},
    {"fatality", "killed"},
    {"perished", "killed"},
    {"drowned", "killed"},
    {"slain", "killed"},
    {"toll", "killed"},
    {"lives", "killed"},
    {"injured", "injured"},
    {"injuring", "injured"},
    {"injure", "injured"},
    {"injures", "injured"},
    {"injuries", "injured"},
    {"wounded", "injured"},
    {"wounding", "injured"},
    {"hurt", "injured"},
    {"missing", "missing"},
    {"unaccounted", "missing"},
    {"evacuated", "evacuated"},
    {"evacuate", "evacuated"},
    {"evacuating", "evacuated"},
    {"evacuation", "evacuated"},
    {"evacuees", "evacuated"},
    {"displaced", "displaced"},
    {"homeless", "displaced"},
    {"arrested", "arrested"},
    {"arrest", "arrested"},
    {"arrests", "arrested"},
    {"arresting", "arrested"},
    {"detained", "arrested"},
    {"detain", "arrested"},
    {"detaining", "arrested"},
    {"detainees", "arrested"},
    {"rescued", "rescued"},
    {"rescuing", "rescued"},
    {"hospitalized", "hospitalized"},
    {"hospitalised", "hospitalized"},
    {"infected", "infected"},
    {"sickened", "infected"},
    {"infections", "infected"},
    {"casualties", "casualties"},
};

// Nouns for people in general: a count of them is "people".
const ShortWordSet& GenericPeople() {
  static const ShortWordSet s = {"people",      "persons",   "person",    "individuals", "others",  "residents",
                                 "inhabitants", "lives",     "victims",   "dead",        "deaths",  "casualties",
                                 "fatalities",  "injured",   "wounded",   "injuries",    "missing", "evacuees",
                                 "arrests",     "detainees", "infections"};
  return s;
}

// Nouns for groups of people (general English, plural forms).
const ShortWordSet& PeopleNouns() {
  static const ShortWordSet s = {
      "civilians",    "villagers",  "citizens",     "soldiers",    "troops",        "servicemen", "police",
      "policemen",    "officers",   "children",     "kids",        "babies",        "students",   "pupils",
      "women",        "men",        "workers",      "miners",      "passengers",    "tourists",   "pilgrims",
      "migrants",     "refugees",   "immigrants",   "protesters",  "demonstrators", "fans",       "spectators",
      "employees",    "staff",      "crew",         "crewmen",     "sailors",       "fishermen",  "patients",
      "voters",       "prisoners",  "inmates",      "hostages",    "militants",     "rebels",     "fighters",
      "insurgents",   "guerrillas", "gunmen",       "suspects",    "survivors",     "families",   "journalists",
      "reporters",    "activists",  "dissidents",   "officials",   "diplomats",     "foreigners", "nationals",
      "climbers",     "hikers",     "firefighters", "rescuers",    "volunteers",    "farmers",    "teenagers",
      "adults",       "youths",     "girls",        "boys",        "members",       "players",    "athletes",
      "doctors",      "nurses",     "teachers",     "lawmakers",   "delegates",     "judges",     "guards",
      "peacekeepers", "personnel",  "settlers",     "worshippers", "shoppers",      "customers",  "users",
      "subscribers",  "viewers",    "readers",      "listeners",   "visitors",      "residents",  "seniors",
      "elderly",      "jurors",     "senators",     "observers"};
  return s;
}

struct UnitKind {
  std::string_view unit;
  FigureKind kind;
};

// Units NumberExtractor names: what they measure. Others (compound units
// like "-member", "-point") count things.
constexpr UnitKind kUnitKinds[] = {
    {"percent", FigureKind::kShare},   {"percentage point", FigureKind::kShare},
    {"km", FigureKind::kMeasure},      {"mile", FigureKind::kMeasure},
    {"m", FigureKind::kMeasure},       {"mph", FigureKind::kMeasure},
    {"kg", FigureKind::kMeasure},      {"tonne", FigureKind::kMeasure},
    {"degree", FigureKind::kMeasure},  {"acre", FigureKind::kMeasure},
    {"hectare", FigureKind::kMeasure}, {"cm", FigureKind::kMeasure},
    {"mm", FigureKind::kMeasure},      {"ft", FigureKind::kMeasure},
    {"inch", FigureKind::kMeasure},    {"lb", FigureKind::kMeasure},
    {"second", FigureKind::kMeasure},  {"minute", FigureKind::kMeasure},
    {"hour", FigureKind::kMeasure},    {"day", FigureKind::kMeasure},
    {"week", FigureKind::kMeasure},    {"month", FigureKind::kMeasure},
    {"year", FigureKind::kMeasure},
};

bool IsCurrency(std::string_view unit) {
  return unit.size() == 3 && std::all_of(unit.begin(), unit.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::string_view LastWord(std::string_view phrase) {
  size_t space = phrase.rfind(' ');
  return space == std::string_view::npos ? phrase : phrase.substr(space + 1);
}

// Tokens a development word is never looked for past: another figure owns
// the words beyond it, a comma separates list items ("43 dead, nearly
// 1,200 injured"), and brackets and quotation marks start other text.
bool StopsScan(const LexToken& t, std::string_view text) {
  if (t.kind == LexKind::kNumber) return true;
  if (t.kind != LexKind::kPunct) return false;
  std::string_view p = t.span.In(text);
  return p == "," || p == ";" || p == ":" || p == "(" || p == ")" || p == "\"" || p == "\xE2\x80\x9C" ||
         p == "\xE2\x80\x9D";
}

// Words before a figure that make it the level something reached.
bool IsLevelWord(std::string_view w) {
  return w == "to" || w == "at" || w == "reached" || w == "hit" || w == "topped" || w == "passed" || w == "exceeded" ||
         w == "surpassed" || w == "was" || w == "is" || w == "stood";
}

bool IsConjunction(std::string_view w) { return w == "and" || w == "or" || w == "but" || w == "while"; }

constexpr size_t kNone = static_cast<size_t>(-1);

std::string_view DevelopmentAt(std::string_view text, const std::vector<LexToken>& toks, size_t k) {
  if (k == kNone || toks[k].kind != LexKind::kWord) return {};
  return FigureClassifier::DevelopmentOf(AsciiLower(toks[k].span.In(text)));
}

// The token of the nearest development word within kWindow words of
// tokens [first, last], or kNone.
size_t NearestDevelopment(std::string_view text, const std::vector<LexToken>& toks, size_t first, size_t last) {
  size_t before[FigureClassifier::kWindow];
  size_t after[FigureClassifier::kWindow];
  std::fill(std::begin(before), std::end(before), kNone);
  std::fill(std::begin(after), std::end(after), kNone);
  int n = 0;
  for (size_t k = first; k-- > 0 && n < FigureClassifier::kWindow;) {
    if (StopsScan(toks[k], text)) break;
    // A word behind a conjunction governs the coordinate before it ("ten
    // were killed and 32 were hurt").
    if (toks[k].kind == LexKind::kWord && IsConjunction(AsciiLower(toks[k].span.In(text)))) break;
    if (toks[k].kind == LexKind::kWord) before[n++] = k;
    if (toks[k].sentence_start) break;
  }
  n = 0;
  for (size_t k = last + 1; k < toks.size() && n < FigureClassifier::kWindow; ++k) {
    if (toks[k].sentence_start || StopsScan(toks[k], text)) break;
    if (toks[k].kind == LexKind::kWord) after[n++] = k;
  }
  // At equal distance the word before wins: a verb governs its object
  // ("killing 10 and injuring 32").
  for (int d = 0; d < FigureClassifier::kWindow; ++d) {
    if (!DevelopmentAt(text, toks, before[d]).empty()) return before[d];
    if (!DevelopmentAt(text, toks, after[d]).empty()) return after[d];
  }
  // A figure a level verb reaches ("rose to 31", "stood at 31") is the
  // level of that verb's subject, further back: "the death toll from the
  // Varo landslide rose to 31".
  if (first == 0 || toks[first - 1].kind != LexKind::kWord || !IsLevelWord(AsciiLower(toks[first - 1].span.In(text)))) {
    return kNone;
  }
  n = 0;
  for (size_t k = first - 1; k-- > 0 && n < FigureClassifier::kSubjectWindow;) {
    if (StopsScan(toks[k], text)) break;
    if (toks[k].kind == LexKind::kWord) {
      if (!DevelopmentAt(text, toks, k).empty()) return k;
      n += !IsStopword(AsciiLower(toks[k].span.In(text)));
    }
    if (toks[k].sentence_start) break;
  }
  return kNone;
}

// Degree words that make a development count a part of the whole
// ("critically injured", "minor injuries", "seriously wounded").
bool IsQualifier(std::string_view w) {
  static const ShortWordSet s = {"critically", "seriously", "severely", "gravely",  "badly",  "slightly", "lightly",
                                 "mortally",   "minor",     "serious",  "critical", "severe", "light"};
  return s.Contains(w);
}

// A toll is of what the word before it names: "the injured toll"; a bare
// "toll" is the dead.
size_t OwnerOfToll(std::string_view text, const std::vector<LexToken>& toks, size_t k) {
  if (k == kNone || k == 0 || AsciiLower(toks[k].span.In(text)) != "toll") return k;
  return DevelopmentAt(text, toks, k - 1).empty() ? k : k - 1;
}

// Whether the word before token k qualifies it.
bool Qualified(std::string_view text, const std::vector<LexToken>& toks, size_t k) {
  return k != kNone && k > 0 && toks[k - 1].kind == LexKind::kWord &&
         IsQualifier(AsciiLower(toks[k - 1].span.In(text)));
}

}  // namespace

std::string_view FigureKindName(FigureKind kind) {
  switch (kind) {
    case FigureKind::kPeople:
      return "people";
    case FigureKind::kMoney:
      return "money";
    case FigureKind::kShare:
      return "share";
    case FigureKind::kCount:
      return "count";
    case FigureKind::kMeasure:
      return "measure";
    case FigureKind::kBare:
      return "bare";
  }
  return "bare";
}

std::string_view FigureClassifier::DevelopmentOf(std::string_view word) {
  for (const Development& d : kDevelopments) {
    if (d.word == word) return d.name;
  }
  return {};
}

FigureClass FigureClassifier::Classify(const Quantity& q, std::string_view text, const std::vector<LexToken>& tokens) {
  FigureClass out;
  if (!q.unit.empty()) {
    out.kind = FigureKind::kCount;
    if (IsCurrency(q.unit)) out.kind = FigureKind::kMoney;
    for (const UnitKind& u : kUnitKinds) {
      if (u.unit == q.unit) out.kind = u.kind;
    }
    return out;
  }
  std::string_view head = LastWord(q.noun);
  bool generic = q.noun.empty() || GenericPeople().Contains(head);
  if (!generic && !PeopleNouns().Contains(head)) {
    out.kind = FigureKind::kCount;
    return out;
  }
  auto first = std::lower_bound(tokens.begin(), tokens.end(), q.span.begin,
                                [](const LexToken& t, uint32_t at) { return t.span.begin < at; });
  auto past = std::lower_bound(first, tokens.end(), q.span.end,
                               [](const LexToken& t, uint32_t at) { return t.span.begin < at; });
  out.development = DevelopmentOf(head);
  if (!out.development.empty()) {
    // The head is the last token of the quantity: "12 minor injuries".
    out.qualified = past != first && Qualified(text, tokens, past - tokens.begin() - 1);
  } else if (first != tokens.end() && past != first) {
    size_t k =
        OwnerOfToll(text, tokens, NearestDevelopment(text, tokens, first - tokens.begin(), past - tokens.begin() - 1));
    out.development = DevelopmentAt(text, tokens, k);
    out.qualified = Qualified(text, tokens, k);
  }
  if (q.noun.empty() && out.development.empty()) return out;  // a bare "two"
  out.kind = FigureKind::kPeople;
  out.group = generic ? "people" : std::string(head);
  return out;
}

}  // namespace storyfuse
