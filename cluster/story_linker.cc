#include "cluster/story_linker.h"

#include <algorithm>

#include "cluster/article_vector.h"
#include "cluster/centroid.h"
#include "cluster/feature_extractor.h"
#include "cluster/story_merge_rule.h"
#include "cluster/term_dictionary.h"

namespace storyfuse {

struct StoryLinker::Impl {
  explicit Impl(StoryIndexOptions o) : options(o), extractor(&terms, o.lead_tokens) {}

  struct Piece {
    std::vector<ArticleFeatures> articles;
    Centroid centroid;
    int32_t min_day = kNoDay, max_day = kNoDay;
    size_t first = 0;  // its earliest dated article (the first added on a tie)
  };

  StoryIndexOptions options;
  TermDictionary terms;
  FeatureExtractor extractor;
  std::map<std::string, Piece> stories[2];  // by side, then story id
};

StoryLinker::StoryLinker(StoryIndexOptions options) : impl_(std::make_unique<Impl>(options)) {}

StoryLinker::~StoryLinker() = default;

void StoryLinker::Add(const Article& article, Side side, const std::string& story_id) {
  if (story_id.empty()) return;
  ArticleFeatures f = impl_->extractor.Extract(article);
  impl_->terms.AddDocument(TermIds(f));
  Impl::Piece& p = impl_->stories[side][story_id];
  if (f.day != kNoDay) {
    if (p.min_day == kNoDay || f.day < p.min_day) p.first = p.articles.size();
    p.min_day = p.min_day == kNoDay ? f.day : std::min(p.min_day, f.day);
    p.max_day = p.max_day == kNoDay ? f.day : std::max(p.max_day, f.day);
  }
  p.articles.push_back(std::move(f));
}

std::vector<StoryLink> StoryLinker::Links() const {
  Impl& m = *impl_;
  const StoryIndexOptions& o = m.options;
  // Centroids under the frequencies of everything added, as StoryIndex
  // weighs a story's articles under the frequencies learned so far.
  for (auto& side : m.stories) {
    for (auto& [id, p] : side) {
      p.centroid = Centroid();
      if (p.min_day == kNoDay) continue;
      for (const ArticleFeatures& f : p.articles)
        p.centroid.Add(ArticleVector::Of(f, m.terms, o.conflict_names).unweighted);
      p.centroid.Refresh(o.story_terms, m.terms, o.index_terms,
                         std::max({o.conflict_names, o.salient_names, o.merge_names}));
    }
  }
  compared_ = 0;
  for (auto& side : m.stories) {
    for (auto& [id, p] : side) compared_ += p.min_day != kNoDay;
  }
  std::vector<StoryLink> out;
  KindWeights weights{o.name_boost, o.number_boost};
  for (auto& [later_id, later] : m.stories[kLater]) {
    if (later.min_day == kNoDay) continue;
    // Where one index would have put the later piece's first article: the
    // earlier story it scores best against, if that reaches join_threshold
    // (conflict_factor applied as StoryIndex applies it). A piece of one
    // article or two has too few names for the story-story rule.
    ArticleVector first = ArticleVector::Of(later.articles[later.first], m.terms, o.conflict_names);
    StoryLink best;
    for (auto& [earlier_id, earlier] : m.stories[kEarlier]) {
      if (earlier.min_day == kNoDay ||
          !SpansTouch(earlier.min_day, earlier.max_day, later.min_day, later.max_day, o.max_gap_days)) {
        continue;
      }
      double joins = CombineKinds(earlier.centroid.Cosine(first.weighted, m.terms), first.has_kind, weights);
      if (AboutAnother(first, earlier.centroid, o.conflict_names)) joins *= o.conflict_factor;
      // Or StoryIndex's story-story merge: centroids, over the kinds either has.
      bool has_kind[kTermKinds];
      for (int k = 0; k < kTermKinds; ++k) has_kind[k] = earlier.centroid.norm(k) > 0 || later.centroid.norm(k) > 0;
      double merges = CombineKinds(earlier.centroid.Cosine(later.centroid, m.terms), has_kind, weights);
      bool one = joins >= o.join_threshold ||
                 (merges >= o.merge_threshold && !LeadsDiffer(earlier.centroid, later.centroid, o.salient_names));
      if (one && joins > best.score) best = StoryLink{earlier_id, later_id, joins};
    }
    if (!best.earlier.empty()) out.push_back(std::move(best));
  }
  return out;
}

}  // namespace storyfuse
