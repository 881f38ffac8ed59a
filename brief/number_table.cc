#include "brief/number_table.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>

#include "analyze/number_extractor.h"
#include "text/stemmer.h"
#include "text/unicode_text.h"

namespace storyfuse {
namespace {

constexpr size_t kMaxNumbers = 25;
// Sentences at least this similar report the same event, so their numbers
// for the same thing must agree.
constexpr float kSameEvent = 0.25f;
// "about" and "nearly" tolerate this relative error.
constexpr double kHedgeSlack = 0.15;

struct Mention {
  uint32_t article;
  int sentence;  // alignment index, or -1
  Quantity quantity;
};

// One statement of a value, merged across the articles that state it.
struct Entry {
  BriefNumber number;
  std::vector<int> sentences;
  std::set<std::string> origins;
};

struct Interval {
  double low, high;
};

Interval IntervalOf(const BriefNumber& n) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  double v = n.value;
  if (n.min && n.max) return {*n.min, *n.max};
  if (n.hedge == "about") return {v * (1 - kHedgeSlack), v * (1 + kHedgeSlack)};
  if (n.hedge == "more than" || n.hedge == "at least") return {v, kInf};
  if (n.hedge == "less than" || n.hedge == "up to") return {0, v};
  if (n.hedge == "nearly") return {v * (1 - kHedgeSlack), v};
  return {v, v};
}

bool Disjoint(const BriefNumber& a, const BriefNumber& b) {
  Interval x = IntervalOf(a), y = IntervalOf(b);
  return x.high < y.low || y.high < x.low;
}

// The key numbers are aligned by: the stem of the counted noun's head.
std::string KeyOf(const Quantity& q, Stemmer* stemmer) {
  const std::string& counted = q.Counted();
  size_t space = counted.rfind(' ');
  std::string head = space == std::string::npos ? counted : counted.substr(space + 1);
  return stemmer->Stem(head);
}

bool SameStatement(const BriefNumber& a, const Quantity& q) {
  bool same_range = (a.min.has_value() == q.range) && (!q.range || (*a.min == q.min && *a.max == q.max));
  return a.value == q.value && a.hedge == HedgeName(q.hedge) && same_range;
}

BriefNumber NumberOf(const Quantity& q, std::string_view text) {
  BriefNumber n;
  n.value = q.value;
  if (q.range) n.min = q.min, n.max = q.max;
  n.hedge = std::string(HedgeName(q.hedge));
  n.unit = q.Counted();
  n.text = std::string(q.span.In(text));
  return n;
}

std::map<std::string, std::vector<Entry>> Collect(const AlignedStory& v) {
  Stemmer stemmer;
  std::map<std::string, std::vector<Entry>> by_key;
  for (uint32_t a = 0; a < v.members().size(); ++a) {
    const std::string& text = v.article(a).text;
    for (const Quantity& q : NumberExtractor::Extract(text, v.Lexed(a), v.Dates(a))) {
      if (q.Counted().empty()) continue;
      std::vector<Entry>& entries = by_key[KeyOf(q, &stemmer)];
      auto it = std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return SameStatement(e.number, q); });
      if (it == entries.end()) it = entries.insert(entries.end(), Entry{NumberOf(q, text), {}, {}});
      if (std::find(it->number.sources.begin(), it->number.sources.end(), v.article(a).id) == it->number.sources.end()) {
        it->number.sources.push_back(v.article(a).id);
      }
      it->sentences.push_back(v.SentenceAt(a, q.span.begin));
      it->origins.insert(v.Origin(a));
    }
  }
  return by_key;
}

bool SameEvent(const AlignedStory& v, const Entry& a, const Entry& b) {
  for (int x : a.sentences) {
    for (int y : b.sentences) {
      if (x >= 0 && y >= 0 && v.Similarity(x, y) >= kSameEvent) return true;
    }
  }
  return false;
}

bool DifferentOrigins(const Entry& a, const Entry& b) {
  for (const auto& o : a.origins) {
    if (!b.origins.count(o)) return true;
  }
  return a.origins != b.origins;
}

void FindConflicts(const AlignedStory& v, const std::string& key, const std::vector<Entry>& entries,
                   std::vector<Conflict>* conflicts) {
  std::set<size_t> involved;
  for (size_t i = 0; i < entries.size(); ++i) {
    for (size_t j = i + 1; j < entries.size(); ++j) {
      const Entry& a = entries[i];
      const Entry& b = entries[j];
      if (Disjoint(a.number, b.number) && DifferentOrigins(a, b) && SameEvent(v, a, b)) {
        involved.insert(i);
        involved.insert(j);
      }
    }
  }
  if (involved.empty()) return;
  Conflict c;
  c.about = entries[*involved.begin()].number.unit.empty() ? key : entries[*involved.begin()].number.unit;
  for (size_t i : involved) c.values.push_back({entries[i].number.value, entries[i].number.text, entries[i].number.sources});
  conflicts->push_back(std::move(c));
}

}  // namespace

void NumberTable::Build(const AlignedStory& v, std::vector<BriefNumber>* numbers, std::vector<Conflict>* conflicts) {
  for (const auto& [key, entries] : Collect(v)) {
    for (const Entry& e : entries) numbers->push_back(e.number);
    FindConflicts(v, key, entries, conflicts);
  }
  std::stable_sort(numbers->begin(), numbers->end(),
                   [](const BriefNumber& a, const BriefNumber& b) { return a.sources.size() > b.sources.size(); });
  if (numbers->size() > kMaxNumbers) numbers->resize(kMaxNumbers);
}

}  // namespace storyfuse
