// StoryLinker: which stories of two adjacent story partitions are one
// story (the merge step across partitions, issue #25, docs/scale.md).
//
// Each partition's assigner keeps its own StoryIndex, so a story that
// runs across a window boundary is stored as two: one piece in each
// partition. StoryLinker is given both partitions' articles with the
// stories they are in, and joins a later story to the earlier story that
// one StoryIndex would have put it in, by StoryIndex's own rules
// (cluster/story_merge_rule.h): the later story's first article scores at
// least join_threshold against the earlier story's centroid (times
// conflict_factor for another event of a kind), or the two centroids
// merge (merge_threshold, leads not differing); in both cases the dated
// spans lie within max_gap_days (the boundary is crossed only by stories
// that run on across it, not by follow-ups months later). It never
// re-clusters inside a partition: a partition's stories stay as
// its assigner made them.
//
//   StoryLinker linker;
//   for (...) linker.Add(article, StoryLinker::kEarlier, story_id);
//   for (...) linker.Add(article, StoryLinker::kLater, story_id);
//   for (const StoryLink& l : linker.Links()) ...   // l.earlier == l.later
//
// Document frequencies are learned from every article added (both
// partitions), so scores are comparable with one index's. Deterministic:
// the same articles in the same order give the same links.
//
// Not thread-safe.
#ifndef STORYFUSE_CLUSTER_STORY_LINKER_H_
#define STORYFUSE_CLUSTER_STORY_LINKER_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cluster/story_index.h"
#include "ingest/article.h"

namespace storyfuse {

// One join: story `earlier` of the earlier partition and story `later` of
// the later one are one story.
struct StoryLink {
  std::string earlier, later;
  double score = 0;  // the later story's first article scored against the earlier story
};

class StoryLinker {
 public:
  enum Side { kEarlier = 0, kLater = 1 };

  explicit StoryLinker(StoryIndexOptions options = {});
  ~StoryLinker();
  StoryLinker(const StoryLinker&) = delete;
  StoryLinker& operator=(const StoryLinker&) = delete;

  // One article of partition `side`, in story `story_id` ("" : skipped).
  void Add(const Article& article, Side side, const std::string& story_id);

  // The joins, at most one earlier story per later story (its best, as an
  // article joins its best story), ordered by later then earlier id. Only
  // dated stories are compared: an undated story's span is unknown, and
  // any two would pass the time test.
  std::vector<StoryLink> Links() const;

  // Stories compared by the last Links (those of both sides with a date).
  size_t compared() const { return compared_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  mutable size_t compared_ = 0;
};

}  // namespace storyfuse

#endif  // STORYFUSE_CLUSTER_STORY_LINKER_H_
