#include "brief/figure_tracker.h"

#include <algorithm>
#include <map>

#include "brief/summarizer.h"

namespace storyfuse {
namespace {

// Another article's sentence stating the headline value is cited for the
// headline sentence when the alignment finds it this similar: the
// aligner's own link threshold, i.e. the same statement.
constexpr float kSameStatement = 0.5f;

std::string_view Year(std::string_view iso) { return iso.size() >= 4 ? iso.substr(0, 4) : std::string_view(); }

// A sentence about another time than the report: it names a year other
// than the report's (or, in an undated story, any year written out).
bool Background(const AlignedStory& view, const NumberMention& m) {
  std::string_view report = view.article(m.article).published.iso;
  if (report.empty()) report = view.anchor();
  for (const DateMention& d : view.Dates(m.article)) {
    if (d.span.begin < m.sentence_span.begin || d.span.end > m.sentence_span.end) continue;
    if (d.iso.empty() || d.relative) continue;  // "Tuesday", "Oct. 30": the report's own days
    if (report.empty() || Year(d.iso) != Year(report)) return true;
  }
  return false;
}

// The article's publication time, else the latest day its sentence names.
std::string TimeOf(const AlignedStory& view, const NumberMention& m) {
  const std::string& published = view.article(m.article).published.iso;
  if (!published.empty()) return published;
  std::string latest;
  for (const DateMention& d : view.Dates(m.article)) {
    if (d.span.begin < m.sentence_span.begin || d.span.end > m.sentence_span.end) continue;
    if (d.granularity == DateGranularity::kDay && !d.approximate && d.iso > latest) latest = d.iso;
  }
  return latest;
}

struct Value {
  FigureValue shown;
  const NumberMention* mention;
};

// Newest first when every value has a time, else largest first (counts
// that develop grow), then newest.
void Order(std::vector<Value>* values) {
  bool all_timed = std::all_of(values->begin(), values->end(), [](const Value& v) { return !v.shown.time.empty(); });
  std::stable_sort(values->begin(), values->end(), [&](const Value& a, const Value& b) {
    if (all_timed && a.shown.time != b.shown.time) return a.shown.time > b.shown.time;
    if (a.shown.value != b.shown.value) return a.shown.value > b.shown.value;
    return a.shown.time > b.shown.time;
  });
}

int Origins(const AlignedStory& view, const std::vector<const NumberMention*>& mentions) {
  std::set<std::string> origins;
  for (const NumberMention* m : mentions) origins.insert(view.Origin(m->article));
  return static_cast<int>(origins.size());
}

// Whether the two sentences name a same name (an event's or place's name
// is in most of a story's articles, so the aligner's idf gives it no
// weight).
bool ShareName(const NumberMention& a, const NumberMention& b) {
  const std::vector<std::string>& x = a.context.sentence_names;
  const std::vector<std::string>& y = b.context.sentence_names;
  std::vector<std::string> shared;
  std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(shared));
  return !shared.empty();
}

// The mentions about the story's own event: the connected part (two
// mentions linked when their sentences are at least kRelated similar)
// that most origins report. Counts of the same development from another
// event ("40,000 were killed in the last war") fall outside it.
std::vector<const NumberMention*> MainEvent(const AlignedStory& view,
                                            const std::vector<const NumberMention*>& mentions) {
  size_t n = mentions.size();
  std::vector<int> component(n, -1);
  int components = 0;
  for (size_t start = 0; start < n; ++start) {
    if (component[start] >= 0) continue;
    std::vector<size_t> stack = {start};
    component[start] = components;
    while (!stack.empty()) {
      size_t i = stack.back();
      stack.pop_back();
      for (size_t j = 0; j < n; ++j) {
        if (component[j] >= 0) continue;
        int a = mentions[i]->sentence, b = mentions[j]->sentence;
        bool linked = mentions[i]->article == mentions[j]->article && a == b;
        if (!linked && a >= 0 && b >= 0) linked = view.Similarity(a, b) >= FigureTracker::kRelated;
        if (!linked) linked = ShareName(*mentions[i], *mentions[j]);
        if (linked) component[j] = components, stack.push_back(j);
      }
    }
    ++components;
  }
  std::vector<std::vector<const NumberMention*>> parts(components);
  for (size_t i = 0; i < n; ++i) parts[component[i]].push_back(mentions[i]);
  auto origins = [&](const std::vector<const NumberMention*>& ms) {
    std::set<std::string> o;
    for (const NumberMention* m : ms) o.insert(view.Origin(m->article));
    return o.size();
  };
  size_t best = 0;
  for (size_t c = 1; c < parts.size(); ++c) {
    if (origins(parts[c]) > origins(parts[best])) best = c;
  }
  return parts.empty() ? parts.emplace_back() : parts[best];
}

// A figure's values: each article's largest, one per value and origin.
std::vector<Value> ValuesOf(const AlignedStory& view, const std::vector<const NumberMention*>& mentions) {
  std::map<uint32_t, const NumberMention*> largest;
  for (const NumberMention* m : mentions) {
    const NumberMention*& best = largest[m->article];
    if (best == nullptr || m->quantity.value > best->quantity.value) best = m;
  }
  std::vector<Value> values;
  for (auto [article, m] : largest) {
    std::string_view text = view.article(article).text;
    FigureValue v;
    v.value = m->quantity.value;
    v.text = std::string(m->quantity.span.In(text));
    v.source = view.article(article).id;
    v.span = view.ToSourceSpan(article, m->sentence_span);
    v.time = TimeOf(view, *m);
    values.push_back({std::move(v), m});
  }
  Order(&values);
  std::set<std::pair<double, std::string>> seen;  // (value, origin)
  std::vector<Value> out;
  for (Value& v : values) {
    if (seen.insert({v.shown.value, view.Origin(v.mention->article)}).second) out.push_back(std::move(v));
  }
  return out;
}

bool InLead(const AlignedStory& view, const NumberMention& m) {
  return m.sentence >= 0 && view.alignment().sentences[m.sentence].position < FigureTracker::kLeadSentences;
}

bool Overlaps(const SourceSpan& a, const SourceSpan& b) {
  return a.article == b.article && a.start < b.end && b.start < a.end;
}

// Whether a summary sentence already states `m`'s value: it is (or
// overlaps) m's sentence, or its text holds m's quantity as written.
bool Stated(const AlignedStory& view, const NumberMention& m, const std::vector<Statement>& summary) {
  SourceSpan span = view.ToSourceSpan(m.article, m.sentence_span);
  std::string_view written = m.quantity.span.In(view.article(m.article).text);
  for (const Statement& st : summary) {
    if (st.text.find(written) != std::string::npos) return true;
    for (const SourceSpan& s : st.spans) {
      if (Overlaps(s, span)) return true;
    }
  }
  return false;
}

}  // namespace

