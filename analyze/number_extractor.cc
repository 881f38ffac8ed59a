#include "analyze/number_extractor.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <unordered_set>

#include "analyze/date_resolver.h"
#include "analyze/date_words.h"
#include "text/short_word_set.h"

namespace storyfuse {
namespace {

struct WordValue {
  std::string_view word;
  double value;
};

constexpr WordValue kSmall[] = {{"two", 2},        {"three", 3},     {"four", 4},      {"five", 5},     {"six", 6},
                                {"seven", 7},      {"eight", 8},     {"nine", 9},      {"ten", 10},     {"eleven", 11},
                                {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16},
                                {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},  {"thirty", 30},
                                {"forty", 40},     {"fifty", 50},    {"sixty", 60},    {"seventy", 70}, {"eighty", 80},
                                {"ninety", 90}};

constexpr WordValue kScales[] = {
    {"hundred", 1e2}, {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12}};

// Scale suffixes glued to digits or following them: "5bn", "5 m".
constexpr WordValue kScaleAbbrev[] = {{"k", 1e3},  {"m", 1e6}, {"mn", 1e6},  {"mln", 1e6},
                                      {"bn", 1e9}, {"b", 1e9}, {"tn", 1e12}, {"trn", 1e12}};

// Vague plurals: "hundreds of", "thousands of" -> at least 2 x scale.
constexpr WordValue kVague[] = {{"dozens", 24},      {"scores", 40},    {"hundreds", 200},
                                {"thousands", 2000}, {"millions", 2e6}, {"billions", 2e9}};

struct UnitName {
  std::string_view word;
  std::string_view unit;
};

constexpr UnitName kUnits[] = {
    {"percent", "percent"},
    {"pct", "percent"},
    {"dollars", "USD"},
    {"dollar", "USD"},
    {"euros", "EUR"},
    {"euro", "EUR"},
    {"pounds", "GBP"},
    {"yen", "JPY"},
    {"yuan", "CNY"},
    {"rubles", "RUB"},
    {"roubles", "RUB"},
    {"rupees", "INR"},
    {"seconds", "second"},
    {"second", "second"},
    {"minutes", "minute"},
    {"minute", "minute"},
    {"hours", "hour"},
    {"hour", "hour"},
    {"days", "day"},
    {"day", "day"},
    {"weeks", "week"},
    {"week", "week"},
    {"months", "month"},
    {"month", "month"},
    {"years", "year"},
    {"year", "year"},
    {"km", "km"},
    {"kilometres", "km"},
    {"kilometers", "km"},
    {"kilometre", "km"},
    {"kilometer", "km"},
    {"miles", "mile"},
    {"mile", "mile"},
    {"metres", "m"},
    {"meters", "m"},
    {"metre", "m"},
    {"meter", "m"},
    {"kg", "kg"},
    {"kilograms", "kg"},
    {"tonnes", "tonne"},
    {"tons", "tonne"},
    {"tonne", "tonne"},
    {"ton", "tonne"},
    {"barrels", "barrel"},
    {"degrees", "degree"},
    {"acres", "acre"},
    {"hectares", "hectare"},
    {"mph", "mph"},
    {"cm", "cm"},
    {"mm", "mm"},
    {"ft", "ft"},
    {"feet", "ft"},
    {"foot", "ft"},
    {"m", "m"},
    {"inches", "inch"},
    {"lbs", "lb"},
    {"mw", "MW"},
    {"gw", "GW"},
};

struct HedgePattern {
  std::string_view words[4];  // in text order, "" padded
  Hedge hedge;
};

// Longest patterns first so "no more than" wins over "more than".
constexpr HedgePattern kHedges[] = {
    {{"no", "more", "than"}, Hedge::kUpTo},
    {{"no", "fewer", "than"}, Hedge::kAtLeast},
    {{"no", "less", "than"}, Hedge::kAtLeast},
    {{"as", "many", "as"}, Hedge::kUpTo},
    {{"as", "much", "as"}, Hedge::kUpTo},
    {{"in", "excess", "of"}, Hedge::kMoreThan},
    {{"just", "over"}, Hedge::kMoreThan},
    {{"well", "over"}, Hedge::kMoreThan},
    {{"just", "under"}, Hedge::kNearly},
    {{"more", "than"}, Hedge::kMoreThan},
    {{"greater", "than"}, Hedge::kMoreThan},
    {{"upwards", "of"}, Hedge::kMoreThan},
    {{"less", "than"}, Hedge::kLessThan},
    {{"fewer", "than"}, Hedge::kLessThan},
    {{"at", "least"}, Hedge::kAtLeast},
    {{"at", "most"}, Hedge::kUpTo},
    {{"up", "to"}, Hedge::kUpTo},
    {{"close", "to"}, Hedge::kNearly},
    {{"an", "estimated"}, Hedge::kAbout},
    {{"a", "record"}, Hedge::kRecord},
    {{"about"}, Hedge::kAbout},
    {{"around"}, Hedge::kAbout},
    {{"roughly"}, Hedge::kAbout},
    {{"approximately"}, Hedge::kAbout},
    {{"approx"}, Hedge::kAbout},
    {{"some"}, Hedge::kAbout},
    {{"estimated"}, Hedge::kAbout},
    {{"nearly"}, Hedge::kNearly},
    {{"almost"}, Hedge::kNearly},
    {{"over"}, Hedge::kMoreThan},
    {{"above"}, Hedge::kMoreThan},
    {{"under"}, Hedge::kLessThan},
    {{"below"}, Hedge::kLessThan},
    {{"record"}, Hedge::kRecord},
};

// Words that end a counted noun phrase.
bool IsNounStop(std::string_view w) {
  static constexpr std::string_view kStops[] = {
      "the",      "a",      "an",      "and",     "or",      "but",     "nor",    "of",        "in",        "on",
      "at",       "to",     "for",     "from",    "with",    "by",      "into",   "onto",      "than",      "as",
      "per",      "that",   "which",   "who",     "whom",    "whose",   "were",   "was",       "are",       "is",
      "be",       "been",   "being",   "have",    "has",     "had",     "will",   "would",     "could",     "can",
      "may",      "might",  "should",  "must",    "shall",   "do",      "does",   "did",       "more",      "less",
      "each",     "ago",    "earlier", "later",   "before",  "after",   "since",  "during",    "over",      "under",
      "about",    "around", "across",  "against", "between", "through", "toward", "towards",   "if",        "when",
      "while",    "where",  "so",      "not",     "no",      "it",      "its",    "they",      "them",      "their",
      "he",       "she",    "his",     "her",     "we",      "our",     "you",    "your",      "i",         "me",
      "my",       "this",   "these",   "those",   "there",   "here",    "then",   "also",      "just",      "only",
      "all",      "both",   "said",    "says",    "say",     "told",    "added",  "according", "including", "among",
      "amid",     "within", "without", "times",   "percent", "out",     "up",     "down",      "off",       "again",
      "too",      "very",   "such",    "other",   "another", "some",    "any",    "many",      "much",      "most",
      "least",    "own",    "away",    "back",    "still",   "last",    "next",   "overnight", "today",     "yesterday",
      "now",      "even",   "already", "ever",    "former",  "latter",  "first",  "then",      "because",   "though",
      "although", "unless", "until"};
  for (std::string_view s : kStops) {
    if (w == s) return true;
  }
  return false;
}

bool IsDeterminer(std::string_view w) {
  return w == "the" || w == "its" || w == "their" || w == "his" || w == "her" || w == "these" || w == "those" ||
         w == "our" || w == "your";
}

double ParseDigits(std::string_view s) {
  // Commas group thousands; one period is a decimal point, several group.
  size_t dots = std::count(s.begin(), s.end(), '.');
  double v = 0, frac = 0, scale = 1;
  bool after_point = false;
  for (char c : s) {
    if (c == ',' || (c == '.' && dots > 1)) continue;
    if (c == '.') {
      after_point = true;
      continue;
    }
    if (after_point) {
      scale /= 10;
      frac += (c - '0') * scale;
    } else {
      v = v * 10 + (c - '0');
    }
  }
  return v + frac;
}

template <typename T, size_t N>
const T* Find(const T (&table)[N], std::string_view word) {
  for (const T& e : table) {
    if (e.word == word) return &e;
  }
  return nullptr;
}

class Parser {
 public:
  Parser(const LexedText& lexed, const std::vector<DateMention>* dates)
      : lex_(lexed), text_(lexed.text()), toks_(lexed.tokens()) {
    if (dates != nullptr) {
      BlockDates(*dates);
    } else {
      BlockDates(DateResolver::Extract(lex_, ""));
    }
  }

