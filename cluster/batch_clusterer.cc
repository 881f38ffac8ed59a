#include "cluster/batch_clusterer.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "base/union_find.h"
#include "cluster/article_vector.h"
#include "cluster/feature_extractor.h"
#include "cluster/sparse_average_link.h"
#include "cluster/term_dictionary.h"

namespace storyfuse {
namespace {

constexpr uint32_t kNone = UINT32_MAX;

struct Record {
  std::string id, outlet;
  std::string origin;
  uint32_t copy_of = kNone;  // index of the earliest article this one copies
  ArticleFeatures features;
};

std::string StoryName(size_t n) { return "s-" + std::to_string(n + 1); }

}  // namespace

// The graph's pair scores: PairScore of the articles' vectors.
class VectorScorer : public PairScorer {
 public:
  VectorScorer(const std::vector<ArticleVector>& vectors, const TermDictionary& terms, PairScoring scoring)
      : vectors_(vectors), score_(terms, scoring) {}
  void Focus(uint32_t i) override { score_.Focus(vectors_[i]); }
  double Score(uint32_t j) override { return score_.Score(vectors_[j]); }

 private:
  const std::vector<ArticleVector>& vectors_;
  FocusedPairScore score_;
};

struct BatchClusterer::Impl {
  explicit Impl(BatchClusterOptions o) : options(o), extractor(&terms, o.lead_tokens), copies(o.dedupe) {}

  BatchClusterOptions options;
  TermDictionary terms;
  FeatureExtractor extractor;
  NearDuplicateIndex copies;  // doc numbers are article indexes
  std::vector<Record> records;
  std::vector<ArticleVector> vectors;  // filled by Finish
};

BatchClusterer::BatchClusterer(BatchClusterOptions options) : impl_(std::make_unique<Impl>(options)) {}

BatchClusterer::~BatchClusterer() = default;

size_t BatchClusterer::article_count() const { return impl_->records.size(); }

void BatchClusterer::Add(const Article& article) {
  Impl& m = *impl_;
  Record r;
  r.id = article.id;
  r.outlet = article.outlet;
  r.features = m.extractor.Extract(article);
  m.terms.AddDocument(TermIds(r.features));
  std::optional<CopyMatch> copy = m.copies.FindSource(r.features.sketch);
  m.copies.Add(r.features.sketch);
  // The origin rule of StoryIndex: a copy counts as what it copies.
  if (copy) {
    r.copy_of = copy->doc;
    r.origin = m.records[copy->doc].origin;
  } else {
    r.origin = !article.wire.empty() ? article.wire : !article.outlet.empty() ? article.outlet : article.id;
  }
  r.features.sketch = ShingleSketch();  // found; no longer needed
  m.records.push_back(std::move(r));
}

Grouping BatchClusterer::Finish() {
  Impl& m = *impl_;
  const size_t n = m.records.size();
  // Vectors only now that every document frequency is known.
  m.vectors.reserve(n);
  for (const Record& r : m.records)
    m.vectors.push_back(ArticleVector::Of(r.features, m.terms, m.options.conflict_names));
  std::vector<const TermWeights*> weighted;
  weighted.reserve(n);
  for (const ArticleVector& v : m.vectors) weighted.push_back(&v.weighted);
  VectorScorer scorer(
      m.vectors, m.terms,
      PairScoring{KindWeights{m.options.name_boost, m.options.number_boost}, m.options.conflict_factor});
  std::vector<Edge> edges = BuildNeighborGraph(weighted, &scorer, m.options.graph);

  ApplyContext(n, m.options.context_neighbors, m.options.context_weight, &edges);

  // An article starts in the group of what it copies (which is earlier).
  std::vector<uint32_t> initial(n);
  for (uint32_t i = 0; i < n; ++i) initial[i] = m.records[i].copy_of == kNone ? i : initial[m.records[i].copy_of];
  std::vector<int32_t> days(n);
  for (uint32_t i = 0; i < n; ++i) days[i] = m.records[i].features.day == kNoDay ? kUndated : m.records[i].features.day;
  AverageLinkOptions linkage{m.options.cut, m.options.max_gap_days, m.options.late_factor};
  std::vector<uint32_t> cluster = SparseAverageLink::Cluster(n, edges, initial, days, linkage);

  // Stories in order of their first article.
  Grouping g;
  std::vector<uint32_t> story_of_first(n, kNone);
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t& s = story_of_first[cluster[i]];
    if (s == kNone) {
      s = static_cast<uint32_t>(g.stories.size());
      g.stories.emplace_back();
      g.stories.back().id = StoryName(s);
    }
    const Record& r = m.records[i];
    StoryView& view = g.stories[s];
    view.articles.push_back(r.id);
    if (!r.outlet.empty() && std::find(view.outlets.begin(), view.outlets.end(), r.outlet) == view.outlets.end()) {
      view.outlets.push_back(r.outlet);
    }
    if (std::find(view.independent_sources.begin(), view.independent_sources.end(), r.origin) ==
        view.independent_sources.end()) {
      view.independent_sources.push_back(r.origin);
    }
    ClusterResult res;
    res.story_id = view.id;
    if (r.copy_of != kNone) res.copy_of = m.records[r.copy_of].id;
    res.origin = r.origin;
    g.articles.push_back(std::move(res));
  }
  return g;
}

}  // namespace storyfuse
