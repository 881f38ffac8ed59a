#include "brief/timeline_builder.h"

#include <algorithm>
#include <map>

#include "analyze/date_resolver.h"

namespace storyfuse {
namespace {

constexpr size_t kMaxEntries = 15;
constexpr size_t kMaxEntriesPerDate = 3;
// Two dated sentences this similar, on the same date, are one event.
constexpr float kSameEvent = 0.2f;
// Longer sentences are background paragraphs, not timeline events.
constexpr size_t kMaxSentenceBytes = 400;

struct Dated {
  std::string iso;
  std::string granularity;
  int sentence;
  std::vector<std::string> sources;
  std::vector<int> sentences;
};

bool SameEvent(const AlignedStory& v, const Dated& d, int sentence) {
  for (int s : d.sentences) {
    if (s == sentence || v.Similarity(s, sentence) >= kSameEvent) return true;
  }
  return false;
}

void AddMention(const AlignedStory& v, uint32_t article, const DateMention& m, std::vector<Dated>* out) {
  int sentence = v.SentenceAt(article, m.span.begin);
  if (sentence < 0 || m.iso.empty() || m.approximate) return;
  // A speaker's "today" or "since January" is not a dated event of the
  // story, and the reporter's date anchors it wrongly.
  if (v.InsideQuotation(article, m.span.begin)) return;
  // One entry per sentence: "calls in May and June" is listed once.
  for (const Dated& d : *out) {
    if (std::find(d.sentences.begin(), d.sentences.end(), sentence) != d.sentences.end()) return;
  }
  if (v.Text(sentence).size() > kMaxSentenceBytes) return;
  const std::string& id = v.article(article).id;
  for (Dated& d : *out) {
    if (d.iso != m.iso || !SameEvent(v, d, sentence)) continue;
    if (std::find(d.sources.begin(), d.sources.end(), id) == d.sources.end()) d.sources.push_back(id);
    d.sentences.push_back(sentence);
    return;
  }
  out->push_back({m.iso, std::string(GranularityName(m.granularity)), sentence, {id}, {sentence}});
}

}  // namespace

std::vector<TimelineEntry> TimelineBuilder::Build(const AlignedStory& v) {
  std::vector<Dated> dated;
  for (uint32_t a = 0; a < v.members().size(); ++a) {
    for (const DateMention& m : v.Dates(a)) AddMention(v, a, m, &dated);
  }
  // Most supported first within a date, then keep a few per date.
  std::stable_sort(dated.begin(), dated.end(), [](const Dated& a, const Dated& b) {
    return a.iso != b.iso ? a.iso < b.iso : a.sources.size() > b.sources.size();
  });
  std::vector<TimelineEntry> out;
  std::map<std::string, size_t> per_date;
  for (const Dated& d : dated) {
    if (per_date[d.iso]++ >= kMaxEntriesPerDate) continue;
    out.push_back({d.iso, d.granularity, std::string(v.Text(d.sentence)), d.sources});
  }
  if (out.size() > kMaxEntries) {
    // Keep the best-supported entries, still in date order.
    std::vector<size_t> order(out.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return out[a].sources.size() > out[b].sources.size(); });
    order.resize(kMaxEntries);
    std::sort(order.begin(), order.end());
    std::vector<TimelineEntry> kept;
    for (size_t i : order) kept.push_back(std::move(out[i]));
    out = std::move(kept);
  }
  return out;
}

}  // namespace storyfuse
