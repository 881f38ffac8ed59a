// Grouper: one way of grouping a known set of articles into stories, as
// the CLI's `cluster`, `brief` and `eval cluster` use it: all at once
// (BatchClusterer, the default), as a stream that revises itself
// (StreamGrouper, --stream) or in one pass (OnePassGrouper); the last two
// are in cluster/stream_grouper.h.
//
//   std::unique_ptr<Grouper> g = std::make_unique<BatchClusterer>();
//   for (const Article& a : articles) g->Add(a);
//   Grouping stories = g->Finish();
//
// Not thread-safe.
#ifndef STORYFUSE_CLUSTER_GROUPER_H_
#define STORYFUSE_CLUSTER_GROUPER_H_

#include <vector>

#include "cluster/story_index.h"
#include "ingest/article.h"

namespace storyfuse {

// The stories of a set of articles, whichever mode grouped them.
struct Grouping {
  // Per article, in the order added: its final story, copy_of and origin.
  std::vector<ClusterResult> articles;
  // Stories named "s-<n>"; each lists its articles in the order added.
  std::vector<StoryView> stories;
};

class Grouper {
 public:
  virtual ~Grouper() = default;
  // Takes one article. Never fails: an article with no usable text ends
  // up in a story of its own.
  virtual void Add(const Article& article) = 0;
  // The stories of every article added. Call once; the grouper is spent.
  virtual Grouping Finish() = 0;
};

}  // namespace storyfuse

#endif  // STORYFUSE_CLUSTER_GROUPER_H_
