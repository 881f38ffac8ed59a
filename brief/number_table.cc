#include "brief/number_table.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <numeric>
#include <optional>
#include <string>
#include <unordered_map>

#include "analyze/figure_classifier.h"
#include "analyze/number_aligner.h"
#include "analyze/number_extractor.h"

namespace storyfuse {
namespace {

// How much a kind of figure matters to a reader of the brief: people
// affected first, then money, then shares and counts of things; measures
// (distances, speeds, durations) describe rather than tell.
float KindWeight(FigureKind kind) {
  switch (kind) {
    case FigureKind::kPeople:
      return 3;
    case FigureKind::kMoney:
      return 2;
    case FigureKind::kShare:
    case FigureKind::kCount:
      return 1.5f;
    case FigureKind::kMeasure:
      return 0.6f;
    case FigureKind::kBare:
      return 0.5f;
  }
  return 0.5f;
}
// A vague plural ("dozens of people") says less than a figure.
constexpr float kVagueWeight = 0.5f;

// Every quantity of the story with what it is compared by.
struct Collected {
  std::vector<NumberMention> mentions;
};

// One value stated in one sense, merged across the articles stating it.
struct Entry {
  BriefNumber number;
  std::vector<size_t> members;  // mentions cited, the shown one first
  std::set<std::string> origins;
  float score = 0;
};

bool SameStatement(const BriefNumber& a, const Quantity& q) {
  bool same_range = (a.min.has_value() == q.range) && (!q.range || (*a.min == q.min && *a.max == q.max));
  return a.value == q.value && a.hedge == HedgeName(q.hedge) && same_range;
}

Collected Collect(const AlignedStory& v, NumberAligner* aligner) {
  Collected c;
  for (uint32_t a = 0; a < v.members().size(); ++a) {
    const std::string& text = v.article(a).text;
    for (Quantity& q : NumberExtractor::Extract(v.View(a), v.Dates(a))) {
      NumberMention m;
      m.article = a;
      m.figure = FigureClassifier::Classify(q, text, v.Lexed(a));
      m.sentence = v.SentenceAt(a, q.span.begin);
      m.sentence_span = m.sentence >= 0 ? v.alignment().sentences[m.sentence].span : q.sentence;
      // The aligner's (ICU) sentence bounds the clause: the lexer's can run
      // on past a quotation opened by backquotes ("season. ``We want").
      q.sentence = m.sentence_span;
      q.clause = Span{std::max(q.clause.begin, q.sentence.begin), std::min(q.clause.end, q.sentence.end)};
      if (q.clause.begin >= q.clause.end) q.clause = q.span;
      m.context = aligner->Context(q, text, v.Lexed(a));
      if (m.context.key.empty() && m.figure.development.empty()) continue;  // a bare "two"
      // Counts of people are told apart by what happened to them.
      if (!m.figure.development.empty()) m.context.key += "#" + std::string(m.figure.development);
      m.quantity = std::move(q);
      c.mentions.push_back(std::move(m));
    }
  }
  return c;
}

// The claim a number makes: the clause stating it (the figure and what it
// counts, in context), read once per mention for CitationSupport.
class NumberClaims {
 public:
  NumberClaims(const AlignedStory& v, const Collected& c) : v_(v), c_(c), claims_(c.mentions.size()) {}

  const MatchSentence& Of(size_t i) {
    if (!claims_[i]) {
      const NumberMention& m = c_.mentions[i];
      claims_[i] = v_.ReadClaim(m.quantity.clause.In(v_.article(m.article).text));
    }
    return *claims_[i];
  }

