#include "brief/timeline_builder.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "analyze/date_resolver.h"

namespace storyfuse {
namespace {

constexpr size_t kMaxEntries = 15;
constexpr size_t kMaxEntriesPerDate = 3;
// Two dated sentences this similar, on the same date, are one event.
constexpr float kSameEvent = 0.2f;
// Longer sentences are background paragraphs, not timeline events.
constexpr size_t kMaxSentenceBytes = 400;
// A new dated sentence is compared with at most this many entries of its
// date, and with at most this many sentences of each: the first ones are
// the best evidence, and the bound keeps a text that repeats one date a
// million times linear.
constexpr size_t kMaxEntriesCompared = 16;
constexpr size_t kMaxSentencesCompared = 8;

struct Dated {
  std::string key;       // IsoValue: "2025-07-10", "2025-W28", "2025-07"
  std::string sort_key;  // the period's first day, so that weeks sort in time
  DateGranularity granularity;
  int sentence;
  std::vector<std::string> sources;
  std::unordered_set<std::string_view> source_set;
  std::vector<int> sentences;
};

bool SameEvent(const AlignedStory& v, const Dated& d, int sentence) {
  size_t n = std::min(d.sentences.size(), kMaxSentencesCompared);
  for (size_t k = 0; k < n; ++k) {
    int s = d.sentences[k];
    if (s == sentence || v.Similarity(s, sentence) >= kSameEvent) return true;
  }
  return false;
}

// What a timeline may be dated by: a resolved, exact date that dates the
// event its sentence reports (not a background date such as "since
// February", nor a "Published Monday" stamp).
bool DatesAnEvent(const DateMention& m) { return !m.iso.empty() && !m.approximate && m.role == DateRole::kEvent; }

class Collector {
 public:
  explicit Collector(const AlignedStory& v) : v_(v) {}

  void Add(uint32_t article, const DateMention& m) {
    if (!DatesAnEvent(m)) return;
    int sentence = v_.SentenceAt(article, m.span.begin);
    if (sentence < 0) return;
    // A speaker's "today" or "since January" is not a dated event of the
    // story, and the reporter's date anchors it wrongly.
    if (v_.InsideQuotation(article, m.span.begin)) return;
    // One entry per sentence, by its first event date: "calls in May and
    // June" is listed once.
    if (!used_.insert(sentence).second) return;
    if (v_.Text(sentence).size() > kMaxSentenceBytes) return;
    std::string key = IsoValue(m);
    const std::string& id = v_.article(article).id;
    std::vector<size_t>& same_date = by_key_[key];
    for (size_t k = 0; k < same_date.size() && k < kMaxEntriesCompared; ++k) {
      Dated& d = dated_[same_date[k]];
      if (!SameEvent(v_, d, sentence)) continue;
      if (d.source_set.insert(id).second) d.sources.push_back(id);
      d.sentences.push_back(sentence);
      return;
    }
    same_date.push_back(dated_.size());
    Dated d{key, m.iso, m.granularity, sentence, {id}, {}, {sentence}};
    d.source_set.insert(id);
    dated_.push_back(std::move(d));
  }

  std::vector<Dated> Take() { return std::move(dated_); }

 private:
  const AlignedStory& v_;
  std::vector<Dated> dated_;
  std::unordered_set<int> used_;  // sentences already dated
  std::unordered_map<std::string, std::vector<size_t>> by_key_;
};

// The first day of a period written "YYYY", "YYYY-MM" or "YYYY-MM-DD",
// as days since the epoch; nullopt when unreadable.
std::optional<int64_t> FirstDay(std::string_view iso) {
  auto field = [&](size_t at, size_t len, int fallback) {
    if (iso.size() < at + len) return fallback;
    int v = 0;
    for (size_t i = at; i < at + len; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return -1;
      v = v * 10 + (iso[i] - '0');
    }
    return v;
  };
  int y = field(0, 4, -1), m = field(5, 2, 1), d = field(8, 2, 1);
  std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                  std::chrono::day{static_cast<unsigned>(d)}};
  if (y < 0 || !ymd.ok()) return std::nullopt;
  return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

// Days between two periods' first days; unreadable ones rank last.
int64_t DaysApart(std::string_view a, std::string_view b) {
  std::optional<int64_t> x = FirstDay(a), y = FirstDay(b);
  if (!x || !y) return INT64_MAX;
  return *x > *y ? *x - *y : *y - *x;
}

}  // namespace

std::vector<TimelineEntry> TimelineBuilder::Build(const AlignedStory& v) {
  Collector collector(v);
  for (uint32_t a = 0; a < v.members().size(); ++a) {
    for (const DateMention& m : v.Dates(a)) collector.Add(a, m);
  }
  std::vector<Dated> dated = collector.Take();
  // Which entries to keep: the best supported; among equals, the more
  // precise date, then the one nearer the story's own time (a timeline of
  // a July story is about July, not the years before it).
  auto better = [&](const Dated& a, const Dated& b) {
    if (a.sources.size() != b.sources.size()) return a.sources.size() > b.sources.size();
    if (a.granularity != b.granularity) return a.granularity < b.granularity;
    return DaysApart(a.sort_key, v.anchor()) < DaysApart(b.sort_key, v.anchor());
  };
  std::vector<size_t> order(dated.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return better(dated[a], dated[b]); });
  std::unordered_map<std::string, size_t> per_date;
  std::vector<size_t> kept;
  for (size_t i : order) {
    if (kept.size() >= kMaxEntries) break;
    if (per_date[dated[i].key]++ >= kMaxEntriesPerDate) continue;
    kept.push_back(i);
  }
  // In time order; within a period, the finer date after the coarser
  // ("2025" before "2025-07" before "2025-07-10").
  std::stable_sort(kept.begin(), kept.end(), [&](size_t a, size_t b) {
    const Dated& x = dated[a];
    const Dated& y = dated[b];
    if (x.sort_key != y.sort_key) return x.sort_key < y.sort_key;
    return x.granularity > y.granularity;
  });
  std::vector<TimelineEntry> out;
  for (size_t i : kept) {
    const Dated& d = dated[i];
    out.push_back({d.key, std::string(GranularityName(d.granularity)), std::string(v.Text(d.sentence)), d.sources, {}});
  }
  return out;
}

}  // namespace storyfuse
