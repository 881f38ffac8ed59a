#include "analyze/number_aligner.h"

#include <algorithm>
#include <cmath>

#include "analyze/date_words.h"
#include "text/short_word_set.h"
#include "text/stopwords.h"
#include "text/word_lexer.h"

namespace storyfuse {
namespace {

constexpr double kAboutSlack = 0.15;  // "about 400" allows 340..460
constexpr double kMinOverlap = 0.25;  // share of the smaller clause's words
constexpr std::string_view kSuperlative = "<sup>";

bool IsSuperlative(std::string_view w) {
  if (w == "record" || w == "most" || w == "least" || w == "unprecedented") return true;
  // largest, biggest, heaviest, worst ... ("est" words of 6+ letters).
  return w == "worst" || w == "best" ||
         (w.size() >= 6 && w.ends_with("est") && w != "interest" && w != "protest" && w != "request" && w != "arrest" &&
          w != "suggest" && w != "harvest" && w != "contest" && w != "forest" && w != "honest" && w != "modest" &&
          w != "invest");
}

// Half the rounding step of a figure written with trailing zeros: 700 ->
// 50, 100,000 -> 50,000 (reporters round); 728 -> 0.
double RoundingSlack(double v) {
  if (v < 100 || v != std::floor(v)) return 0;
  double step = 1;
  while (std::fmod(v, step * 10) == 0 && step * 10 <= v) step *= 10;
  return step >= 100 ? step / 2 : 0;
}

bool IsIrrealis(std::string_view w) {
  static const ShortWordSet s = {"would",   "could",    "might",     "may",       "will",       "should", "shall",
                                 "propose", "proposes", "proposed",  "proposal",  "proposals",  "plan",   "plans",
                                 "planned", "forecast", "forecasts", "projected", "projection", "want",   "wants",
                                 "seek",    "seeks",    "target",    "targets"};
  return s.Contains(w);
}

// A name and a word name the same when they share all but the last two
// letters of the shorter, and at least kMinNamePrefix: "turkey" and
// "turkish", "syria" and "syrian", not "iran" and "iraq".
constexpr size_t kMinNamePrefix = 4;

bool SameName(std::string_view name, std::string_view word) {
  if (name == word) return true;
  size_t shorter = std::min(name.size(), word.size());
  if (shorter < kMinNamePrefix) return false;
  size_t common = 0;
  while (common < shorter && name[common] == word[common]) ++common;
  return common >= kMinNamePrefix && common + 2 >= shorter;
}

// The place value of a figure's last non-zero digit: 400 -> 100, 57.1 ->
// 0.1, 728 -> 1 (at most six decimals are looked at).
double Step(double v) {
  if (v <= 0) return 1;
  double step = 1;
  if (v != std::floor(v)) {
    for (int i = 0; i < 6 && std::fabs(v / step - std::round(v / step)) > 1e-9 * (v / step); ++i) step /= 10;
    return step;
  }
  while (std::fmod(v, step * 10) == 0 && step * 10 <= v) step *= 10;
  return step;
}

// How far "about v" and "nearly v" reach: kAboutSlack of v, but no more
// than one step of its last digit ("around 57.1 percent" is 57.0..57.2).
double AboutSlack(double v) { return std::min(kAboutSlack * v, Step(v)); }

}  // namespace

NumberAligner::NumberAligner() : stemmer_("english") {}

std::string NumberAligner::CountedKey(const Quantity& q) {
  std::string head;
  if (!q.noun.empty()) {
    std::string_view n = q.noun;
    size_t space = n.rfind(' ');
    head = stemmer_.Stem(space == std::string_view::npos ? n : n.substr(space + 1));
  }
  if (q.unit.empty() && head.empty()) return "";
  return q.unit + "|" + head;
}

ValueRange NumberAligner::Allowed(const Quantity& q) {
  ValueRange r;
  double lo = q.range ? q.min : q.value;
  double hi = q.range ? q.max : q.value;
  switch (q.hedge) {
    case Hedge::kExact:
    case Hedge::kRecord: {
      double slack = q.range ? 0 : RoundingSlack(q.value);
      r.lo = lo - slack;
      r.hi = hi + slack;
      break;
    }
    case Hedge::kAbout:
      r.lo = lo - AboutSlack(lo);
      r.hi = hi + AboutSlack(hi);
      break;
    case Hedge::kMoreThan:
      r.lo = lo;
      r.lo_open = true;
      break;
    case Hedge::kAtLeast:
      r.lo = lo;
      break;
    case Hedge::kLessThan:
      r.lo = 0;
      r.hi = hi;
      r.hi_open = true;
      break;
    case Hedge::kUpTo:
      r.lo = 0;
      r.hi = hi;
      break;
    case Hedge::kNearly:
      r.lo = lo - AboutSlack(lo);
      r.hi = hi;
      r.hi_open = true;
      break;
  }
  return r;
}

bool NumberAligner::ValuesConflict(const Quantity& a, const Quantity& b) {
  if (a.unit != b.unit) return false;
  return Disjoint(Allowed(a), Allowed(b));
}

QuantityContext NumberAligner::Context(const Quantity& q, std::string_view text) {
  return Context(q, text, WordLexer::Lex(text));
}

QuantityContext NumberAligner::Context(const Quantity& q, std::string_view text, const std::vector<LexToken>& tokens) {
  QuantityContext c;
  c.text = text;
  c.key = CountedKey(q);
  if (q.clause.end > text.size() || q.sentence.end > text.size()) return c;
  std::string head;
  if (!q.noun.empty()) {
    size_t space = q.noun.rfind(' ');
    head = stemmer_.Stem(space == std::string::npos ? q.noun : q.noun.substr(space + 1));
  }
  auto it = std::lower_bound(tokens.begin(), tokens.end(), q.sentence.begin,
                             [](const LexToken& t, uint32_t at) { return t.span.begin < at; });
  bool first = true;
  for (; it != tokens.end() && it->span.begin < q.sentence.end; ++it) {
    const LexToken& t = *it;
    if (t.kind != LexKind::kWord) continue;
    bool is_first = first;
    first = false;
    uint32_t begin = t.span.begin;
    std::string_view raw = t.span.In(text);
    bool in_quantity = begin >= q.span.begin && begin < q.span.end;
    bool in_clause = begin >= q.clause.begin && begin < q.clause.end;
    std::string w = AsciiLower(raw);
    c.sentence_words.push_back(w);
    if (t.capitalized && !is_first && raw.size() >= 2 && MonthFromWord(raw) == 0 && WeekdayFromWord(raw) < 0 &&
        !IsStopword(w)) {
      if (in_clause && !in_quantity) c.names.push_back(w);
      c.sentence_names.push_back(w);
    }
    if (!in_clause || in_quantity) continue;
    c.irrealis = c.irrealis || IsIrrealis(w);
    if (IsSuperlative(w)) {
      c.words.emplace_back(kSuperlative);
      continue;
    }
    if (w.size() < 3 || IsStopword(w)) continue;
    std::string stem = stemmer_.Stem(w);
    if (stem != head) c.words.push_back(std::move(stem));
  }
  if (q.hedge == Hedge::kRecord) c.words.emplace_back(kSuperlative);
  for (auto* v : {&c.words, &c.names, &c.sentence_names, &c.sentence_words}) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  }
  return c;
}