  std::vector<Quantity> Run() {
    size_t i = 0;
    while (i < toks_.size()) {
      size_t used = ParseAt(i);
      i += used > 0 ? used : 1;
    }
    FillPartitives();
    return std::move(out_);
  }

 private:
  // ---- token helpers ----
  bool InRange(size_t i) const { return i < toks_.size(); }
  bool IsWord(size_t i) const { return InRange(i) && toks_[i].kind == LexKind::kWord; }
  bool IsNum(size_t i) const { return InRange(i) && toks_[i].kind == LexKind::kNumber; }
  std::string_view Raw(size_t i) const { return InRange(i) ? toks_[i].span.In(text_) : ""; }
  // Lower-case text of word token `i`, "" for other tokens.
  std::string_view Low(size_t i) const { return lex_.Low(i); }
  bool Glued(size_t i) const { return InRange(i) && !toks_[i].space_before; }
  bool WordIs(size_t i, std::string_view w) const { return IsWord(i) && Low(i) == w; }
  bool PunctIs(size_t i, std::string_view p) const {
    return InRange(i) && toks_[i].kind == LexKind::kPunct && Raw(i) == p;
  }
  bool IsDash(size_t i) const { return PunctIs(i, "-") || PunctIs(i, "\xE2\x80\x93") || PunctIs(i, "\xE2\x80\x94"); }
  bool SameSentence(size_t a, size_t b) const { return lex_.SameSentence(a, b); }

