#include "cluster/story_index.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "base/union_find.h"
#include "cluster/article_vector.h"
#include "cluster/centroid.h"
#include "cluster/feature_extractor.h"
#include "cluster/story_merge_rule.h"
#include "cluster/term_dictionary.h"

namespace storyfuse {
namespace {

constexpr uint32_t kNone = UINT32_MAX;

struct ArticleRecord {
  std::string id;
  uint32_t story = kNone;    // story it joined; follow UnionFind for merges
  uint32_t copy_of = kNone;  // article index
  uint32_t origin = kNone;   // interned string
  uint32_t outlet = kNone;   // interned string, kNone when absent
};

struct StoryRecord {
  // Its top names, strongest first, as of the last Refresh: the first
  // conflict_names and salient_names are its salient ones, and all
  // merge_names lead.
  Centroid centroid;
  std::vector<uint32_t> indexed;   // terms under which the story is in the index, sorted
  std::vector<uint32_t> articles;  // article indexes
  int32_t min_day = kNoDay, max_day = kNoDay;
};

std::string StoryName(uint32_t story) { return "s-" + std::to_string(story + 1); }

// What placing an article needs, kept for the first articles of a stream
// until the warm-up places them again.
struct Placement {
  std::string id, wire, outlet;
  ArticleFeatures features;
};

}  // namespace

struct StoryIndex::Impl {
  explicit Impl(StoryIndexOptions o) : options(o), extractor(&terms, o.lead_tokens), copies(o.dedupe) {}

  ClusterResult Add(const Article& article);
  ClusterResult Place(const Placement& p, bool count);
  ClusterResult Restart();
  double Combine(const KindCosines& c, const bool* has_kind) const;
  bool Conflicts(const ArticleVector& v, const StoryRecord& story) const;
  bool Conflicts(const StoryRecord& a, const StoryRecord& b) const;
  std::vector<uint32_t> Candidates(const TermWeights& article);
  bool TimeCompatible(int32_t day, const StoryRecord& s) const;
  bool TimeCompatible(const StoryRecord& a, const StoryRecord& b) const;
  uint32_t NewStory();
  void Join(uint32_t story, uint32_t article, const ArticleVector& v, int32_t day);
  void Refresh(StoryRecord* s);
  void Reindex(uint32_t story);
  uint32_t Merge(uint32_t a, uint32_t b);
  uint32_t Intern(const std::string& s);
  uint32_t OriginOf(const Placement& p, uint32_t copy_of);