float NumberAligner::ContextOverlap(const QuantityContext& a, const QuantityContext& b) {
  if (a.words.empty() || b.words.empty()) return 1;
  std::vector<std::string> shared;
  std::set_intersection(a.words.begin(), a.words.end(), b.words.begin(), b.words.end(), std::back_inserter(shared));
  return static_cast<float>(shared.size()) / std::min(a.words.size(), b.words.size());
}

bool NumberAligner::DifferentNames(const QuantityContext& a, const QuantityContext& b) {
  if (a.names.empty() || b.names.empty()) return false;
  auto mentions_any = [](const std::vector<std::string>& names, const std::vector<std::string>& words) {
    for (const std::string& n : names) {
      for (const std::string& w : words) {
        if (SameName(n, w)) return true;
      }
    }
    return false;
  };
  return !mentions_any(a.names, b.sentence_words) && !mentions_any(b.names, a.sentence_words);
}

bool NumberAligner::Superlative(const QuantityContext& c) {
  return std::binary_search(c.words.begin(), c.words.end(), std::string(kSuperlative));
}

bool NumberAligner::Commensurate(const Quantity& a, const Quantity& b) {
  double lo = std::min(a.value, b.value), hi = std::max(a.value, b.value);
  if (lo <= 0) return hi <= 0;
  return hi <= kMaxRatio * lo;
}

bool NumberAligner::SameThing(const Quantity& a, const QuantityContext& ca, const Quantity& b,
                              const QuantityContext& cb) {
  if (ca.key.empty() || ca.key != cb.key || a.part != b.part) return false;
  bool same_text = ca.text.data() == cb.text.data() && ca.text.size() == cb.text.size();
  if (same_text && a.clause.begin < b.clause.end && b.clause.begin < a.clause.end) return false;
  bool sup_a = Superlative(ca);
  bool sup_b = Superlative(cb);
  if (sup_a != sup_b) return false;  // a record is not the count of an ordinary day
  if (DifferentNames(ca, cb)) return false;
  if (sup_a) return true;  // one story's record of one thing is one fact
  return ContextOverlap(ca, cb) >= kMinOverlap;
}

bool NumberAligner::SameThing(const Quantity& a, std::string_view text_a, const Quantity& b, std::string_view text_b) {
  return SameThing(a, Context(a, text_a), b, Context(b, text_b));
}

}  // namespace storyfuse
