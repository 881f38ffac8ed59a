// The two halves of writing one changed story, shared by the in-process
// writer (pipeline/story_writer.h) and the brief workers of issue #25
// (worker/brief_worker.h), so both run the same code:
//
//   BuildStoryWrite   outside any writer: reads a snapshot's members from
//                     a read connection and builds the story's brief and
//                     its articles' views (the costly half);
//   CommitStoryWrite  inside the caller's transaction: points the members
//                     at the story and at their copy links where they
//                     changed, stores the views and the story's row.
//
// Whoever commits decides first that the snapshot is still the story's
// current one (StoryWriter: the story's generation under its mutex; a brief
// worker: the assigner's member list, row-locked in the transaction).
//
// A StoryBuildQueue takes the builds elsewhere: the assigner hands each
// changed story's snapshot to the brief workers instead of building it.
//
// Thread safety: the functions are as thread-safe as the store and
// pipeline they are given (a read connection per thread; StoryPipeline's
// BuildBrief is thread-safe).
#ifndef STORYFUSE_PIPELINE_STORY_BUILD_H_
#define STORYFUSE_PIPELINE_STORY_BUILD_H_

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "pipeline/story_pipeline.h"
#include "store/story_store.h"

namespace storyfuse {

// A story's members at one generation, with their copy links.
struct StorySnapshot {
  std::string id;
  int64_t generation = 0;
  std::vector<MemberLinks> members;
  // The story's version once committed; 0: one more than the stored
  // story's when its set of articles changed (StoryVersion), as the
  // in-process writer commits. The assigner numbers versions itself, since
  // brief workers may skip a generation a newer one replaced.
  int64_t version = 0;
};

// What one built story writes.
struct StoryWrite {
  struct Member {
    std::string id;
    bool relink = false;  // its stored story is another
    bool recopy = false;  // its stored copy link is another
    std::string copy_of;
    std::string view_json;
  };
  StorySnapshot snapshot;
  std::vector<Member> members;
  BuiltStory story;
};

// Reads the snapshot's members from `reader` (members not stored are
// skipped) and builds the brief and views; `now` is the update time.
Result<StoryWrite> BuildStoryWrite(StoryStore* reader, StoryPipeline* pipeline, const StorySnapshot& snapshot,
                                   const std::string& now);

// Writes `write` through `store`, in the transaction the caller holds.
Status CommitStoryWrite(StoryStore* store, const StoryWrite& write, const std::string& now);

// A story's version after a brief of `ids`: 1 for a new story, the old one
// plus one when the set of articles differs from `old_ids`.
int64_t StoryVersion(bool had_story, int64_t old_version, const std::vector<std::string>& old_ids,
                     const std::vector<std::string>& ids);

// Where the stories a settle changed are built, when not in the writer's
// process (StoryWriter::Options::queue).
class StoryBuildQueue {
 public:
  virtual ~StoryBuildQueue() = default;
  // Called under the writer, once per settle, with the snapshots of the
  // changed stories (each at its current generation) and the ids merged
  // away (to delete). Returns once both are durable: a story enqueued is
  // built eventually, and no build of a deleted story commits after it.
  virtual Status Enqueue(std::vector<StorySnapshot> stories, const std::vector<std::string>& removed) = 0;
  // The stories it holds a build of (enqueued, built or not): on recovery,
  // those the stories no longer have are removed through it, though their
  // brief may never have been stored.
  virtual Result<std::vector<std::string>> Enqueued() = 0;
};

}  // namespace storyfuse

#endif  // STORYFUSE_PIPELINE_STORY_BUILD_H_