  // Marks tokens inside date mentions so their numbers are not counts.
  void BlockDates(const std::vector<DateMention>& dates) {
    blocked_.assign(toks_.size(), false);
    size_t k = 0;
    for (const DateMention& d : dates) {
      while (k < toks_.size() && toks_[k].span.begin < d.span.begin) ++k;
      for (size_t j = k; j < toks_.size() && toks_[j].span.end <= d.span.end; ++j) blocked_[j] = true;
    }
  }

  // ---- figures ----

  // A figure at `i`: digits (with a glued or following scale) or number
  // words. Sets `*value` and `*end` (one past its last token).
  // `money`: a currency sign precedes, so a glued "m" is million, not
  // metres ("$5m" vs "580m").
  bool Figure(size_t i, double* value, size_t* end, bool money = false) const {
    if (IsNum(i)) {
      *value = ParseDigits(Raw(i));
      *end = i + 1;
      ApplyScale(value, end, money);
      return true;
    }
    return WordFigure(i, value, end);
  }

  void ApplyScale(double* value, size_t* end, bool money) const {
    size_t j = *end;
    if (!IsWord(j)) return;
    if (const WordValue* s = Find(kScales, Low(j)); s != nullptr && s->value >= 1e3) {
      *value *= s->value;
      *end = j + 1;
      return;
    }
    if (const WordValue* s = Find(kScaleAbbrev, Low(j)); s != nullptr && Glued(j)) {
      if (!money && (Low(j) == "m" || Low(j) == "k")) return;  // metres, kilo-: a unit
      *value *= s->value;
      *end = j + 1;
    }
  }

  // "ten", "twenty-five", "two hundred", "three million", "a dozen".
  bool WordFigure(size_t i, double* value, size_t* end) const {
    if (!IsWord(i)) return false;
    size_t j = i;
    double v;
    if ((WordIs(i, "a") || WordIs(i, "one")) && WordIs(i + 1, "dozen")) {
      v = 12, j = i + 2;
    } else if (WordIs(i, "a") && IsWord(i + 1) && Find(kScales, Low(i + 1)) != nullptr) {
      v = Find(kScales, Low(i + 1))->value, j = i + 2;
    } else if (const WordValue* w = Find(kSmall, Low(i)); w != nullptr) {
      v = w->value, j = i + 1;
      if (v >= 20 && IsDash(j) && Glued(j) && Glued(j + 1) && IsWord(j + 1)) {
        const WordValue* unit = Find(kSmall, Low(j + 1));
        if (unit != nullptr && unit->value < 10) v += unit->value, j += 2;
      }
      if (WordIs(j, "dozen")) v *= 12, ++j;
    } else if (WordIs(i, "one") && IsWord(i + 1) && Find(kScales, Low(i + 1)) != nullptr) {
      v = 1, j = i + 1;
    } else {
      return false;
    }
    while (IsWord(j)) {
      const WordValue* s = Find(kScales, Low(j));
      if (s == nullptr) break;
      v *= s->value;
      ++j;
    }
    *value = v;
    *end = j;
    return true;
  }

  // ---- exclusions ----

  // True when the number token at `i` is not a count.
  bool SkipNumber(size_t i) const {
    if (blocked_[i]) return true;
    if (IsWord(i + 1) && Glued(i + 1)) {
      std::string_view s = Low(i + 1);
      bool ok = Find(kScaleAbbrev, s) || Find(kUnits, s);
      if (!ok) return true;  // "10th", "1990s", "3D"
    }
    if ((PunctIs(i + 1, ":") || PunctIs(i + 1, "/")) && IsNum(i + 2) && Glued(i + 1)) return true;
    if (i > 0 && (PunctIs(i - 1, ":") || PunctIs(i - 1, "/") || PunctIs(i - 1, "+") || PunctIs(i - 1, "#")) &&
        Glued(i)) {
      return true;
    }
    // The end of a season or year range ("the 1998-99 season").
    if (i >= 2 && IsDash(i - 1) && Glued(i) && Glued(i - 1) && IsNum(i - 2) && LooksLikeYear(Raw(i - 2))) return true;
    // A footnote mark glued to a closing quotation mark ("fulness of
    // times.”5 Ancient principles").
    if (i > 0 && Glued(i) && (PunctIs(i - 1, "\xE2\x80\x9D") || PunctIs(i - 1, "\xE2\x80\x99"))) return true;
    if (IsTimeOfDay(i) || IsPhone(i) || IsListMarker(i) || IsAge(i)) return true;
    if (IsIdentifier(i)) return true;
    return false;
  }

