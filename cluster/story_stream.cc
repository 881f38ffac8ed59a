#include "cluster/story_stream.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "base/union_find.h"
#include "cluster/article_vector.h"
#include "cluster/centroid.h"
#include "cluster/component_linkage.h"
#include "cluster/feature_extractor.h"
#include "cluster/neighbor_graph.h"
#include "cluster/recent_postings.h"
#include "cluster/sparse_average_link.h"
#include "cluster/term_dictionary.h"

namespace storyfuse {
namespace {

constexpr uint32_t kNone = UINT32_MAX;

// What a final story's centroid keeps and is found by (StoryIndex's
// bounds: see StoryIndexOptions).
constexpr size_t kStoryTerms = 200;
constexpr size_t kStoryIndexTerms = 24;
constexpr size_t kStoryQueryTerms = 32;
constexpr size_t kStoryScan = 32;
static_assert(kStoryScan == RecentPostings::kRecent, "the story index keeps what a lookup reads");

struct Art {
  std::string id;
  uint32_t story = kNone;
  uint32_t copy_of = kNone;  // article index
  uint32_t origin = kNone;   // interned
  uint32_t outlet = kNone;   // interned; kNone when absent
  int32_t day = kNoDay;
};

// An article of the window.
struct Open {
  uint32_t article = 0;
  size_t arrival = 0;
  ArticleFeatures features;                             // counts and day; the sketch is dropped
  ArticleVector vector;                                 // as of when its links were scored
  std::vector<std::pair<uint32_t, float>> heaviest;     // its strongest terms, heaviest first (Strongest)
  std::vector<std::pair<uint32_t, float>> story_links;  // final stories it is close to
};

struct Story {
  std::vector<uint32_t> members;  // article indexes, arrival order
  Centroid final_part;            // of its final articles
  size_t final_count = 0;
  int32_t min_day = kNoDay, max_day = kNoDay;  // span of its final dated articles
  std::vector<uint32_t> indexed;               // terms under which it is in story_postings, sorted
};

std::string StoryName(uint32_t s) { return "s-" + std::to_string(s + 1); }

// Keeps the `m` first of `v` in its (total) order, sorted: what a partial
// sort gives, with less heap work when `v` is long.
void SelectFirst(std::vector<std::pair<float, uint32_t>>* v, size_t m) {
  if (m < v->size()) {
    std::nth_element(v->begin(), v->begin() + m, v->end());
    v->resize(m);
  }
  std::sort(v->begin(), v->end());
}

// Scores window articles by their vectors.
class OpenScorer : public PairScorer {
 public:
  OpenScorer(const std::vector<Open>& open, const std::vector<PackedVector>& packed, const TermDictionary& terms,
             PairScoring scoring)
      : open_(open), packed_(packed), score_(terms, scoring) {}
  void Focus(uint32_t i) override { score_.Focus(open_[i].vector); }
  double Score(uint32_t j) override { return score_.Score(packed_[j]); }

 private:
  const std::vector<Open>& open_;
  const std::vector<PackedVector>& packed_;
  FocusedPairScore score_;
};

}  // namespace

struct StoryStream::Impl {
  explicit Impl(StoryStreamOptions o)
      : options(o),
        extractor(&terms, o.batch.lead_tokens),
        copies(o.batch.dedupe),
        scorer(terms, Scoring()),
        regroup(AverageLinkOptions{o.batch.cut, o.batch.max_gap_days, o.batch.late_factor}) {}

  PairScoring Scoring() const {
    return PairScoring{KindWeights{options.batch.name_boost, options.batch.number_boost},
                       options.batch.conflict_factor};
  }

  ClusterResult Add(const Article& article);
  std::vector<StoryMove> Revise();
  // The terms an article is looked up and indexed by: the most that
  // LinkToOpen, LinkToStories and IndexOpen read, computed once.
  size_t Strongest() const {
    return std::max({options.batch.graph.query_terms, options.batch.graph.index_terms, kStoryQueryTerms});
  }
  // Both lookups score with `scorer`, which the caller has focused on
  // o.vector.
  std::vector<Edge> LinkToOpen(const Open& o);
  std::vector<std::pair<uint32_t, float>> LinkToStories(const Open& o, int32_t day);
  double StoryScore(const ArticleVector& v, int32_t day, const Story& s) const;
  // The same from the cosines `c` of v with s's centroid.
  double StoryScore(KindCosines c, const ArticleVector& v, int32_t day, const Story& s) const;
  bool Conflicts(const ArticleVector& v, const Story& s) const;
  void IndexOpen(uint32_t slot);
  void RescoreWindow();
  void Freeze();
  void FreezeArticle(const Open& o);
  void ReindexStory(uint32_t s);
  uint32_t NewStory();
  void Move(uint32_t article, uint32_t to);
  uint32_t FindStory(std::string_view id) const;
  void PinStory(uint32_t s);
  Result<std::vector<StoryMove>> MergeStories(std::string_view from, std::string_view into);
  Result<std::vector<StoryMove>> MoveArticle(std::string_view article, std::string_view to);
  uint32_t Intern(const std::string& s);