  StoryIndexOptions options;
  TermDictionary terms;
  FeatureExtractor extractor;
  NearDuplicateIndex copies;  // doc numbers are article indexes
  UnionFind stories_uf;
  std::vector<StoryRecord> stories;
  std::vector<ArticleRecord> articles;
  std::unordered_map<std::string, uint32_t> article_by_id;
  std::vector<std::vector<uint32_t>> postings;  // term -> stories, oldest first
  std::vector<float> matched;                   // Candidates' scratch: weight per story, kept all zero between calls
  std::vector<std::string> strings;
  std::unordered_map<std::string, uint32_t> string_ids;
  size_t live_stories = 0;
  std::vector<Placement> early;  // the first articles, until the warm-up
  bool warmed = false;
};

bool StoryIndex::Impl::Conflicts(const ArticleVector& v, const StoryRecord& story) const {
  return AboutAnother(v, story.centroid, options.conflict_names);
}

bool StoryIndex::Impl::Conflicts(const StoryRecord& a, const StoryRecord& b) const {
  return LeadsDiffer(a.centroid, b.centroid, options.salient_names);
}

double StoryIndex::Impl::Combine(const KindCosines& c, const bool* has_kind) const {
  return CombineKinds(c, has_kind, KindWeights{options.name_boost, options.number_boost});
}

std::vector<uint32_t> StoryIndex::Impl::Candidates(const TermWeights& article) {
  // The article's strongest terms, looked up in the index; stories ranked
  // by the weight of the terms they matched.
  std::vector<std::pair<float, uint32_t>> top;
  for (const auto& [t, w] : article) top.emplace_back(-w, t);
  size_t q = std::min(options.query_terms, top.size());
  std::partial_sort(top.begin(), top.begin() + q, top.end());
  // Summed in a dense array indexed by story: the postings of common terms
  // are long, and sorting every hit would cost more than the scoring.
  if (matched.size() < stories.size()) matched.resize(stories.size(), 0.0f);
  std::vector<uint32_t> touched;
  for (size_t i = 0; i < q; ++i) {
    uint32_t t = top[i].second;
    if (t >= postings.size()) continue;
    // The newest stories only: a common term's list is long, and an old
    // story it names is found through the article's rarer terms.
    const std::vector<uint32_t>& list = postings[t];
    size_t from = list.size() > options.scan_postings ? list.size() - options.scan_postings : 0;
    for (size_t p = from; p < list.size(); ++p) {
      uint32_t root = stories_uf.Find(list[p]);
      if (matched[root] == 0.0f) touched.push_back(root);
      matched[root] += -top[i].first;
    }
  }
  std::vector<std::pair<float, uint32_t>> ranked;  // (-summed weight, story)
  ranked.reserve(touched.size());
  for (uint32_t s : touched) {
    ranked.emplace_back(-matched[s], s);
    matched[s] = 0.0f;
  }
  size_t c = std::min(options.max_candidates, ranked.size());
  std::nth_element(ranked.begin(), ranked.begin() + c, ranked.end());
  std::sort(ranked.begin(), ranked.begin() + c);
  std::vector<uint32_t> out;
  for (size_t i = 0; i < c; ++i) out.push_back(ranked[i].second);
  return out;
}

bool StoryIndex::Impl::TimeCompatible(int32_t day, const StoryRecord& s) const {
  if (day == kNoDay || s.min_day == kNoDay) return true;
  return day >= s.min_day - options.max_gap_days && day <= s.max_day + options.max_gap_days;
}

bool StoryIndex::Impl::TimeCompatible(const StoryRecord& a, const StoryRecord& b) const {
  return SpansTouch(a.min_day, a.max_day, b.min_day, b.max_day, options.max_gap_days);
}

uint32_t StoryIndex::Impl::NewStory() {
  uint32_t s = stories_uf.Add();
  stories.emplace_back();
  ++live_stories;
  return s;
}

void StoryIndex::Impl::Join(uint32_t story, uint32_t article, const ArticleVector& v, int32_t day) {
  StoryRecord& s = stories[story];
  s.articles.push_back(article);
  s.centroid.Add(v.unweighted);
  Refresh(&s);
  if (day != kNoDay) {
    s.min_day = s.min_day == kNoDay ? day : std::min(s.min_day, day);
    s.max_day = s.max_day == kNoDay ? day : std::max(s.max_day, day);
  }
  Reindex(story);
}

void StoryIndex::Impl::Refresh(StoryRecord* s) {
  // The top names are kept with the centroid: every candidate scoring reads them.
  s->centroid.Refresh(options.story_terms, terms, options.index_terms,
                      std::max({options.conflict_names, options.salient_names, options.merge_names}));
}

void StoryIndex::Impl::Reindex(uint32_t story) {
  StoryRecord& s = stories[story];
  for (uint32_t t : s.centroid.top_terms()) {
    auto it = std::lower_bound(s.indexed.begin(), s.indexed.end(), t);
    if (it != s.indexed.end() && *it == t) continue;
    s.indexed.insert(it, t);
    if (t >= postings.size()) postings.resize(t + 1);
    std::vector<uint32_t>& list = postings[t];
    list.push_back(story);
    // Keep the most recent stories: drop the older half when twice full.
    if (list.size() >= 2 * options.max_postings) {
      list.erase(list.begin(), list.begin() + (list.size() - options.max_postings));
    }
  }
}

uint32_t StoryIndex::Impl::Merge(uint32_t a, uint32_t b) {
  uint32_t keep = stories_uf.Union(a, b);
  uint32_t gone = keep == a ? b : a;
  StoryRecord& k = stories[keep];
  StoryRecord& g = stories[gone];
  k.centroid.Merge(g.centroid);
  Refresh(&k);
  std::vector<uint32_t> arts;
  std::merge(k.articles.begin(), k.articles.end(), g.articles.begin(), g.articles.end(), std::back_inserter(arts));
  k.articles = std::move(arts);
  if (g.min_day != kNoDay) {
    k.min_day = k.min_day == kNoDay ? g.min_day : std::min(k.min_day, g.min_day);
    k.max_day = k.max_day == kNoDay ? g.max_day : std::max(k.max_day, g.max_day);
  }
  g = StoryRecord();  // its postings now resolve to `keep` through the UnionFind
  --live_stories;
  Reindex(keep);
  return keep;
}

uint32_t StoryIndex::Impl::Intern(const std::string& s) {
  auto [it, inserted] = string_ids.try_emplace(s, static_cast<uint32_t>(strings.size()));
  if (inserted) strings.push_back(s);
  return it->second;
}

uint32_t StoryIndex::Impl::OriginOf(const Placement& p, uint32_t copy_of) {
  if (copy_of != kNone) return articles[copy_of].origin;
  if (!p.wire.empty()) return Intern(p.wire);
  if (!p.outlet.empty()) return Intern(p.outlet);
  return Intern(p.id);
}

ClusterResult StoryIndex::Impl::Add(const Article& article) {
  Placement p{article.id, article.wire, article.outlet, extractor.Extract(article)};
  if (warmed || options.warmup == 0) return Place(p, /*count=*/true);
  early.push_back(p);
  ClusterResult r = Place(early.back(), /*count=*/true);
  return early.size() < options.warmup ? r : Restart();
}

ClusterResult StoryIndex::Impl::Restart() {
  // The same vocabulary (ids and cached words stay), the frequencies of all
  // the first articles, and every decision made again in their order: the
  // same input still gives the same stories, whatever comes after.
  terms.ResetCounts();
  for (const Placement& p : early) terms.AddDocument(TermIds(p.features));
  stories.clear();
  articles.clear();
  article_by_id.clear();
  postings.clear();
  stories_uf = UnionFind();
  copies = NearDuplicateIndex(options.dedupe);
  live_stories = 0;
  ClusterResult r;
  for (const Placement& p : early) r = Place(p, /*count=*/false);
  early = std::vector<Placement>();
  warmed = true;
  r.reclustered = true;
  return r;
}

ClusterResult StoryIndex::Impl::Place(const Placement& p, bool count) {
  const ArticleFeatures& f = p.features;
  if (count) terms.AddDocument(TermIds(f));
  ArticleVector v = ArticleVector::Of(f, terms, options.conflict_names);

  uint32_t index = static_cast<uint32_t>(articles.size());
  std::optional<CopyMatch> copy = copies.FindSource(f.sketch);
  copies.Add(f.sketch);
  uint32_t copy_of = copy ? copy->doc : kNone;

  // Score candidate stories the article may join.
  std::vector<std::pair<double, uint32_t>> scored;  // (score, story)
  for (uint32_t s : Candidates(v.weighted)) {
    // Late: a follow-up weeks or months on (a trial, a repair, a second
    // rehab) joins on strong evidence only; another meeting of the same
    // ministers a month later, which shares the cast but not the details,
    // does not.
    bool in_time = TimeCompatible(f.day, stories[s]);
    if (!in_time && options.late_factor <= 0) continue;
    double score = Combine(stories[s].centroid.Cosine(v.weighted, terms), v.has_kind);
    if (!in_time) score *= options.late_factor;
    if (Conflicts(v, stories[s])) score *= options.conflict_factor;
    scored.emplace_back(score, s);
  }
  std::sort(scored.begin(), scored.end(),
            [](auto& x, auto& y) { return x.first != y.first ? x.first > y.first : x.second < y.second; });
  uint32_t story;
  if (copy_of != kNone) {
    story = stories_uf.Find(articles[copy_of].story);
  } else if (!scored.empty() && scored[0].first >= options.join_threshold) {
    story = scored[0].second;
  } else {
    story = NewStory();
  }
  Join(story, index, v, f.day);
  // Other stories this article also belongs to are one story with it.
  for (const auto& [score, other] : scored) {
    if (score < options.join_threshold) break;
    uint32_t root = stories_uf.Find(other);
    story = stories_uf.Find(story);
    if (root == story || !TimeCompatible(stories[root], stories[story])) continue;
    KindCosines c = stories[root].centroid.Cosine(stories[story].centroid, terms);
    // The cosine first: it rules out most pairs, and costs less.
    if (Combine(c, v.has_kind) >= options.merge_threshold && !Conflicts(stories[root], stories[story])) {
      story = Merge(story, root);
    }
  }

  ArticleRecord rec;
  rec.id = p.id;
  rec.story = story;
  rec.copy_of = copy_of;
  rec.origin = OriginOf(p, copy_of);
  rec.outlet = p.outlet.empty() ? kNone : Intern(p.outlet);
  articles.push_back(std::move(rec));
  article_by_id[p.id] = index;

  ClusterResult r;
  r.story_id = StoryName(stories_uf.Find(story));
  if (copy_of != kNone) r.copy_of = articles[copy_of].id;
  r.origin = strings[articles.back().origin];
  return r;
}

StoryIndex::StoryIndex(StoryIndexOptions options) : impl_(std::make_unique<Impl>(options)) {}

StoryIndex::~StoryIndex() = default;

ClusterResult StoryIndex::Add(const Article& article) { return impl_->Add(article); }

std::string StoryIndex::StoryOf(std::string_view article_id) const {
  auto it = impl_->article_by_id.find(std::string(article_id));
  if (it == impl_->article_by_id.end()) return std::string();
  const UnionFind& uf = impl_->stories_uf;
  return StoryName(uf.Find(impl_->articles[it->second].story));
}

std::vector<StoryView> StoryIndex::Stories() const {
  std::vector<StoryView> out;
  const Impl& m = *impl_;
  for (uint32_t s = 0; s < m.stories.size(); ++s) {
    if (m.stories_uf.Find(s) != s || m.stories[s].articles.empty()) continue;
    StoryView view;
    view.id = StoryName(s);
    std::vector<uint32_t> seen_outlets, seen_origins;
    for (uint32_t a : m.stories[s].articles) {
      const ArticleRecord& rec = m.articles[a];
      view.articles.push_back(rec.id);
      if (rec.outlet != kNone &&
          std::find(seen_outlets.begin(), seen_outlets.end(), rec.outlet) == seen_outlets.end()) {
        seen_outlets.push_back(rec.outlet);
        view.outlets.push_back(m.strings[rec.outlet]);
      }
      if (std::find(seen_origins.begin(), seen_origins.end(), rec.origin) == seen_origins.end()) {
        seen_origins.push_back(rec.origin);
        view.independent_sources.push_back(m.strings[rec.origin]);
      }
    }
    out.push_back(std::move(view));
  }
  return out;
}

size_t StoryIndex::article_count() const { return impl_->articles.size(); }

size_t StoryIndex::story_count() const { return impl_->live_stories; }

size_t StoryIndex::MemoryBytes() const {
  const Impl& m = *impl_;
  size_t bytes = m.copies.MemoryBytes() + m.articles.capacity() * sizeof(ArticleRecord);
  for (const Placement& p : m.early) {
    bytes += sizeof(p) + p.features.counts.capacity() * 8 + p.features.sketch.keys.capacity() * 4;
  }
  for (const StoryRecord& s : m.stories) {
    bytes += sizeof(s) + s.centroid.MemoryBytes() + (s.indexed.capacity() + s.articles.capacity()) * 4;
  }
  for (const auto& p : m.postings) bytes += sizeof(p) + p.capacity() * 4;
  return bytes;
}

}  // namespace storyfuse