  bool IsTimeOfDay(size_t i) const {
    std::string_view n = Low(i + 1);
    if (n == "a.m." || n == "p.m." || n == "am" || n == "pm" || n == "a.m" || n == "p.m" || n == "gmt" || n == "utc" ||
        n == "o'clock" || n == "hrs") {
      return true;
    }
    return false;
  }

  bool IsPhone(size_t i) const {
    auto digits = [&](size_t k) { return IsNum(k) ? Raw(k).size() : 0; };
    if (IsDash(i + 1) && Glued(i + 1) && Glued(i + 2) && digits(i) >= 3 && digits(i + 2) >= 3) return true;
    if (i >= 2 && IsDash(i - 1) && Glued(i) && Glued(i - 1) && digits(i - 2) >= 3 && digits(i) >= 3) return true;
    if (i >= 1 && PunctIs(i - 1, "(") && digits(i) == 3 && PunctIs(i + 1, ")") && IsNum(i + 2)) return true;
    if (i >= 2 && PunctIs(i - 1, ")") && digits(i - 2) == 3 && PunctIs(i - 3, "(") && Glued(i - 2) && digits(i) >= 3) {
      return true;
    }
    return false;
  }

  bool IsListMarker(size_t i) const {
    if (!toks_[i].line_start && !(i >= 1 && toks_[i - 1].line_start && PunctIs(i - 1, "("))) return false;
    return (PunctIs(i + 1, ".") || PunctIs(i + 1, ")")) && Glued(i + 1);
  }

  // "Ana Ruiz, 45, said" and "aged 45".
  bool IsAge(size_t i) const {
    if (i >= 1 && (WordIs(i - 1, "aged") || WordIs(i - 1, "age"))) return true;
    if (i >= 2 && (WordIs(i - 1, "now") || WordIs(i - 1, "then")) && PunctIs(i - 2, ",") &&
        (PunctIs(i + 1, ",") || PunctIs(i + 1, ".")) && Raw(i).size() <= 3) {
      return true;  // "Ana Ruiz, then 22, was"
    }
    if (i < 2 || !PunctIs(i - 1, ",") || !IsWord(i - 2) || !toks_[i - 2].capitalized) return false;
    if (Raw(i).size() > 3 || ParseDigits(Raw(i)) > 120) return false;
    return PunctIs(i + 1, ",") || PunctIs(i + 1, ".") || PunctIs(i + 1, ")");
  }

  // "Flight 17", "F-16", "No. 10", "number 5": a label, not a count.
  bool IsIdentifier(size_t i) const {
    if (i == 0) return false;
    if (IsDash(i - 1) && Glued(i) && Glued(i - 1) && i >= 2 && IsWord(i - 2)) return true;
    if (IsWord(i - 1) && Glued(i)) return true;  // "G7" split oddly, "Su35"
    if (WordIs(i - 1, "number") || WordIs(i - 1, "no") || WordIs(i - 1, "nos")) return true;
    if (PunctIs(i - 1, ".") && i >= 2 && WordIs(i - 2, "no")) return true;
    const LexToken& p = toks_[i - 1];
    if (p.kind != LexKind::kWord || !p.capitalized) return false;
    if (MonthFromWord(Raw(i - 1)) != 0 || HedgeEndsAt(i - 1) || IsNounStop(Low(i - 1))) return false;
    size_t j = i + 1;
    while (IsWord(j) && Glued(j)) ++j;
    return !PunctIs(j, "%") && !NextIsPluralNoun(j);
  }

  bool HedgeEndsAt(size_t k) const {
    size_t first;
    return HedgeBefore(k + 1, &first).has_value();
  }

  bool IsAgeAfter(size_t j) const {
    if ((WordIs(j, "years") || WordIs(j, "year")) && WordIs(j + 1, "old")) return true;
    if (IsDash(j) && WordIs(j + 1, "year") && IsDash(j + 2) && WordIs(j + 3, "old")) return true;
    if (IsDash(j) && WordIs(j + 1, "years") && IsDash(j + 2) && WordIs(j + 3, "old")) return true;
    // "He was 63." / "she is 41,": an age stated as a predicate.
    if (j >= 2 && (WordIs(j - 2, "was") || WordIs(j - 2, "is")) && IsNum(j - 1) && Raw(j - 1).size() <= 3 &&
        (PunctIs(j, ".") || PunctIs(j, ",") || !InRange(j))) {
      return true;
    }
    return false;
  }

