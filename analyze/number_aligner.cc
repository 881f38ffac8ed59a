#include "analyze/number_aligner.h"

#include <algorithm>
#include <cmath>

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

std::vector<std::string> NumberAligner::ContextWords(const Quantity& q, std::string_view text) {
  std::vector<std::string> out;
  if (q.clause.end > text.size()) return out;
  std::string_view clause = q.clause.In(text);
  std::string head;
  if (!q.noun.empty()) {
    size_t space = q.noun.rfind(' ');
    head = stemmer_.Stem(space == std::string::npos ? q.noun : q.noun.substr(space + 1));
  }
  for (const LexToken& t : WordLexer::Lex(clause)) {
    if (t.kind != LexKind::kWord) continue;
    uint32_t begin = q.clause.begin + t.span.begin;
    if (begin >= q.span.begin && begin < q.span.end) continue;  // the quantity itself
    std::string w = AsciiLower(t.span.In(clause));
    if (IsSuperlative(w)) {
      out.emplace_back(kSuperlative);
      continue;
    }
    if (w.size() < 3 || IsStopword(w)) continue;
    std::string stem = stemmer_.Stem(w);
    if (stem != head) out.push_back(std::move(stem));
  }
  if (q.hedge == Hedge::kRecord) out.emplace_back(kSuperlative);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool NumberAligner::SameThing(const Quantity& a, std::string_view text_a, const Quantity& b,
                              std::string_view text_b) {
  std::string key = CountedKey(a);
  if (key.empty() || key != CountedKey(b) || a.part != b.part) return false;
  bool same_text = text_a.data() == text_b.data() && text_a.size() == text_b.size();
  if (same_text && a.clause.begin < b.clause.end && b.clause.begin < a.clause.end) return false;
  std::vector<std::string> ca = ContextWords(a, text_a);
  std::vector<std::string> cb = ContextWords(b, text_b);
  bool sup_a = std::binary_search(ca.begin(), ca.end(), std::string(kSuperlative));
  bool sup_b = std::binary_search(cb.begin(), cb.end(), std::string(kSuperlative));
  if (sup_a != sup_b) return false;  // a record is not the count of an ordinary day
  if (sup_a) return true;            // one story's record of one thing is one fact
  if (ca.empty() || cb.empty()) return true;
  std::vector<std::string> shared;
  std::set_intersection(ca.begin(), ca.end(), cb.begin(), cb.end(), std::back_inserter(shared));
  return static_cast<double>(shared.size()) >= kMinOverlap * std::min(ca.size(), cb.size());
}

}  // namespace storyfuse