 private:
  const AlignedStory& v_;
  const Collected& c_;
  std::vector<std::optional<MatchSentence>> claims_;
};

// How strongly mention j's sentence states what mention i's clause does,
// given equal values: 0 when they count different things (another key, a
// part against a whole, a record against an ordinary count, different
// owners), else CitationSupport's score of j's sentence for i's clause
// (directional: j's sentence may say more; a figure, name, day or
// negation of the clause it lacks, or a word of opposite sense, is no
// support), 0 below the matcher's operating point.
float Support(const AlignedStory& v, const Collected& c, NumberClaims* claims, size_t i, size_t j) {
  const NumberMention& a = c.mentions[i];
  const NumberMention& b = c.mentions[j];
  if (a.article == b.article && a.sentence == b.sentence) return 1;
  const QuantityContext& ca = a.context;
  const QuantityContext& cb = b.context;
  if (ca.key != cb.key || a.quantity.part != b.quantity.part || NumberAligner::DifferentNames(ca, cb)) return 0;
  if (NumberAligner::Superlative(ca) != NumberAligner::Superlative(cb)) return 0;
  if (b.sentence < 0) return 0;
  const CitationSupport& support = v.citation_support();
  const MatchSentence& claim = claims->Of(i);
  const MatchSentence& span = v.ForMatcher(b.sentence);
  ClaimCoverage coverage = StatementFeatures::Covers(claim, span);
  // A figure's day is its time, which the conflict rule compares (two
  // different days are never one statement); a span that names no day
  // still states the figure. One that names another day does not.
  if (coverage.missing_calendar && span.weekdays.empty() && span.months.empty()) coverage.missing_calendar = false;
  // Negation bears on the clause it is in: "pledged more than $2 billion
  // but not where it goes" negates the where, not the figure. Compared
  // clause to clause.
  coverage.negation_differs = (claim.negations > 0) != (claims->Of(j).negations > 0);
  float s = support.Score(coverage, claim, span);
  return support.Supports(s) ? s : 0;
}

BriefNumber NumberOf(const AlignedStory& v, const NumberMention& m) {
  const Quantity& q = m.quantity;
  BriefNumber n;
  n.value = q.value;
  if (q.range) n.min = q.min, n.max = q.max;
  n.hedge = std::string(HedgeName(q.hedge));
  n.unit = q.Counted().empty() ? m.figure.group : q.Counted();
  n.text = std::string(q.span.In(v.article(m.article).text));
  return n;
}

void Cite(const AlignedStory& v, const NumberMention& m, float support, size_t index, Entry* e) {
  SourceSpan span = v.ToSourceSpan(m.article, m.sentence_span);
  span.support = support;
  e->number.sources.push_back(v.article(m.article).id);
  e->number.spans.push_back(span);
  e->members.push_back(index);
  e->origins.insert(v.Origin(m.article));
  e->number.independent_sources = static_cast<int>(e->origins.size());
}

// Entries bucketed by key, in the order first stated.
std::map<std::string, std::vector<Entry>> Merge(const AlignedStory& v, const Collected& c) {
  std::map<std::string, std::vector<Entry>> by_key;
  NumberClaims claims(v, c);
  for (size_t i = 0; i < c.mentions.size(); ++i) {
    const NumberMention& m = c.mentions[i];
    std::vector<Entry>& entries = by_key[c.mentions[i].context.key];
    const std::string& id = v.article(m.article).id;
    Entry* home = nullptr;
    float support = 0;
    bool restated = false;  // the article gave this value already
    for (Entry& e : entries) {
      if (!SameStatement(e.number, m.quantity)) continue;
      auto& sources = e.number.sources;
      restated = restated || std::find(sources.begin(), sources.end(), id) != sources.end();
      float s = Support(v, c, &claims, e.members.front(), i);
      if (s > 0 && s > support) home = &e, support = s;
    }
    if (home == nullptr && restated) continue;  // one article's figure is one number
    if (home == nullptr) {
      entries.emplace_back();
      entries.back().number = NumberOf(v, m);
      Cite(v, m, 1, i, &entries.back());
      continue;
    }
    if (std::find(home->number.sources.begin(), home->number.sources.end(), id) == home->number.sources.end()) {
      Cite(v, m, support, i, home);
    }
  }
  return by_key;
}

float Score(const AlignedStory& v, const Collected& c, const Entry& e) {
  const NumberMention& shown = c.mentions[e.members.front()];
  float position = 1;
  for (size_t i : e.members) {
    int s = c.mentions[i].sentence;
    if (s >= 0) position = std::min(position, v.RelativePosition(s));
  }
  float weight = KindWeight(shown.figure.kind) * (shown.quantity.vague ? kVagueWeight : 1);
  return weight * (1 + std::log2(static_cast<float>(e.origins.size()))) / (1 + 2 * position);
}

// ---- conflicts ----

class ConflictFinder {
 public:
  ConflictFinder(const AlignedStory& v, const Collected& c, const std::vector<Entry>& entries)
      : v_(v), c_(c), entries_(entries) {
    if (entries.empty()) return;
    const std::string& key = c.mentions[entries.front().members.front()].context.key;
    for (size_t i = 0; i < c.mentions.size(); ++i) {
      if (c.mentions[i].context.key == key) bucket_.push_back(i);
    }
    // The pair loops below ask, for every pair of entries, how each
    // mention of the key relates to both: ranges and answers are computed
    // once per mention and entry, not once per pair (a story of hundreds
    // of articles has thousands of each; Find was its brief's costliest
    // step, docs/scale.md).
    for (const Entry& e : entries) shown_allowed_.push_back(NumberAligner::Allowed(Shown(e)));
    for (size_t i : bucket_) bucket_allowed_.push_back(NumberAligner::Allowed(c.mentions[i].quantity));
    for (size_t e = 0; e < entries.size(); ++e) {
      for (size_t i : entries[e].members) entry_of_[i] = e;
    }
    if (bucket_.size() * entries.size() <= kMaxMemo) memo_.assign(bucket_.size() * entries.size(), kUnknown);
  }

