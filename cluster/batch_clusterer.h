// BatchClusterer: groups a set of articles known in full into stories, all
// at once. Where StoryIndex decides article by article as a stream
// arrives, this one sees every article before the first decision:
//
//   BatchClusterer batch;
//   for (const Article& a : articles) batch.Add(a);   // features and copies
//   Grouping g = batch.Finish();                     // stories
//
// Evidence is StoryIndex's (cluster/article_vector.h: word stems, names and
// numbers, per-kind cosines, the "who" conflict factor), with document
// frequencies learned from the whole set. Each article is linked to its
// strongest neighbours (NeighborGraph, near-linear), and the links are
// clustered by average linkage (SparseAverageLink) down to one fixed cut.
// The cut and every other setting are constants of this file, the same for
// every input (docs/clustering.md says how they were chosen).
//
// Copies are found exactly as StoryIndex finds them (NearDuplicateIndex, in
// Add order), so copy_of, origin and a story's independent sources mean the
// same in both modes; an article and what it copies always share a story.
//
// Memory: each article's features until Finish (not its text). Not
// thread-safe.
#ifndef STORYFUSE_CLUSTER_BATCH_CLUSTERER_H_
#define STORYFUSE_CLUSTER_BATCH_CLUSTERER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "cluster/grouper.h"
#include "cluster/neighbor_graph.h"
#include "cluster/story_index.h"
#include "dedupe/near_duplicate_index.h"
#include "ingest/article.h"

namespace storyfuse {

struct BatchClusterOptions {
  // Evidence, as StoryIndexOptions names it.
  size_t lead_tokens = 60;
  double name_boost = 0.5;
  double number_boost = 0.5;
  size_t conflict_names = 2;
  double conflict_factor = 0.7;
  // Two groups of articles whose dated spans lie more than max_gap_days
  // apart are joined at late_factor of their linkage (1: dates are not
  // used), as StoryIndex joins a late article.
  int max_gap_days = 7;
  double late_factor = 0.6;
  // Context: two articles are also compared by the articles around them.
  // Each article's neighbourhood is its `context_neighbors` strongest links
  // (and itself, at 1); a pair's score becomes the geometric mean of its
  // own score and the cosine of their neighbourhoods, weighted
  // 1 - context_weight and context_weight, when that is lower (0: own
  // score only). Six, not ten: ten reached past a small event's own
  // articles into its neighbour of a kind, so the two events' contexts
  // overlapped, most where a stream's window holds part of each event
  // (docs/clustering.md: 4, 5, 6, 7, 8, 10 measured; 4 loses recall).
  size_t context_neighbors = 6;
  double context_weight = 0.5;
  // Average linkage stops below this.
  double cut = 0.13;
  NeighborGraphOptions graph;
  NearDuplicateOptions dedupe;
};

class BatchClusterer : public Grouper {
 public:
  explicit BatchClusterer(BatchClusterOptions options = {});
  ~BatchClusterer();
  BatchClusterer(const BatchClusterer&) = delete;
  BatchClusterer& operator=(const BatchClusterer&) = delete;

  // Reads one article's evidence and finds what it copies among those
  // added before it. Never fails: an article with no usable text ends up
  // in a story of its own.
  void Add(const Article& article) override;

  // Groups every article added so far, stories numbered "s-1", "s-2", ...
  // by their first article. Call once; the clusterer is spent.
  Grouping Finish() override;

  size_t article_count() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_CLUSTER_BATCH_CLUSTERER_H_