  // "flight 214", "route 66", "article 5": a label after a lower-case noun.
  bool IsLabel(size_t i) const {
    if (i == 0 || !IsWord(i - 1)) return false;
    static const auto* kLabels = new std::unordered_set<std::string_view>{
        "flight",   "route",    "room",       "gate",       "platform", "channel",  "article", "section",  "chapter",
        "page",     "highway",  "interstate", "resolution", "model",    "version",  "episode", "season",   "phase",
        "level",    "grade",    "exit",       "bus",        "pier",     "terminal", "lane",    "precinct", "ward",
        "district", "division", "unit",       "apartment",  "suite",    "floor",    "line",    "paragraph"};
    if (kLabels->count(Low(i - 1)) == 0) return false;
    size_t j = i + 1;
    return !PunctIs(j, "%") && !NextIsPluralNoun(j);
  }

  // ---- hedges ----

  // The hedge that ends right before token `i`, and its first token.
  std::optional<Hedge> HedgeBefore(size_t i, size_t* first) const {
    for (const HedgePattern& p : kHedges) {
      size_t n = 0;
      while (n < 4 && !p.words[n].empty()) ++n;
      if (i < n) continue;
      bool match = true;
      for (size_t k = 0; k < n && match; ++k) {
        size_t t = i - n + k;
        match = WordIs(t, p.words[k]) && SameSentence(t, i);
      }
      if (match) {
        *first = i - n;
        return p.hedge;
      }
    }
    return std::nullopt;
  }

  // ---- the main parse ----

  // Cheap filter: digits, currency signs and number words.
  bool MayStartQuantity(size_t i) const {
    const LexToken& t = toks_[i];
    if (t.kind == LexKind::kNumber) return true;
    if (t.kind == LexKind::kPunct) {
      unsigned char c = text_[t.span.begin];
      return c == '$' || c == 0xE2 || c == 0xC2;  // $ and the UTF-8 leads of the other signs
    }
    static const auto* kWords = [] {
      auto* set = new ShortWordSet{"a", "one", "tens"};
      for (const WordValue& w : kSmall) set->Insert(w.word);
      for (const WordValue& w : kVague) set->Insert(w.word);
      return set;
    }();
    return t.kind == LexKind::kWord && kWords->Contains(Low(i));
  }

  size_t ParseAt(size_t i) {
    if (blocked_[i] || !MayStartQuantity(i)) return 1;
    size_t start = i;
    std::string unit;
    if (IsCurrencySymbol(i, &unit) && IsNum(i + 1) && Glued(i + 1)) start = i + 1;
    if (IsWord(start) && start == i) {
      if (size_t n = ParseVague(i)) return n;
    }
    double value;
    size_t end;
    if (IsNum(start)) {
      if (SkipNumber(start)) return start + 1 - i;
    } else if (!IsWord(start) || !AcceptWordFigure(start)) {
      return 0;
    }
    if (!Figure(start, &value, &end, !unit.empty())) return 0;
    if (IsAgeAfter(end)) return end - i;  // "45 years old", "a 45-year-old"
    if (IsNum(start) && start > 0 && PunctIs(start - 1, ".") && Glued(start)) return end - i;  // ".223"
    if (IsLabel(start)) return end - i;
    if (IsNum(start) && unit.empty() && end == start + 1 && LooksLikeYear(Raw(start)) && !NextIsPluralNoun(end)) {
      return end - i;  // a year used as a label ("the 2024 election")
    }
    Quantity q;
    q.value = q.min = q.max = value;
    size_t last = end - 1;
    ParseRange(i, start, &q, &last);
    size_t first = i;
    if (i > 0 && WordIs(i - 1, "between") && q.range) first = i - 1;
    if (std::optional<Hedge> h = HedgeBefore(i, &first)) q.hedge = *h;
    // "all but five (of those arrested)": the rest of a larger count.
    if (first >= 2 && WordIs(first - 2, "all") && WordIs(first - 1, "but")) q.part = true;
    // "another 13 people", "a further 20": an addition to a count.
    if (first >= 1 &&
        (WordIs(first - 1, "another") || WordIs(first - 1, "further") || WordIs(first - 1, "additional"))) {
      q.part = true;
    }
    q.unit = unit;
    q.figure = Span{toks_[start].span.begin, toks_[last].span.end};
    last = ParseUnitAndNoun(last + 1, &q) - 1;
    q.span = Span{toks_[first].span.begin, toks_[last].span.end};
    q.clause = ClauseOf(start);
    q.sentence = SentenceOf(start);
    out_.push_back(std::move(q));
    return last + 1 - i;
  }