  void Find(std::vector<Conflict>* out) {
    size_t n = entries_.size();
    std::vector<size_t> parent(n);
    std::iota(parent.begin(), parent.end(), 0);
    auto root = [&](size_t x) {
      while (parent[x] != x) x = parent[x] = parent[parent[x]];
      return x;
    };
    std::vector<bool> conflicting(n, false);
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = i + 1; j < n; ++j) {
        if (!Conflicting(i, j)) continue;
        conflicting[i] = conflicting[j] = true;
        parent[root(i)] = root(j);
      }
    }
    // Values of the same quantity agreeing with one side join its conflict.
    for (size_t i = 0; i < n; ++i) {
      if (conflicting[i]) continue;
      for (size_t j = 0; j < n; ++j) {
        if (conflicting[j] && SameQuantity(i, j)) {
          parent[root(i)] = root(j);
          conflicting[i] = true;
          break;
        }
      }
    }
    std::map<size_t, std::vector<size_t>> groups;
    for (size_t i = 0; i < n; ++i) {
      if (conflicting[i]) groups[root(i)].push_back(i);
    }
    for (auto& [r, members] : groups) {
      std::sort(members.begin(), members.end(),
                [&](size_t a, size_t b) { return entries_[a].number.value < entries_[b].number.value; });
      Conflict conflict;
      conflict.about = entries_[members.front()].number.unit;
      for (size_t i : members) {
        const BriefNumber& num = entries_[i].number;
        conflict.values.push_back({num.value, num.text, num.sources, num.spans});
      }
      out->push_back(std::move(conflict));
    }
  }

 private:
  // Memo cells: a mention's answer for an entry, not yet asked.
  static constexpr uint8_t kUnknown = 0xff;
  // At most this many cells (bytes) per key; above it, answers are
  // computed each time they are asked.
  static constexpr size_t kMaxMemo = size_t{32} << 20;
  static constexpr size_t kNoEntry = static_cast<size_t>(-1);

  const Quantity& Shown(const Entry& e) const { return c_.mentions[e.members.front()].quantity; }
  const Quantity& Shown(size_t e) const { return Shown(entries_[e]); }

  bool Conflicting(size_t a, size_t b) const {
    return Shown(a).unit == Shown(b).unit && NumberAligner::Disjoint(shown_allowed_[a], shown_allowed_[b]) &&
           SameQuantity(a, b);
  }

  // Everything a conflict needs but disjoint values. The scan of the whole
  // bucket (StatedTogether) comes last: most pairs fail the cheaper tests.
  bool SameQuantity(size_t a, size_t b) const {
    const NumberMention& ma = c_.mentions[entries_[a].members.front()];
    const NumberMention& mb = c_.mentions[entries_[b].members.front()];
    if (!ma.figure.development.empty() || !mb.figure.development.empty()) return false;  // tracked
    if (!NumberAligner::Commensurate(ma.quantity, mb.quantity)) return false;
    bool same = false;
    for (size_t i : entries_[a].members) {
      for (size_t j : entries_[b].members) {
        if (SameStatementAndTime(i, j)) {
          same = true;
          break;
        }
      }
      if (same) break;
    }
    return same && !StatedTogether(a, b);
  }

  // Whether one article states, as two different statements, a value of
  // entry a's quantity agreeing with a and not b and one of b's agreeing
  // with b and not a: then it holds them to be different things or times
  // ("weakened from 180 mph to 80 mph"), and the articles giving one of
  // them each do not disagree.
  bool StatedTogether(size_t a, size_t b) const {
    std::map<uint32_t, std::pair<bool, bool>> by_article;  // agrees with a, with b
    for (size_t k = 0; k < bucket_.size(); ++k) {
      bool to_a = Agrees(k, a, b), to_b = Agrees(k, b, a);
      if (!to_a && !to_b) continue;
      auto& [agree_a, agree_b] = by_article[c_.mentions[bucket_[k]].article];
      agree_a = agree_a || to_a;
      agree_b = agree_b || to_b;
    }
    for (const auto& [article, agree] : by_article) {
      if (agree.first && agree.second) return true;
    }
    return false;
  }

