#include "analyze/number_aligner.h"

#include <algorithm>
#include <cmath>

#include "analyze/date_words.h"
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
         (w.size() >= 6 && w.ends_with("est") && w != "interest" && w != "protest" &&
          w != "request" && w != "arrest" && w != "suggest" && w != "harvest" && w != "contest" &&
          w != "forest" && w != "honest" && w != "modest" && w != "invest");
}

// Half the rounding step of a figure written with trailing zeros: 700 ->
// 50, 100,000 -> 50,000 (reporters round); 728 -> 0.
double RoundingSlack(double v) {
  if (v < 100 || v != std::floor(v)) return 0;
  double step = 1;
  while (std::fmod(v, step * 10) == 0 && step * 10 <= v) step *= 10;
  return step >= 100 ? step / 2 : 0;
}

bool Disjoint(const ValueRange& a, const ValueRange& b) {
  auto below = [](const ValueRange& x, const ValueRange& y) {  // x entirely below y
    return x.hi < y.lo || (x.hi == y.lo && (x.hi_open || y.lo_open));
  };
  return below(a, b) || below(b, a);
}

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
      r.lo = lo * (1 - kAboutSlack);
      r.hi = hi * (1 + kAboutSlack);
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
      r.lo = lo * (1 - kAboutSlack);
      r.hi = hi;
      break;
  }
  return r;
}

bool NumberAligner::ValuesConflict(const Quantity& a, const Quantity& b) {
  if (a.unit != b.unit) return false;
  return Disjoint(Allowed(a), Allowed(b));
}

QuantityContext NumberAligner::Context(const Quantity& q, std::string_view text) {
  QuantityContext c;
  c.text = text;
  c.key = CountedKey(q);
  if (q.clause.end > text.size() || q.sentence.end > text.size()) return c;
  std::string head;
  if (!q.noun.empty()) {
    size_t space = q.noun.rfind(' ');
    head = stemmer_.Stem(space == std::string::npos ? q.noun : q.noun.substr(space + 1));
  }
  std::string_view sentence = q.sentence.In(text);
  bool first = true;
  for (const LexToken& t : WordLexer::Lex(sentence)) {
    if (t.kind != LexKind::kWord) continue;
    bool is_first = first;
    first = false;
    uint32_t begin = q.sentence.begin + t.span.begin;
    std::string_view raw = t.span.In(sentence);
    bool in_clause = begin >= q.clause.begin && begin < q.clause.end;
    if (t.capitalized && !is_first && raw.size() >= 2 && MonthFromWord(raw) == 0 && WeekdayFromWord(raw) < 0) {
      std::string name = AsciiLower(raw);
      if (!IsStopword(name)) {
        c.sentence_names.push_back(name);
        if (in_clause && !(begin >= q.span.begin && begin < q.span.end)) c.names.push_back(name);
      }
    }
    if (!in_clause) continue;
    if (begin >= q.span.begin && begin < q.span.end) continue;  // the quantity itself
    std::string w = AsciiLower(raw);
    if (IsSuperlative(w)) {
      c.words.emplace_back(kSuperlative);
      continue;
    }
    if (w.size() < 3 || IsStopword(w)) continue;
    std::string stem = stemmer_.Stem(w);
    if (stem != head) c.words.push_back(std::move(stem));
  }
  if (q.hedge == Hedge::kRecord) c.words.emplace_back(kSuperlative);
  for (auto* v : {&c.words, &c.names, &c.sentence_names}) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  }
  return c;
}

float NumberAligner::ContextOverlap(const QuantityContext& a, const QuantityContext& b) {
  if (a.words.empty() || b.words.empty()) return 1;
  std::vector<std::string> shared;
  std::set_intersection(a.words.begin(), a.words.end(), b.words.begin(), b.words.end(),
                        std::back_inserter(shared));
  return static_cast<float>(shared.size()) / std::min(a.words.size(), b.words.size());
}

bool NumberAligner::DifferentNames(const QuantityContext& a, const QuantityContext& b) {
  auto names_unknown_to = [](const QuantityContext& x, const QuantityContext& y) {
    for (const std::string& n : x.names) {
      if (!std::binary_search(y.sentence_names.begin(), y.sentence_names.end(), n)) return true;
    }
    return false;
  };
  return names_unknown_to(a, b) && names_unknown_to(b, a);
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
  bool sup_a = std::binary_search(ca.words.begin(), ca.words.end(), std::string(kSuperlative));
  bool sup_b = std::binary_search(cb.words.begin(), cb.words.end(), std::string(kSuperlative));
  if (sup_a != sup_b) return false;  // a record is not the count of an ordinary day
  if (DifferentNames(ca, cb)) return false;
  if (sup_a) return true;            // one story's record of one thing is one fact
  return ContextOverlap(ca, cb) >= kMinOverlap;
}

bool NumberAligner::SameThing(const Quantity& a, std::string_view text_a, const Quantity& b,
                              std::string_view text_b) {
  return SameThing(a, Context(a, text_a), b, Context(b, text_b));
}

}  // namespace storyfuse