  bool IsCurrencySymbol(size_t i, std::string* unit) const {
    std::string_view s = Raw(i);
    if (toks_.size() <= i || toks_[i].kind != LexKind::kPunct) return false;
    if (s == "$") {
      *unit = "USD";
    } else if (s == "\xE2\x82\xAC") {
      *unit = "EUR";
    } else if (s == "\xC2\xA3") {
      *unit = "GBP";
    } else if (s == "\xC2\xA5") {
      *unit = "JPY";
    } else {
      return false;
    }
    return true;
  }

  // Number words count when lower case (or opening a sentence), and not
  // inside idioms ("one-on-one", "two-thirds").
  bool AcceptWordFigure(size_t i) const {
    const LexToken& t = toks_[i];
    if (t.capitalized && !t.sentence_start && !(i > 0 && toks_[i - 1].kind == LexKind::kPunct)) {
      return false;  // "Group of Seven", "The Two Towers"
    }
    if (IsDash(i + 1) && Glued(i + 1) && IsWord(i + 2) && Glued(i + 2)) {
      std::string_view n = Low(i + 2);
      if (n.ends_with("th") || n.ends_with("ths") || n == "half" || n == "thirds" || n == "third" || n == "on") {
        return false;
      }
    }
    if (i > 0 && IsDash(i - 1) && Glued(i)) return false;
    if (WordIs(i, "a") && !(WordIs(i + 1, "dozen") || (IsWord(i + 1) && Find(kScales, Low(i + 1))))) return false;
    return true;
  }

  bool NextIsPluralNoun(size_t j) const {
    if (!IsWord(j) || toks_[j].capitalized) return false;
    std::string_view w = Low(j);
    return w.size() > 3 && w.back() == 's' && !IsNounStop(w);
  }

  bool IsFigureStart(size_t i) const {
    if (IsNum(i)) return true;
    std::string unit;
    if (IsCurrencySymbol(i, &unit)) return IsNum(i + 1);
    return IsWord(i) && Find(kSmall, Low(i)) != nullptr;
  }

  // "dozens of", "hundreds of", "tens of thousands of".
  size_t ParseVague(size_t i) {
    double v = 0;
    size_t j = i;
    if (WordIs(i, "tens") && WordIs(i + 1, "of") && IsWord(i + 2)) {
      const WordValue* s = Find(kVague, Low(i + 2));
      if (s == nullptr || s->value < 2000) return 0;
      v = s->value * 10, j = i + 3;
    } else if (const WordValue* s = Find(kVague, Low(i)); s != nullptr) {
      v = s->value, j = i + 1;
    } else {
      return 0;
    }
    // "thousands" alone ("forcing thousands into shelters") still counts.
    Quantity q;
    q.value = q.min = v;
    q.max = v;
    q.hedge = Hedge::kAtLeast;
    q.vague = true;
    q.figure = Span{toks_[i].span.begin, toks_[j - 1].span.end};
    size_t last = j - 1;
    if (WordIs(j, "of")) {
      size_t k = j + 1;
      if (IsDeterminer(Low(k))) ++k;
      size_t end = CollectNoun(k, &q);
      if (end > k) last = end - 1;
    }
    q.span = Span{toks_[i].span.begin, toks_[last].span.end};
    q.clause = ClauseOf(i);
    q.sentence = SentenceOf(i);
    out_.push_back(std::move(q));
    return last + 1 - i;
  }

  // "30-40", "between 30 and 40", "30 to 40 percent".
  // `lead` is the first token of the expression (a currency sign or the
  // figure).
  void ParseRange(size_t lead, size_t start, Quantity* q, size_t* last) const {
    size_t j = *last + 1;
    double hi;
    size_t end;
    std::string sign;
    // "30-40", and "$27M-$30 million" with the sign repeated.
    bool dash = IsDash(j) && Glued(j) && Glued(j + 1) && IsNum(start) &&
                (IsNum(j + 1) || (IsCurrencySymbol(j + 1, &sign) && IsNum(j + 2) && Glued(j + 2)));
    bool between = lead > 0 && WordIs(lead - 1, "between") && WordIs(j, "and");
    // "six to seven months", "two or three days": the second figure
    // carries the unit or noun of both.
    bool to = (WordIs(j, "to") || WordIs(j, "or")) && IsFigureStart(j + 1);
    if (!dash && !between && !to) return;
    size_t k = j + 1;
    std::string unit;
    bool money = IsCurrencySymbol(k, &unit);
    if (money) ++k;
    if (!Figure(k, &hi, &end, money) || hi <= q->value) return;
    q->range = true;
    q->max = hi;
    *last = end - 1;
  }

