#include "brief/number_table.h"

#include <algorithm>
#include <map>
#include <set>

#include "analyze/number_aligner.h"
#include "analyze/number_extractor.h"

namespace storyfuse {
namespace {

constexpr size_t kMaxNumbers = 25;
// Sentences at least this similar report the same event, so their numbers
// for the same thing must agree.
constexpr float kSameEvent = 0.25f;

// One statement of a value, merged across the articles that state it.
struct Entry {
  BriefNumber number;
  Quantity quantity;  // as first stated
  uint32_t article;   // where it was first stated
  std::vector<int> sentences;
  std::set<std::string> origins;
};

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

// Statements bucketed by what they count (NumberAligner::CountedKey).
std::map<std::string, std::vector<Entry>> Collect(const AlignedStory& v, NumberAligner* aligner) {
  std::map<std::string, std::vector<Entry>> by_key;
  for (uint32_t a = 0; a < v.members().size(); ++a) {
    const std::string& text = v.article(a).text;
    for (const Quantity& q : NumberExtractor::Extract(text, v.Lexed(a), v.Dates(a))) {
      if (q.Counted().empty()) continue;
      std::string key = aligner->CountedKey(q);
      if (key.empty()) continue;
      std::vector<Entry>& entries = by_key[key];
      auto it = std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return SameStatement(e.number, q); });
      if (it == entries.end()) it = entries.insert(entries.end(), Entry{NumberOf(q, text), q, a, {}, {}});
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

// Two statements conflict when NumberAligner says they count the same
// thing with values that cannot both hold, they come from different
// origins, and their sentences report the same event.
bool Conflicting(const AlignedStory& v, const Entry& a, const Entry& b, NumberAligner* aligner) {
  if (!NumberAligner::ValuesConflict(a.quantity, b.quantity) || !DifferentOrigins(a, b)) return false;
  if (!SameEvent(v, a, b)) return false;
  return aligner->SameThing(a.quantity, v.article(a.article).text, b.quantity, v.article(b.article).text);
}

void FindConflicts(const AlignedStory& v, const std::vector<Entry>& entries, NumberAligner* aligner,
                   std::vector<Conflict>* conflicts) {
  std::set<size_t> involved;
  for (size_t i = 0; i < entries.size(); ++i) {
    for (size_t j = i + 1; j < entries.size(); ++j) {
      if (Conflicting(v, entries[i], entries[j], aligner)) {
        involved.insert(i);
        involved.insert(j);
      }
    }
  }
  if (involved.empty()) return;
  Conflict c;
  c.about = entries[*involved.begin()].number.unit;
  for (size_t i : involved) c.values.push_back({entries[i].number.value, entries[i].number.text, entries[i].number.sources});
  conflicts->push_back(std::move(c));
}

}  // namespace

void NumberTable::Build(const AlignedStory& v, std::vector<BriefNumber>* numbers, std::vector<Conflict>* conflicts) {
  NumberAligner aligner;
  for (const auto& [key, entries] : Collect(v, &aligner)) {
    for (const Entry& e : entries) numbers->push_back(e.number);
    FindConflicts(v, entries, &aligner, conflicts);
  }
  std::stable_sort(numbers->begin(), numbers->end(),
                   [](const BriefNumber& a, const BriefNumber& b) { return a.sources.size() > b.sources.size(); });
  if (numbers->size() > kMaxNumbers) numbers->resize(kMaxNumbers);
}

}  // namespace storyfuse
