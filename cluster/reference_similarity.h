// ReferenceSimilarity: the article-to-article scores behind the offline
// reference clustering (`storyfuse eval cluster --reference`).
//
// It gives every pair of a batch of articles the score StoryIndex gives an
// article against a story, with the same features, weights and "who"
// conflict factor, but computed with document frequencies learned from the
// whole batch and between two articles instead of an article and a
// centroid. Publication days are not used. Quadratic in the batch: meant
// for evaluation sets of thousands of articles, not for streams.
//
// Not thread-safe; one per thread.
#ifndef STORYFUSE_CLUSTER_REFERENCE_SIMILARITY_H_
#define STORYFUSE_CLUSTER_REFERENCE_SIMILARITY_H_

#include <cstddef>
#include <vector>

#include "cluster/story_index.h"
#include "ingest/article.h"

namespace storyfuse {

class ReferenceSimilarity {
 public:
  // Reads lead_tokens, name_boost, number_boost, conflict_names and
  // conflict_factor from `options`.
  explicit ReferenceSimilarity(const StoryIndexOptions& options) : options_(options) {}

  // Row-major n x n scores of `articles` (n = articles.size()), symmetric,
  // with 1 on the diagonal.
  std::vector<float> Matrix(const std::vector<Article>& articles) const;

 private:
  StoryIndexOptions options_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_CLUSTER_REFERENCE_SIMILARITY_H_