  // Unit ("%", "percent", "minutes", "-minute", "dollars") and the counted
  // noun after the figure. Returns one past the last token taken.
  size_t ParseUnitAndNoun(size_t j, Quantity* q) {
    if (PunctIs(j, "%")) {
      q->unit = "percent";
      ++j;
    } else if (WordIs(j, "per") && WordIs(j + 1, "cent")) {
      q->unit = "percent";
      j += 2;
    } else if (WordIs(j, "percentage") && (WordIs(j + 1, "points") || WordIs(j + 1, "point"))) {
      q->unit = "percentage point";
      j += 2;
    } else if (IsDash(j) && Glued(j) && IsWord(j + 1) && Glued(j + 1) && !IsNounStop(Low(j + 1))) {
      // "a 50-minute meeting": the compound names the unit.
      const UnitName* u = Find(kUnits, Low(j + 1));
      q->unit = u != nullptr ? std::string(u->unit) : Singular(Low(j + 1));
      j += 2;
      if (WordIs(j, "long") || WordIs(j, "old")) ++j;
    } else if (IsWord(j)) {
      if (const UnitName* u = Find(kUnits, Low(j))) {
        bool currency = u->unit.size() == 3 && u->unit[0] >= 'A' && u->unit[0] <= 'Z';
        if (!currency || q->unit.empty()) q->unit = std::string(u->unit);
        ++j;
        if (!currency) return j;  // "three years": the unit is what is counted
      }
    }
    if (q->unit.size() == 3 && WordIs(j, "in") && IsWord(j + 1)) {
      size_t end = CollectNoun(j + 1, q);  // "$1.2 billion in aid"
      return end > j + 1 ? end : j;
    }
    size_t end = CollectNoun(j, q);
    if (end == j && q->noun.empty() && WordIs(j, "of")) {
      pending_of_.push_back({out_.size(), j});
      // "two of the dead", "five of those arrested", "three of them".
      if (IsDeterminer(Low(j + 1)) || WordIs(j + 1, "them") || WordIs(j + 1, "whom") || WordIs(j + 1, "which")) {
        q->part = true;
      }
    }
    return end;
  }

  static std::string Singular(std::string_view w) {
    if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') w.remove_suffix(1);
    return std::string(w);
  }

  static bool IsPlural(std::string_view w) {
    static const auto* kIrregular = new std::unordered_set<std::string_view>{
        "people",    "children", "men",       "women",  "police",  "staff", "crew",  "cattle", "personnel",
        "sheep",     "fish",     "deer",      "feet",   "teeth",   "mice",  "geese", "data",   "media",
        "livestock", "aircraft", "civilians", "troops", "militia", "youth", "clergy"};
    if (kIrregular->count(w) > 0) return true;
    // "-men" compounds: gunmen, fishermen, policemen.
    if (w.size() > 4 && w.ends_with("men") && w != "specimen" && w != "abdomen") return true;
    return w.size() > 2 && w.back() == 's' && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is");
  }

  // Collects up to three noun words from `j`; returns one past the last.
  size_t CollectNoun(size_t j, Quantity* q) const {
    size_t k = j;
    while (k < j + 3 && IsWord(k) && SameSentence(j, k)) {
      const LexToken& t = toks_[k];
      std::string_view w = Low(k);
      if (IsNounStop(w) || Find(kSmall, w) || Find(kScales, w)) break;
      if (w.find('\'') != std::string_view::npos || w.find("\xE2\x80\x99") != std::string_view::npos) break;
      if (t.capitalized && !(k == j && IsWord(k + 1) && !toks_[k + 1].capitalized && !IsNounStop(Low(k + 1)))) {
        break;  // a name, unless an adjective before a noun ("Russian drones")
      }
      // "-ing" nouns are common after a figure ("a 50-minute meeting");
      // "-ed" and "-ly" words there are verbs and adverbs ("two agreed").
      bool verbish = w.ends_with("ed") || w.ends_with("ly") || (w.ends_with("ing") && k > j);
      if (verbish &&
          !(IsWord(k + 1) && !IsNounStop(Low(k + 1)) && !toks_[k + 1].capitalized && !Low(k + 1).ends_with("ed"))) {
        break;
      }
      if (verbish && k > j) break;
      if (k > j && !IsPlural(w)) break;  // after a modifier only a plural head
      ++k;
      if (IsDash(k) && Glued(k) && IsWord(k + 1) && Glued(k + 1)) k += 2;  // "long-range"
      if (IsPlural(w)) break;                                              // the head: "boats sank" stops at "boats"
      if (!IsWord(k) || !IsPlural(Low(k))) break;
    }
    if (k == j) return j;
    q->noun =
        AsciiLower(std::string_view(text_).substr(toks_[j].span.begin, toks_[k - 1].span.end - toks_[j].span.begin));
    q->noun_span = Span{toks_[j].span.begin, toks_[k - 1].span.end};
    return k;
  }