// Mentions by what their figure is about, each kept to its main event.
std::map<std::string, std::vector<const NumberMention*>> FigureTracker::ByAbout(
    const AlignedStory& view, const std::vector<NumberMention>& mentions) {
  std::map<std::string, std::vector<const NumberMention*>> by_about;
  for (const NumberMention& m : mentions) {
    std::string about = AboutOf(view, m);
    if (!about.empty()) by_about[about].push_back(&m);
  }
  for (auto& [about, ms] : by_about) ms = MainEvent(view, ms);
  return by_about;
}

std::string FigureTracker::AboutOf(const AlignedStory& view, const NumberMention& m) {
  if (m.figure.development.empty() || m.figure.qualified || m.quantity.part || m.quantity.vague) return "";
  if (Background(view, m)) return "";
  return m.figure.group + " " + std::string(m.figure.development);
}

std::vector<TrackedFigure> FigureTracker::Track(const AlignedStory& view, const std::vector<NumberMention>& mentions) {
  std::vector<std::pair<int, TrackedFigure>> found;  // (origins, figure)
  for (const auto& [about, ms] : ByAbout(view, mentions)) {
    std::vector<Value> values = ValuesOf(view, ms);
    std::set<double> distinct;
    std::set<std::string> sources;
    for (const Value& v : values) distinct.insert(v.shown.value), sources.insert(v.shown.source);
    if (distinct.size() < 2 || sources.size() < 2) continue;  // reported, not developing
    TrackedFigure f;
    f.about = about;
    f.unit = ms.front()->quantity.unit.empty() ? ms.front()->figure.group : ms.front()->quantity.unit;
    for (Value& v : values) {
      if (f.values.size() < kMaxValues) f.values.push_back(std::move(v.shown));
    }
    found.push_back({Origins(view, ms), std::move(f)});
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<TrackedFigure> out;
  for (auto& [origins, f] : found) {
    if (out.size() < kMaxFigures) out.push_back(std::move(f));
  }
  return out;
}

void FigureTracker::StateHeadline(const AlignedStory& view, const std::vector<NumberMention>& mentions,
                                  const SentenceFilter& reads_alone, std::vector<TrackedFigure>* figures,
                                  std::vector<Statement>* summary, std::set<uint32_t>* summary_groups) {
  // The candidate: most reporting origins (Track's order), two or more,
  // and stated in some article's lead.
  std::map<std::string, std::vector<const NumberMention*>> by_about = ByAbout(view, mentions);
  TrackedFigure* headline = nullptr;
  std::vector<const NumberMention*> of_headline;
  for (TrackedFigure& f : *figures) {
    const std::vector<const NumberMention*>& ms = by_about[f.about];
    std::vector<const NumberMention*> in_lead;
    for (const NumberMention* m : ms) {
      if (InLead(view, *m)) in_lead.push_back(m);
    }
    if (Origins(view, in_lead) >= kMinHeadlineOrigins) {
      headline = &f;
      of_headline = ms;
      break;
    }
  }
  if (headline == nullptr || headline->values.empty()) return;
  double newest = headline->values.front().value;
  std::vector<const NumberMention*> stating;
  for (const NumberMention* m : of_headline) {
    if (m->quantity.value == newest) stating.push_back(m);
  }
  for (const NumberMention* m : stating) {
    if (Stated(view, *m, *summary)) {
      headline->headline = true;
      return;
    }
  }
  // The shortest sentence stating it that reads on its own.
  const NumberMention* shown = nullptr;
  int shown_words = kMaxHeadlineWords + 1;
  for (const NumberMention* m : stating) {
    if (m->sentence < 0 || view.StartsInsideQuotation(m->sentence)) continue;
    std::string_view text = view.Text(m->sentence);
    int words = Summarizer::CountWords(text);
    if (words < shown_words && reads_alone && reads_alone(text)) shown = m, shown_words = words;
  }
  if (shown == nullptr) return;
  Statement st;
  st.text = std::string(view.Text(shown->sentence));
  st.sources.push_back(view.article(shown->article).id);
  st.spans.push_back(view.ToSourceSpan(shown->article, view.alignment().sentences[shown->sentence].span));
  std::set<std::string> origins = {view.Origin(shown->article)};
  for (const NumberMention* m : stating) {
    const std::string& id = view.article(m->article).id;
    if (m->sentence < 0 || std::find(st.sources.begin(), st.sources.end(), id) != st.sources.end()) continue;
    float support = view.Similarity(shown->sentence, m->sentence);
    if (support < kSameStatement) continue;
    SourceSpan span = view.ToSourceSpan(m->article, view.alignment().sentences[m->sentence].span);
    span.support = support;
    st.sources.push_back(id);
    st.spans.push_back(span);
    origins.insert(view.Origin(m->article));
  }
  st.independent_sources = static_cast<int>(origins.size());
  summary->insert(summary->begin() + std::min<size_t>(1, summary->size()), std::move(st));
  if (summary_groups != nullptr) summary_groups->insert(view.alignment().sentences[shown->sentence].group);
  headline->headline = true;
}

}  // namespace storyfuse