  StoryStreamOptions options;
  TermDictionary terms;
  FeatureExtractor extractor;
  NearDuplicateIndex copies;  // doc numbers are article indexes
  FocusedPairScore scorer;
  // The window's average linkage, component by component: what the
  // arrivals and departures since the last revision did not touch keeps
  // its grouping without being clustered again.
  ComponentLinkage regroup;
  std::vector<Art> arts;
  // Per article, its index in `open` while in the window, else kNone:
  // apart from Art, as the window lookup reads it for every posting it
  // scans (the recent articles' entries of this array stay in cache; the
  // 56-byte records of arts did not).
  std::vector<uint32_t> slot_of;
  std::unordered_map<std::string, uint32_t> by_id;
  std::vector<Story> stories;
  // Per story, 1 while it has articles: apart from Story, so the lookup of
  // final stories, which tests it for every posting it reads, reads a byte
  // array that stays in cache instead of a large record per story (at 1M
  // articles the stories are 175,000 records, and that test was the
  // lookup's cache misses).
  std::vector<uint8_t> alive;
  size_t live = 0;
  std::vector<Open> open;  // the window, oldest first
  // Beside `open`, slot by slot: each window article's vector as the
  // exact pair score reads it (one block, prefetched before its turn).
  std::vector<PackedVector> packed;
  std::vector<Edge> edges;  // between window articles (article indexes), each pair once
  std::vector<std::vector<std::pair<float, uint32_t>>> open_postings;  // term -> (weight, article), arrival order
  std::vector<std::pair<float, uint32_t>> long_list;                   // scratch: a list ordered heaviest first
  size_t frozen_in_postings = 0;                                       // articles there that left the window
  std::vector<uint32_t> open_terms;                                    // terms with a posting, to clear them
  // Term -> the newest kStoryScan stories indexed under it, oldest first
  // (a lookup reads no more; each term's are at an address the term
  // gives, so an arrival's are all asked for at once).
  RecentPostings story_postings;
  std::vector<float> matched;                              // scratch, all zero between uses
  std::vector<uint32_t> touched;                           // scratch of the lookups
  std::vector<std::pair<float, uint32_t>> ranked, scored;  // scratch of the lookups
  std::vector<std::string> strings;
  std::unordered_map<std::string, uint32_t> string_ids;
  int32_t newest_day = kNoDay;
  size_t since_revision = 0;
  size_t scored_at = 0;  // documents when the window's links were last all scored
  std::vector<StoryMove> pending;
  std::unordered_map<uint32_t, uint32_t> pinned;  // window article -> the story an editor left it in
};

uint32_t StoryStream::Impl::Intern(const std::string& s) {
  auto [it, inserted] = string_ids.try_emplace(s, static_cast<uint32_t>(strings.size()));
  if (inserted) strings.push_back(s);
  return it->second;
}

uint32_t StoryStream::Impl::NewStory() {
  stories.emplace_back();
  alive.push_back(1);
  ++live;
  return static_cast<uint32_t>(stories.size() - 1);
}

bool StoryStream::Impl::Conflicts(const ArticleVector& v, const Story& s) const {
  // StoryIndex's "who" gate: a name the article is about that the story
  // never mentions, and a name the story is about that the article lacks.
  bool article_side = false;
  for (uint32_t t : v.salient) article_side |= !s.final_part.Contains(t);
  if (!article_side) return false;
  const std::vector<uint32_t>& names = s.final_part.top_names();
  for (size_t i = 0; i < names.size() && i < options.batch.conflict_names; ++i) {
    if (!HasTerm(v.weighted, names[i])) return true;
  }
  return false;
}

double StoryStream::Impl::StoryScore(const ArticleVector& v, int32_t day, const Story& s) const {
  return StoryScore(s.final_part.Cosine(v.weighted, terms), v, day, s);
}

double StoryStream::Impl::StoryScore(KindCosines c, const ArticleVector& v, int32_t day, const Story& s) const {
  if (options.story_link_mean && s.final_count > 0) {
    for (int k = 0; k < kTermKinds; ++k) c.by_kind[k] *= s.final_part.norm(k) / static_cast<double>(s.final_count);
  }
  double score = CombineKinds(c, v.has_kind, KindWeights{options.batch.name_boost, options.batch.number_boost});
  bool apart = day != kNoDay && s.min_day != kNoDay &&
               (day < s.min_day - options.batch.max_gap_days || day > s.max_day + options.batch.max_gap_days);
  if (apart) score *= options.batch.late_factor;
  if (Conflicts(v, s)) score *= options.batch.conflict_factor;
  return score;
}

std::vector<Edge> StoryStream::Impl::LinkToOpen(const Open& o) {
  // The batch's neighbour search, against the window only.
  const NeighborGraphOptions& g = options.batch.graph;
  if (matched.size() < open.size()) matched.resize(open.size(), 0.0f);
  touched.clear();
  // Each list's first lines are asked for kAhead terms before it is read
  // (its header was asked for at the start of Add). Asked for all 48 at
  // once, the requests beyond what the CPU can hold in flight waited, and
  // the later lists were still misses when read.
  constexpr size_t kAhead = 6, kOpenLines = 4;
  const size_t q = std::min(o.heaviest.size(), g.query_terms);
  auto ask = [&](size_t r) {
    uint32_t t = o.heaviest[r].first;
    if (t >= open_postings.size()) return;
    const auto& list = open_postings[t];
    constexpr size_t kPerLine = 64 / sizeof(list[0]);
    for (size_t i = 0; i < kOpenLines * kPerLine && i < list.size(); i += kPerLine) __builtin_prefetch(&list[i]);
  };
  for (size_t r = 0; r < q && r < kAhead; ++r) ask(r);
  for (size_t r = 0; r < q; ++r) {
    if (r + kAhead < q) ask(r + kAhead);
    auto [t, w] = o.heaviest[r];
    if (t >= open_postings.size()) continue;
    const std::pair<float, uint32_t>* list = open_postings[t].data();
    size_t end = open_postings[t].size();
    if (end > g.scan_postings) {
      // The heaviest scan_postings, as the batch reads them: a stable sort
      // of the arrival-ordered list is the order a list kept sorted by
      // inserting each entry after those at least as heavy would have.
      // Only which entries are read depends on the order: each article's
      // sum adds its terms in the order of the arrival's terms.
      long_list.assign(list, list + end);
      std::stable_sort(long_list.begin(), long_list.end(),
                       [](const auto& x, const auto& y) { return x.first > y.first; });
      list = long_list.data();
      end = g.scan_postings;
    }
    for (size_t p = 0; p < end; ++p) {
      uint32_t slot = slot_of[list[p].second];
      if (slot == kNone) continue;  // left the window since it was indexed
      if (matched[slot] == 0.0f) touched.push_back(slot);
      matched[slot] += w * list[p].first;
    }
  }
  ranked.clear();
  for (uint32_t slot : touched) {
    ranked.emplace_back(-matched[slot], slot);
    matched[slot] = 0.0f;
  }
  SelectFirst(&ranked, std::min(g.candidates, ranked.size()));
  size_t c = ranked.size();
  scored.clear();
  if (c > 0) packed[ranked[0].second].Prefetch();
  for (size_t r = 0; r < c; ++r) {
    uint32_t slot = ranked[r].second;
    // The candidates' blocks are read from memory, not cache (a window of
    // 1,000 articles does not fit): the next one is fetched while this
    // one is scored.
    if (r + 1 < c) packed[ranked[r + 1].second].Prefetch();
    double s = scorer.Score(packed[slot]);
    if (s >= g.min_score) scored.emplace_back(static_cast<float>(-s), open[slot].article);
  }
  SelectFirst(&scored, std::min(g.neighbors, scored.size()));
  size_t k = scored.size();
  std::vector<Edge> out;
  uint32_t self = static_cast<uint32_t>(arts.size());  // the article being added
  for (size_t r = 0; r < k; ++r) out.push_back({scored[r].second, self, -scored[r].first});
  return out;
}

std::vector<std::pair<uint32_t, float>> StoryStream::Impl::LinkToStories(const Open& o, int32_t day) {
  // Final stories by the weight of the article's strongest terms they are
  // indexed under, the newest stories of each term first.
  const ArticleVector& v = o.vector;
  if (matched.size() < stories.size()) matched.resize(stories.size(), 0.0f);
  touched.clear();
  // Every term's stories copied out first, so their blocks' misses
  // overlap, then summed term by term as before.
  const size_t q = std::min(o.heaviest.size(), kStoryQueryTerms);
  uint32_t hits[kStoryQueryTerms * kStoryScan];
  size_t count[kStoryQueryTerms];
  for (size_t r = 0, at = 0; r < q; ++r) at += count[r] = story_postings.Copy(o.heaviest[r].first, hits + at);
  for (size_t r = 0, at = 0; r < q; at += count[r], ++r) {
    const float w = o.heaviest[r].second;
    for (size_t i = 0; i < count[r]; ++i) {
      uint32_t s = hits[at + i];
      if (!alive[s]) continue;
      if (matched[s] == 0.0f) touched.push_back(s);
      matched[s] += w;
    }
  }
  ranked.clear();
  for (uint32_t s : touched) {
    ranked.emplace_back(-matched[s], s);
    matched[s] = 0.0f;
  }
  SelectFirst(&ranked, std::min(options.story_candidates, ranked.size()));
  size_t c = ranked.size();
  // The candidates' records, then their centroids, fetched all at once
  // (each a cache miss when a million articles made 175,000 stories).
  for (size_t r = 0; r < c; ++r) __builtin_prefetch(&stories[ranked[r].second]);
  for (size_t r = 0; r < c; ++r) stories[ranked[r].second].final_part.Prefetch();
  std::vector<std::pair<uint32_t, float>> out;
  for (size_t r = 0; r < c; ++r) {
    uint32_t s = ranked[r].second;
    const Story& story = stories[s];
    double score = StoryScore(scorer.CentroidCosine(story.final_part), v, day, story);
    if (score >= options.batch.graph.min_score) out.emplace_back(s, static_cast<float>(score));
  }
  return out;
}

void StoryStream::Impl::IndexOpen(uint32_t slot) {
  const Open& o = open[slot];
  for (size_t r = 0; r < o.heaviest.size() && r < options.batch.graph.index_terms; ++r) {
    auto [t, w] = o.heaviest[r];
    if (t >= open_postings.size()) open_postings.resize(t + 1);
    if (open_postings[t].empty()) open_terms.push_back(t);
    // Appended in arrival order; LinkToOpen orders a list only when it is
    // too long to read whole (kept sorted, each insertion moved half a
    // list: 4 % of the stream's CPU at a million articles).
    open_postings[t].emplace_back(w, o.article);
  }
}

ClusterResult StoryStream::Impl::Add(const Article& article) {
  uint32_t a = static_cast<uint32_t>(arts.size());
  Open o;
  o.article = a;
  o.arrival = a;
  o.features = extractor.Extract(article);
  terms.AddDocument(TermIds(o.features));
  o.vector = ArticleVector::Of(o.features, terms, options.batch.conflict_names);
  HeaviestTerms(o.vector.weighted, Strongest(), &o.heaviest);
  // The index entries the lookups below will read, asked for all at once
  // before the copy search, which needs none of them and so runs while
  // they arrive: the window's list headers (its lists' entries need the
  // headers' addresses, so they are asked for in LinkToOpen) and the
  // final stories' blocks (asked for just before their lookup, these were
  // still its misses at 100k articles).
  for (size_t r = 0; r < o.heaviest.size() && r < options.batch.graph.query_terms; ++r) {
    if (o.heaviest[r].first < open_postings.size()) __builtin_prefetch(&open_postings[o.heaviest[r].first]);
  }
  for (size_t r = 0; r < o.heaviest.size() && r < kStoryQueryTerms; ++r) story_postings.Prefetch(o.heaviest[r].first);
  std::optional<CopyMatch> copy = copies.FindSource(o.features.sketch);
  copies.Add(o.features.sketch);
  o.features.sketch = ShingleSketch();

  Art rec;
  rec.id = article.id;
  rec.day = o.features.day;
  if (rec.day != kNoDay) newest_day = newest_day == kNoDay ? rec.day : std::max(newest_day, rec.day);
  rec.outlet = article.outlet.empty() ? kNone : Intern(article.outlet);
  if (copy) {
    rec.copy_of = copy->doc;
    rec.origin = arts[copy->doc].origin;
  } else {
    rec.origin = Intern(!article.wire.empty() ? article.wire : !article.outlet.empty() ? article.outlet : article.id);
  }

  scorer.Focus(o.vector);
  std::vector<Edge> links = LinkToOpen(o);
  o.story_links = LinkToStories(o, rec.day);
  // The story for now: what it copies, else its closest window article's
  // story when they are close enough to be grouped, else the closest final
  // story it is linked to, else a story of its own.
  uint32_t story = kNone;
  if (rec.copy_of != kNone) {
    story = arts[rec.copy_of].story;
  } else {
    float best = 0;
    for (const Edge& e : links) {
      if (e.score >= options.batch.cut && e.score > best) best = e.score, story = arts[e.a].story;
    }
    for (const auto& [s, score] : o.story_links) {
      if (story == kNone && score >= options.story_link && score > best) best = score, story = s;
    }
  }
  if (story == kNone) story = NewStory();
  rec.story = story;
  stories[story].members.push_back(a);
  slot_of.push_back(static_cast<uint32_t>(open.size()));
  arts.push_back(std::move(rec));
  by_id[article.id] = a;
  packed.emplace_back(o.vector, terms);
  open.push_back(std::move(o));
  IndexOpen(slot_of[a]);
  edges.insert(edges.end(), links.begin(), links.end());

  if (options.revise_every > 0 && ++since_revision >= options.revise_every) Revise();
  ClusterResult r;
  r.story_id = StoryName(arts[a].story);
  if (arts[a].copy_of != kNone) r.copy_of = arts[arts[a].copy_of].id;
  r.origin = strings[arts[a].origin];
  return r;
}

void StoryStream::Impl::RescoreWindow() {
  // Links scored when the stream held a handful of articles weigh common
  // words like rare ones: score the whole window again, with the document
  // frequencies of now, as the batch would.
  for (size_t slot = 0; slot < open.size(); ++slot) {
    Open& o = open[slot];
    o.vector = ArticleVector::Of(o.features, terms, options.batch.conflict_names);
    HeaviestTerms(o.vector.weighted, Strongest(), &o.heaviest);
    packed[slot] = PackedVector(o.vector, terms);
  }
  std::vector<const TermWeights*> weighted;
  for (const Open& o : open) weighted.push_back(&o.vector.weighted);
  OpenScorer open_scorer(open, packed, terms, Scoring());
  edges = BuildNeighborGraph(weighted, &open_scorer, options.batch.graph);
  for (Edge& e : edges) e.a = open[e.a].article, e.b = open[e.b].article;
  for (Open& o : open) {
    scorer.Focus(o.vector);
    o.story_links = LinkToStories(o, arts[o.article].day);
  }
  scored_at = terms.documents();
}

std::vector<StoryMove> StoryStream::Impl::Revise() {
  since_revision = 0;
  if (open.empty()) return {};
  if (terms.documents() >= 2 * scored_at) RescoreWindow();
  const uint32_t m = static_cast<uint32_t>(open.size());
  // Items: the window's articles, then one node per final story they are
  // close to, belong to, or copy from.
  std::map<uint32_t, uint32_t> node_of;  // story -> item
  auto node = [&](uint32_t s) {
    auto [it, fresh] = node_of.try_emplace(s, m + static_cast<uint32_t>(node_of.size()));
    return it->second;
  };
  std::vector<Edge> links;
  for (const Edge& e : edges) links.push_back({slot_of[e.a], slot_of[e.b], e.score});
  for (uint32_t i = 0; i < m; ++i) {
    const Open& o = open[i];
    const Art& art = arts[o.article];
    bool current = false;
    for (const auto& [s, score] : o.story_links) {
      if (!alive[s] || stories[s].final_count == 0 || score < options.story_link) continue;
      links.push_back({i, node(s), static_cast<float>(score * options.story_link_weight)});
      current |= s == art.story;
    }
    // Its own story, if final articles anchor it, scored now.
    const Story& own = stories[art.story];
    if (!current && own.final_count > 0) {
      links.push_back(
          {i, node(art.story), static_cast<float>(StoryScore(o.vector, art.day, own) * options.story_link_weight)});
    }
  }
  // Copies start with what they copy (a final article's copy, with its story).
  UnionFind groups;
  for (uint32_t i = 0; i < m; ++i) groups.Add();
  for (uint32_t i = 0; i < m; ++i) {
    const Art& art = arts[open[i].article];
    if (art.copy_of == kNone || pinned.count(open[i].article)) continue;  // a pin outranks the copy link
    const Art& source = arts[art.copy_of];
    if (slot_of[art.copy_of] != kNone) {
      groups.Union(i, slot_of[art.copy_of]);
    } else {
      uint32_t n = node(source.story);
      while (groups.size() <= n) groups.Add();
      groups.Union(i, n);
    }
  }
  // Pinned articles start with the node of their story, whose anchor then
  // keeps them from the pinned articles of any other story.
  for (uint32_t i = 0; i < m; ++i) {
    auto pin = pinned.find(open[i].article);
    if (pin == pinned.end()) continue;
    uint32_t p = node(pin->second);
    while (groups.size() <= p) groups.Add();
    groups.Union(i, p);
  }
  const uint32_t n = m + static_cast<uint32_t>(node_of.size());
  while (groups.size() < n) groups.Add();
  std::vector<uint32_t> initial(n), anchors(n, kNoAnchor);
  std::vector<int32_t> days(n, kUndated);
  for (uint32_t i = 0; i < n; ++i) initial[i] = groups.Find(i);
  for (uint32_t i = 0; i < m; ++i) {
    if (arts[open[i].article].day != kNoDay) days[i] = arts[open[i].article].day;
  }
  for (const auto& [s, item] : node_of) {
    anchors[item] = s;
    if (stories[s].max_day != kNoDay) days[item] = stories[s].max_day;
  }
  // Items are named across revisions by article, and final stories by
  // story (the same story's node may get another item number).
  std::vector<uint64_t> keys(n);
  for (uint32_t i = 0; i < m; ++i) keys[i] = open[i].article;
  for (const auto& [s, item] : node_of) keys[item] = uint64_t{1} << 32 | s;
  // The context (as the batch applies it) is computed inside, only for
  // the links that can change a grouping.
  std::vector<uint32_t> cluster = regroup.Cluster(n, links, initial, days, anchors, keys,
                                                  options.batch.context_neighbors, options.batch.context_weight);

  // Each group's story: the final story anchoring it; else the story
  // whose window articles it holds most of (more than half); else a new one.
  std::map<uint32_t, uint32_t> story_of_group;  // group -> story
  for (const auto& [s, item] : node_of) story_of_group[cluster[item]] = s;
  std::map<uint32_t, uint32_t> open_members;               // story -> window articles
  std::map<std::pair<uint32_t, uint32_t>, uint32_t> held;  // (group, story) -> its articles there
  for (uint32_t i = 0; i < m; ++i) {
    uint32_t s = arts[open[i].article].story;
    ++open_members[s];
    ++held[{cluster[i], s}];
  }
  std::vector<std::pair<uint32_t, std::pair<uint32_t, uint32_t>>> claims;  // (count, (group, story))
  for (const auto& [key, count] : held) {
    const Story& s = stories[key.second];
    if (s.final_count == 0 && 2 * count > open_members[key.second]) claims.push_back({count, key});
  }
  std::sort(claims.begin(), claims.end(), [](const auto& x, const auto& y) {
    return x.first != y.first ? x.first > y.first : x.second.second < y.second.second;
  });
  std::map<uint32_t, bool> story_taken;
  for (const auto& [group, s] : story_of_group) story_taken[s] = true;
  for (const auto& [count, key] : claims) {
    auto [group, s] = key;
    if (story_of_group.count(group) || story_taken[s]) continue;
    story_of_group[group] = s;
    story_taken[s] = true;
  }

  // Apply, in arrival order, so new stories are numbered by first article.
  std::vector<StoryMove> moves;
  for (uint32_t i = 0; i < m; ++i) {
    uint32_t a = open[i].article;
    auto it = story_of_group.find(cluster[i]);
    uint32_t s = it != story_of_group.end() ? it->second : (story_of_group[cluster[i]] = NewStory());
    uint32_t old = arts[a].story;
    if (s == old) continue;
    moves.push_back({arts[a].id, StoryName(old), StoryName(s)});
    Move(a, s);
  }
  Freeze();
  pending.insert(pending.end(), moves.begin(), moves.end());
  return moves;
}

void StoryStream::Impl::Move(uint32_t a, uint32_t to) {
  uint32_t from = arts[a].story;
  std::vector<uint32_t>& out = stories[from].members;
  out.erase(std::lower_bound(out.begin(), out.end(), a));
  if (out.empty()) {
    alive[from] = 0;
    --live;
  }
  std::vector<uint32_t>& in = stories[to].members;
  if (in.empty() && !alive[to]) {
    alive[to] = 1;
    ++live;
  }
  in.insert(std::lower_bound(in.begin(), in.end(), a), a);
  arts[a].story = to;
}

void StoryStream::Impl::ReindexStory(uint32_t s) {
  Story& story = stories[s];
  for (uint32_t t : story.final_part.top_terms()) {
    auto it = std::lower_bound(story.indexed.begin(), story.indexed.end(), t);
    if (it != story.indexed.end() && *it == t) continue;
    story.indexed.insert(it, t);
    story_postings.Add(t, s);
  }
}

void StoryStream::Impl::FreezeArticle(const Open& o) {
  Art& art = arts[o.article];
  Story& s = stories[art.story];
  s.final_part.Add(ArticleVector::UnweightedOf(o.features, terms));
  ++s.final_count;
  if (art.day != kNoDay) {
    s.min_day = s.min_day == kNoDay ? art.day : std::min(s.min_day, art.day);
    s.max_day = s.max_day == kNoDay ? art.day : std::max(s.max_day, art.day);
  }
  slot_of[o.article] = kNone;
  pinned.erase(o.article);  // final now: nothing moves it
}

void StoryStream::Impl::Freeze() {
  size_t arrivals = arts.size();
  size_t before = open.size();
  std::vector<Open> kept;
  std::vector<PackedVector> kept_packed;
  std::vector<uint32_t> grown;  // stories that gained final articles, first gain first
  for (size_t slot = 0; slot < open.size(); ++slot) {
    Open& o = open[slot];
    const Art& art = arts[o.article];
    bool old = o.arrival + options.window < arrivals;
    bool stale = options.freeze_by_day && art.day != kNoDay && newest_day != kNoDay &&
                 art.day < newest_day - options.window_days;
    if (old || stale) {
      if (std::find(grown.begin(), grown.end(), art.story) == grown.end()) grown.push_back(art.story);
      FreezeArticle(o);
    } else {
      kept.push_back(std::move(o));
      kept_packed.push_back(std::move(packed[slot]));
    }
  }
  open = std::move(kept);
  packed = std::move(kept_packed);
  if (grown.empty()) return;
  // Each story's kept terms and index entries once per freeze, not once
  // per article: a story often has several articles leaving the window
  // together, and ranking its terms was most of freezing's cost.
  for (uint32_t s : grown) {
    stories[s].final_part.Refresh(kStoryTerms, terms, kStoryIndexTerms, options.batch.conflict_names);
    ReindexStory(s);
  }
  for (uint32_t slot = 0; slot < open.size(); ++slot) slot_of[open[slot].article] = slot;
  edges.erase(std::remove_if(edges.begin(), edges.end(),
                             [this](const Edge& e) { return slot_of[e.a] == kNone || slot_of[e.b] == kNone; }),
              edges.end());
  // Postings name articles, and a frozen one is skipped when read; they
  // are rebuilt only once they hold as many frozen articles as open ones
  // (rebuilding the window's index at every revision was a seventh of the
  // stream's instructions).
  frozen_in_postings += before - open.size();
  if (frozen_in_postings < open.size()) return;
  frozen_in_postings = 0;
  for (uint32_t t : open_terms) open_postings[t].clear();
  open_terms.clear();
  for (uint32_t slot = 0; slot < open.size(); ++slot) IndexOpen(slot);
}

uint32_t StoryStream::Impl::FindStory(std::string_view id) const {
  std::string name(id);
  if (name.size() < 3 || name.compare(0, 2, "s-") != 0) return kNone;
  uint64_t n = 0;
  for (size_t i = 2; i < name.size(); ++i) {
    if (name[i] < '0' || name[i] > '9' || n > stories.size()) return kNone;
    n = n * 10 + static_cast<uint64_t>(name[i] - '0');
  }
  if (n == 0 || n > stories.size() || !alive[n - 1] || StoryName(static_cast<uint32_t>(n - 1)) != name) return kNone;
  return static_cast<uint32_t>(n - 1);
}

void StoryStream::Impl::PinStory(uint32_t s) {
  for (uint32_t a : stories[s].members) {
    if (slot_of[a] != kNone) pinned[a] = s;
  }
}

Result<std::vector<StoryMove>> StoryStream::Impl::MergeStories(std::string_view from_id, std::string_view into_id) {
  uint32_t from = FindStory(from_id), into = FindStory(into_id);
  if (from == kNone) return Status::NotFound("no story " + std::string(from_id));
  if (into == kNone) return Status::NotFound("no story " + std::string(into_id));
  if (from == into) return Status::InvalidArgument("story " + std::string(from_id) + " merged into itself");
  Story& source = stories[from];
  Story& target = stories[into];
  // The final part moves whole: its profile, count and span.
  if (source.final_count > 0) {
    target.final_part.Merge(source.final_part);
    target.final_part.Refresh(kStoryTerms, terms, kStoryIndexTerms, options.batch.conflict_names);
    target.final_count += source.final_count;
    source.final_count = 0;
    if (source.min_day != kNoDay) {
      target.min_day = target.min_day == kNoDay ? source.min_day : std::min(target.min_day, source.min_day);
      target.max_day = target.max_day == kNoDay ? source.max_day : std::max(target.max_day, source.max_day);
    }
    ReindexStory(into);
  }
  std::vector<StoryMove> moves;
  std::vector<uint32_t> members = source.members;
  for (uint32_t a : members) {
    moves.push_back({arts[a].id, StoryName(from), StoryName(into)});
    Move(a, into);
  }
  PinStory(into);
  return moves;
}

Result<std::vector<StoryMove>> StoryStream::Impl::MoveArticle(std::string_view article_id, std::string_view to_id) {
  auto it = by_id.find(std::string(article_id));
  if (it == by_id.end()) return Status::NotFound("no article " + std::string(article_id));
  uint32_t a = it->second;
  uint32_t from = arts[a].story;
  uint32_t to = kNone;
  if (!to_id.empty()) {
    to = FindStory(to_id);
    if (to == kNone) return Status::NotFound("no story " + std::string(to_id));
    if (to == from)
      return Status::InvalidArgument("article " + std::string(article_id) + " is in " + std::string(to_id));
  } else if (stories[from].members.size() == 1) {
    return Status::InvalidArgument("article " + std::string(article_id) + " is already on its own");
  }
  // What the editor saw stays: the story it leaves keeps its other
  // articles apart from it.
  PinStory(from);
  if (to == kNone) to = NewStory();
  if (slot_of[a] == kNone) {
    // A final article: its story's profile keeps it (it scores only later
    // arrivals); the counts follow it.
    --stories[from].final_count;
    ++stories[to].final_count;
  }
  Move(a, to);
  PinStory(to);
  if (slot_of[a] == kNone) pinned.erase(a);
  return std::vector<StoryMove>{{arts[a].id, StoryName(from), StoryName(to)}};
}

StoryStream::StoryStream(StoryStreamOptions options) : impl_(std::make_unique<Impl>(options)) {}

StoryStream::~StoryStream() = default;

ClusterResult StoryStream::Add(const Article& article) { return impl_->Add(article); }

std::vector<StoryMove> StoryStream::Revise() { return impl_->Revise(); }

std::vector<StoryMove> StoryStream::TakeMoves() {
  std::vector<StoryMove> out;
  out.swap(impl_->pending);
  return out;
}

Result<std::vector<StoryMove>> StoryStream::MergeStories(std::string_view from, std::string_view into) {
  return impl_->MergeStories(from, into);
}

Result<std::vector<StoryMove>> StoryStream::MoveArticle(std::string_view article, std::string_view to) {
  return impl_->MoveArticle(article, to);
}

std::string StoryStream::StoryOf(std::string_view article_id) const {
  auto it = impl_->by_id.find(std::string(article_id));
  return it == impl_->by_id.end() ? std::string() : StoryName(impl_->arts[it->second].story);
}

std::vector<StoryView> StoryStream::Stories() const {
  const Impl& m = *impl_;
  std::vector<StoryView> out;
  for (uint32_t s = 0; s < m.stories.size(); ++s) {
    const Story& story = m.stories[s];
    if (!m.alive[s] || story.members.empty()) continue;
    StoryView view;
    view.id = StoryName(s);
    for (uint32_t a : story.members) {
      const Art& art = m.arts[a];
      view.articles.push_back(art.id);
      if (art.outlet != kNone) {
        const std::string& outlet = m.strings[art.outlet];
        if (std::find(view.outlets.begin(), view.outlets.end(), outlet) == view.outlets.end())
          view.outlets.push_back(outlet);
      }
      const std::string& origin = m.strings[art.origin];
      if (std::find(view.independent_sources.begin(), view.independent_sources.end(), origin) ==
          view.independent_sources.end()) {
        view.independent_sources.push_back(origin);
      }
    }
    out.push_back(std::move(view));
  }
  return out;
}

size_t StoryStream::article_count() const { return impl_->arts.size(); }

size_t StoryStream::open_count() const { return impl_->open.size(); }

size_t StoryStream::story_count() const { return impl_->live; }

size_t StoryStream::MemoryBytes() const {
  const Impl& m = *impl_;
  size_t bytes = m.copies.MemoryBytes() + m.arts.capacity() * sizeof(Art) + m.edges.capacity() * sizeof(Edge);
  for (const Open& o : m.open) {
    bytes += sizeof(o) + o.features.counts.capacity() * 8 +
             (o.vector.weighted.capacity() + o.vector.unweighted.capacity()) * 8;
  }
  for (const PackedVector& p : m.packed) bytes += sizeof(p) + p.MemoryBytes();
  bytes += m.slot_of.capacity() * sizeof(uint32_t);
  for (const Story& s : m.stories) {
    bytes += sizeof(s) + s.final_part.MemoryBytes() + (s.indexed.capacity() + s.members.capacity()) * 4;
  }
  bytes += m.story_postings.MemoryBytes();
  for (const auto& p : m.open_postings) bytes += sizeof(p) + p.capacity() * 8;
  return bytes;
}

}  // namespace storyfuse