  // "eight of the 10 countries": the first figure counts the second's noun.
  void FillPartitives() {
    for (const auto& [index, of] : pending_of_) {
      if (index + 1 >= out_.size()) continue;
      Quantity& q = out_[index];
      const Quantity& next = out_[index + 1];
      size_t k = of + 1;
      if (IsDeterminer(Low(k))) ++k;
      if (!InRange(k) || toks_[k].span.begin > next.span.begin || next.noun.empty()) continue;
      q.noun = next.noun;
      q.noun_span = next.noun_span;
      q.part = true;
      if (q.unit.empty()) q.unit = next.unit;
    }
  }

  // ---- clause and sentence ----

  Span SentenceOf(size_t i) const { return lex_.SpanOf(lex_.SentenceBegin(i), lex_.SentenceEnd(i)); }

  bool IsClauseBreak(size_t k) const {
    if (toks_[k].kind != LexKind::kPunct) return false;
    std::string_view p = Raw(k);
    return p == "," || p == ";" || p == ":" || p == "(" || p == ")" || p == "\xE2\x80\x94" ||
           ((p == "\xE2\x80\x93" || p == "-") && toks_[k].space_before);
  }

  bool IsFinal(size_t k) const {
    std::string_view p = Raw(k);
    return p == "." || p == "!" || p == "?" || p == "\xE2\x80\xA6";
  }

  // The comma- or dash-delimited piece of the sentence around `i`, widened
  // to neighbouring pieces while it holds fewer than five words.
  Span ClauseOf(size_t i) const {
    size_t sb = lex_.SentenceBegin(i), se = lex_.SentenceEnd(i);
    size_t b = i, e = i;
    auto widen = [&] {
      while (b > sb && !IsClauseBreak(b - 1)) --b;
      while (e < se && !IsClauseBreak(e + 1)) ++e;
    };
    widen();
    auto words = [&] {
      int n = 0;
      for (size_t k = b; k <= e; ++k) n += toks_[k].kind != LexKind::kPunct;
      return n;
    };
    while (words() < 5 && (b > sb || e < se)) {
      if (e < se) ++e;
      if (b > sb) --b;
      widen();
    }
    while (e > b && toks_[e].kind == LexKind::kPunct && (IsClauseBreak(e) || IsFinal(e))) --e;
    while (b < e && toks_[b].kind == LexKind::kPunct && IsClauseBreak(b)) ++b;
    return Span{toks_[b].span.begin, toks_[e].span.end};
  }

  const LexedText& lex_;  // borrowed: the lower-case text and sentence bounds
  std::string_view text_;
  const std::vector<LexToken>& toks_;
  std::vector<bool> blocked_;
  std::vector<std::pair<size_t, size_t>> pending_of_;  // (quantity index, "of" token)
  std::vector<Quantity> out_;
};

}  // namespace

std::string_view HedgeName(Hedge h) {
  switch (h) {
    case Hedge::kExact:
      return "exact";
    case Hedge::kAbout:
      return "about";
    case Hedge::kMoreThan:
      return "more than";
    case Hedge::kAtLeast:
      return "at least";
    case Hedge::kLessThan:
      return "less than";
    case Hedge::kUpTo:
      return "up to";
    case Hedge::kNearly:
      return "nearly";
    case Hedge::kRecord:
      return "record";
  }
  return "exact";
}

std::vector<Quantity> NumberExtractor::Extract(std::string_view text) {
  std::vector<LexToken> tokens = WordLexer::Lex(text);
  return Extract(text, tokens);
}

std::vector<Quantity> NumberExtractor::Extract(std::string_view text, const std::vector<LexToken>& tokens) {
  LexedText lexed(text, tokens);
  return Parser(lexed, nullptr).Run();
}

std::vector<Quantity> NumberExtractor::Extract(std::string_view text, const std::vector<LexToken>& tokens,
                                               const std::vector<DateMention>& dates) {
  return Extract(LexedText(text, tokens), dates);
}

std::vector<Quantity> NumberExtractor::Extract(const LexedText& lexed, const std::vector<DateMention>& dates) {
  return Parser(lexed, &dates).Run();
}

double NumberExtractor::WordValue(std::string_view folded) {
  for (const auto& w : kSmall) {
    if (w.word == folded) return w.value;
  }
  return 0;
}

}  // namespace storyfuse
