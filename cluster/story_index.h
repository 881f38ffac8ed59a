// StoryIndex: streaming story clustering with copy detection.
//
// Articles arrive one at a time, in order. Each one either joins an existing
// story or starts a new one, and may make two stories merge when it shows
// they are one. The same input order always gives the same stories.
//
//   StoryIndex index;
//   for (const Article& a : articles) {
//     ClusterResult r = index.Add(a);   // r.story_id, r.copy_of, r.origin
//   }
//   index.StoryOf("some-article-id");   // the story after later merges
//   for (const StoryView& s : index.Stories()) { ... }
//
// Evidence (see docs/clustering.md): TF-IDF weighted word stems with
// document frequencies learned online, names (capitalized words inside a
// sentence, the dateline), numbers, publication day (an article more than
// max_gap_days outside a story's dated span needs a stronger score to join
// it, and two stories that far apart never merge), and copy links: an article that copies another (NearDuplicateIndex)
// joins the story of what it copies.
//
// Cost per article is bounded: candidate stories come from an inverted
// index over each story's top terms (each posting list keeps its most
// recent stories), and only the best-ranked candidates are scored; nothing
// is compared against all stories. Memory grows linearly with articles
// (a bounded centroid per story, sampled shingles per article).
//
// The first `warmup` articles are clustered again once they have all
// arrived, with document frequencies learned from all of them (see
// StoryIndexOptions::warmup); the index keeps their features until then.
//
// Not thread-safe: one StoryIndex per stream.
#ifndef STORYFUSE_CLUSTER_STORY_INDEX_H_
#define STORYFUSE_CLUSTER_STORY_INDEX_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dedupe/near_duplicate_index.h"
#include "ingest/article.h"

namespace storyfuse {

struct StoryIndexOptions {
  double join_threshold = 0.20;   // score article-story to join the best story
  double merge_threshold = 0.50;  // score story-story to merge two candidates
  double name_boost = 0.5;        // weight of the names cosine relative to the words cosine
  double number_boost = 0.5;      // weight of the numbers cosine
  size_t lead_tokens = 60;        // leading body tokens that count twice
  size_t conflict_names = 2;      // strongest names compared to tell an article from another event of a kind
  size_t salient_names = 4;       // a story's strongest names, which must lead the other story for a merge...
  size_t merge_names = 10;        // ...among its leading names
  double conflict_factor = 0.7;   // score multiplier when they conflict
  int max_gap_days = 7;           // days a dated article may lie outside a story's span...
  double late_factor = 0.6;       // ...before its score is multiplied by this (0: it cannot join)
  size_t story_terms = 200;       // centroid terms kept per story
  size_t index_terms = 24;        // top story terms entered in the inverted index
  size_t query_terms = 32;        // top article terms looked up in it
  size_t max_postings = 256;      // most recent stories kept per index term
  size_t scan_postings = 32;      // most recent stories looked at per query term
  size_t max_candidates = 16;     // candidate stories scored per article
  // A stream's first articles are clustered with document frequencies
  // learned from a handful of reports, which weigh common words like rare
  // ones. When article number `warmup` arrives, the first `warmup` are
  // clustered again, in the same order, with the frequencies of all of
  // them. 0 turns this off.
  size_t warmup = 100;
  NearDuplicateOptions dedupe;
};

// What Add decided for one article.
struct ClusterResult {
  std::string story_id;  // "s-<n>": the story joined or started (may merge later: see StoryOf)
  std::string copy_of;   // id of the earliest article whose text this one copies, or empty
  std::string origin;    // the independent source it counts as (see StoryView)
  // True when this Add clustered the stream's first articles again (see
  // StoryIndexOptions::warmup): their stories may have changed, so read
  // them again with StoryOf. Their copy_of and origin do not change.
  bool reclustered = false;
};

// A story as it stands after all merges so far.
struct StoryView {
  std::string id;                     // "s-<n>", n = creation order from 1
  std::vector<std::string> articles;  // article ids, in arrival order
  std::vector<std::string> outlets;   // distinct non-empty outlets, first seen first
  // Distinct origins: an article's origin is its copy's origin if it copies
  // another, else its wire ("Reuters"), else its outlet, else its own id.
  std::vector<std::string> independent_sources;
};

class StoryIndex {
 public:
  explicit StoryIndex(StoryIndexOptions options = {});
  ~StoryIndex();
  StoryIndex(const StoryIndex&) = delete;
  StoryIndex& operator=(const StoryIndex&) = delete;

  // Clusters one article. Never fails: an article with no usable text
  // starts its own story. A repeated id is a new article; lookups by that
  // id then find the latest one.
  ClusterResult Add(const Article& article);

  // The current story id of an added article (following merges), or an
  // empty string for an unknown id.
  std::string StoryOf(std::string_view article_id) const;

  // All current stories, in creation order of their surviving id.
  std::vector<StoryView> Stories() const;

  size_t article_count() const;
  size_t story_count() const;  // current stories, after merges
  // Approximate heap bytes held (for benchmarks).
  size_t MemoryBytes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_CLUSTER_STORY_INDEX_H_
