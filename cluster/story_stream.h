// StoryStream: story clustering for a stream that revises itself.
//
// Articles arrive one at a time (ingest, serve). Each gets a story at once,
// as StoryIndex would give it, but recent decisions stay open: every
// `revise_every` arrivals, the articles of a recent window are grouped
// again all at once, as BatchClusterer groups a known set (links to their
// strongest neighbours, neighbourhood context, average linkage down to one
// cut), with the stories older articles made final standing in as fixed
// nodes. Articles can move, stories can merge and split. An article leaves
// the window, and its story becomes final for it, once `window` articles
// have arrived after it (and, with `freeze_by_day`, once it was published
// more than `window_days` before the newest publication day seen); so the
// cost of a revision is bounded by the window, not by the stream. Within
// the window, a revision clusters again only the connected components
// (of the links that reach the cut) that changed since the last one
// (ComponentLinkage): the same stories, at a cost that follows the
// arrivals and departures.
//
//   StoryStream stream;
//   for (const Article& a : articles) stream.Add(a);  // r.story_id for now
//   stream.Revise();                                 // e.g. at the end of a batch
//   for (const StoryMove& m : stream.TakeMoves()) ...  // what revisions changed
//   stream.StoryOf("some-id"); stream.Stories();
//
// Story ids are "s-<n>" in creation order and stay stable: a story that
// has final articles keeps its id; otherwise, after a revision, its id
// goes to the group that holds most of its articles (more than half of
// them), and to no group when none does (its articles merged into other
// stories or split up; the id is then gone).
//
// Editor corrections (MergeStories, MoveArticle) are constraints the
// stream keeps from then on, not one-off edits: they move the articles
// at once (final ones too) and pin every window article of the stories
// they touch to the story the editor left it in. A revision never moves a
// pinned article, and keeps the pinned articles of different stories
// apart (they anchor their stories as final articles do), so what an
// editor put together stays together (must-link) and what an editor put
// apart stays apart (cannot-link). New arrivals may still join any story.
// A pinned article leaves the window, and its pin, as any other does.
//
// Copies are found as StoryIndex finds them (NearDuplicateIndex, in arrival
// order) and never leave the story of what they copy; copy_of and origin
// never change.
//
// The same input order always gives the same stories. Not thread-safe.
#ifndef STORYFUSE_CLUSTER_STORY_STREAM_H_
#define STORYFUSE_CLUSTER_STORY_STREAM_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "cluster/batch_clusterer.h"
#include "cluster/story_index.h"
#include "ingest/article.h"

namespace storyfuse {

struct StoryStreamOptions {
  // Evidence, links, context and cut, as the batch uses them.
  BatchClusterOptions batch;
  // Articles that may still move: the most recent `window` arrivals...
  size_t window = 1000;
  // ...published (when dated) within `window_days` of the newest day seen.
  int window_days = 7;
  // Arrivals between two revisions (0: only when Revise is called).
  size_t revise_every = 100;
  // Final stories an arriving article is scored against (through an
  // inverted index over their strongest terms, as StoryIndex does), and the
  // score against a story's centroid that links it to the story.
  size_t story_candidates = 8;
  double story_link = 0.20;
  // A final story's link in a revision: its centroid score times this.
  double story_link_weight = 1.0;
  // Score an article against a final story by its mean similarity to the
  // story's final articles (per kind: the centroid cosine times the
  // centroid's length over the article count), as average linkage scores
  // an article against a group, instead of by the centroid cosine.
  bool story_link_mean = false;
  // Also freeze articles published more than `window_days` before the
  // newest day seen. Off: news stories run for weeks (follow-ups, trials),
  // and the day rule froze them early, in publication order as well as
  // shuffled (docs/clustering.md); the window of arrivals alone bounds
  // the cost.
  bool freeze_by_day = false;
};

// An article a revision moved from one story to another.
struct StoryMove {
  std::string article;
  std::string from, to;  // story ids
};

class StoryStream {
 public:
  explicit StoryStream(StoryStreamOptions options = {});
  ~StoryStream();
  StoryStream(const StoryStream&) = delete;
  StoryStream& operator=(const StoryStream&) = delete;

  // Places one article (and revises the window when it is due). Never
  // fails: an article with no usable text starts its own story. story_id
  // is the story for now: read it again with StoryOf after revisions.
  ClusterResult Add(const Article& article);

  // Groups the open window again now. The moves it makes are returned and
  // also kept for TakeMoves.
  std::vector<StoryMove> Revise();

  // The moves made by revisions since the last call, oldest first.
  std::vector<StoryMove> TakeMoves();

  // Editor corrections (see above); each returns the moves it made (not
  // kept for TakeMoves). NotFound for an unknown or merged-away story or
  // article, InvalidArgument for a story merged into itself or an article
  // moved to the story it is in.
  //
  // All articles of story `from` join story `into`; `from`'s id is gone.
  Result<std::vector<StoryMove>> MergeStories(std::string_view from, std::string_view into);
  // The article joins story `to`, or with `to` empty a new story of its
  // own (the moves name it).
  Result<std::vector<StoryMove>> MoveArticle(std::string_view article, std::string_view to);

  // The current story id of an added article, or "" for an unknown id.
  std::string StoryOf(std::string_view article_id) const;

  // All current stories, in creation order; articles in arrival order.
  std::vector<StoryView> Stories() const;

  size_t article_count() const;
  size_t open_count() const;   // articles in the window
  size_t story_count() const;  // current stories
  size_t MemoryBytes() const;  // approximate heap bytes held

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_CLUSTER_STORY_STREAM_H_
