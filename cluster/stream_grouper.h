// StreamGrouper and OnePassGrouper: the Grouper interface (cluster/
// grouper.h) over the two streams, for the CLI's --stream and for
// comparison.
//
// Not thread-safe.
#ifndef STORYFUSE_CLUSTER_STREAM_GROUPER_H_
#define STORYFUSE_CLUSTER_STREAM_GROUPER_H_

#include <string>
#include <vector>

#include "cluster/grouper.h"
#include "cluster/story_index.h"
#include "cluster/story_stream.h"

namespace storyfuse {

// Articles through a StoryStream (the stream that revises itself, as
// ingest and serve run it) in the order added, the window revised once
// more after the last one. Holds no article text.
class StreamGrouper : public Grouper {
 public:
  explicit StreamGrouper(StoryStreamOptions options = {}) : stream_(options) {}
  void Add(const Article& article) override;
  Grouping Finish() override;

 private:
  StoryStream stream_;
  std::vector<std::string> ids_;
  std::vector<ClusterResult> results_;
};

// Articles through a StoryIndex, the one-pass stream that never revises a
// decision (for comparison).
class OnePassGrouper : public Grouper {
 public:
  explicit OnePassGrouper(StoryIndexOptions options = {}) : index_(options) {}
  void Add(const Article& article) override;
  Grouping Finish() override;

 private:
  StoryIndex index_;
  std::vector<std::string> ids_;
  std::vector<ClusterResult> results_;
};

// `articles` through a StreamGrouper (or, with `one_pass`, an
// OnePassGrouper with default options).
Grouping GroupAsStream(const std::vector<Article>& articles, const StoryStreamOptions& options = {},
                       bool one_pass = false);

}  // namespace storyfuse

#endif  // STORYFUSE_CLUSTER_STREAM_GROUPER_H_