  // Whether the bucket's k-th mention states entry e's quantity with a
  // value agreeing with e's and not with entry other's: it is one of e's,
  // or the same thing.
  bool Agrees(size_t k, size_t e, size_t other) const {
    size_t i = bucket_[k];
    if (auto it = entry_of_.find(i); it != entry_of_.end() && it->second == e) return true;
    // Every bucket mention is of the entries' key (Merge groups by it).
    return ValueAgrees(k, e) && !ValueAgrees(k, other) && SameThingAs(k, e);
  }

  // Whether the k-th mention's value agrees with entry e's shown one.
  bool ValueAgrees(size_t k, size_t e) const {
    return c_.mentions[bucket_[k]].quantity.unit == Shown(e).unit &&
           !NumberAligner::Disjoint(bucket_allowed_[k], shown_allowed_[e]);
  }

  // Whether the k-th mention states what entry e's shown mention does. A
  // part stated beside its whole ("64 of the 122 seats") still states the
  // quantity: compared as if in the same role. Memoized (pure).
  bool SameThingAs(size_t k, size_t e) const {
    uint8_t* cell = memo_.empty() ? nullptr : &memo_[k * entries_.size() + e];
    if (cell != nullptr && *cell != kUnknown) return *cell != 0;
    const NumberMention& m = c_.mentions[bucket_[k]];
    const NumberMention& shown = c_.mentions[entries_[e].members.front()];
    Quantity as_role = m.quantity;
    as_role.part = shown.quantity.part;
    bool same = NumberAligner::SameThing(as_role, m.context, shown.quantity, shown.context);
    if (cell != nullptr) *cell = same ? 1 : 0;
    return same;
  }

  bool SameStatementAndTime(size_t i, size_t j) const {
    const NumberMention& a = c_.mentions[i];
    const NumberMention& b = c_.mentions[j];
    if (a.article == b.article || v_.Origin(a.article) == v_.Origin(b.article)) return false;
    if (a.sentence < 0 || b.sentence < 0 || v_.Similarity(a.sentence, b.sentence) < NumberTable::kSameStatement) {
      return false;
    }
    if (!NumberAligner::SameThing(a.quantity, a.context, b.quantity, b.context)) return false;
    if (a.context.irrealis || b.context.irrealis) return false;  // a plan or forecast is no fact
    std::string da = Day(a), db = Day(b);
    return da.empty() || db.empty() || da == db;
  }

  // The day a sentence names (the first, non-approximate), or "".
  std::string Day(const NumberMention& m) const {
    for (const DateMention& d : v_.Dates(m.article)) {
      if (d.span.begin < m.sentence_span.begin || d.span.end > m.sentence_span.end) continue;
      if (d.granularity == DateGranularity::kDay && !d.approximate && !d.iso.empty()) return d.iso;
    }
    return "";
  }

  const AlignedStory& v_;
  const Collected& c_;
  const std::vector<Entry>& entries_;
  std::vector<size_t> bucket_;                   // the mentions of the entries' key
  std::vector<ValueRange> shown_allowed_;        // per entry, its shown mention's values
  std::vector<ValueRange> bucket_allowed_;       // per bucket mention
  std::unordered_map<size_t, size_t> entry_of_;  // mention -> the entry citing it
  mutable std::vector<uint8_t> memo_;            // SameThingAs, bucket-major
};

}  // namespace

void NumberTable::Build(const AlignedStory& v, StoryBrief* brief, const FigureTracker::SentenceFilter& reads_alone,
                        std::set<uint32_t>* summary_groups) {
  NumberAligner aligner;
  Collected c = Collect(v, &aligner);
  std::vector<Entry> all;
  for (auto& [key, entries] : Merge(v, c)) {
    ConflictFinder(v, c, entries).Find(&brief->conflicts);
    for (Entry& e : entries) {
      e.score = Score(v, c, e);
      all.push_back(std::move(e));
    }
  }
  std::stable_sort(all.begin(), all.end(), [](const Entry& a, const Entry& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.number.sources.size() > b.number.sources.size();
  });
  for (Entry& e : all) {
    if (brief->numbers.size() < kMaxNumbers) brief->numbers.push_back(std::move(e.number));
  }
  brief->figures = FigureTracker::Track(v, c.mentions);
  if (reads_alone) {
    FigureTracker::StateHeadline(v, c.mentions, reads_alone, &brief->figures, &brief->summary, summary_groups);
  }
}

}  // namespace storyfuse
