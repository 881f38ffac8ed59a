// StoryQueue: the assigner's StoryBuildQueue (issue #25). Hands each story
// a settle changed to the brief workers: its snapshot (members, copy
// links, version) goes to worker_state as "members:<story>" and the story's
// id to storyfuse:stories; stories merged away lose their member lists in
// the same transaction, but their stored rows (their last brief) stay
// until a story that took their articles is built: its list names them
// in "retires" and the brief worker deletes them in the transaction that
// commits it, so a reader of the old id is never answered 404 while the
// successor is being built (docs/scale.md). A removed story whose
// articles went to no queued story is deleted at once, as before.
//
// A member list carries a revision "<epoch>.<generation>": the epoch is
// unique per assigner run (IncrementState), the generation is the
// writer's, so no two different lists of one story ever share a revision
// and a brief worker commits only the list that is current (it row-locks
// it: worker/brief_worker.h).
//
// Versions are numbered here, not by whoever commits: one more than the
// last list enqueued when the set of articles changed, so the result is
// the in-process writer's even when brief workers skip a list a newer one
// replaced. The last list of a story comes from this run's cache or, on a
// miss (a replacement assigner), from its stored list or stored brief,
// whichever is newer.
//
// Thread safety: StoryWriter calls Enqueue under its mutex; not otherwise
// thread-safe.
#ifndef STORYFUSE_WORKER_STORY_QUEUE_H_
#define STORYFUSE_WORKER_STORY_QUEUE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/story_build.h"
#include "queue/redis_stream.h"
#include "store/pg_story_store.h"
#include "worker/worker_config.h"

namespace storyfuse {

// The member list stored for a story, as a brief worker reads it back.
struct QueuedStory {
  std::string rev;
  StorySnapshot snapshot;
  // Stories merged away into this one whose stored rows its commit deletes.
  std::vector<std::string> retires;
};
std::string EncodeQueuedStory(const QueuedStory& story);
// InvalidArgument for a malformed value.
Result<QueuedStory> DecodeQueuedStory(const std::string& story_id, const std::string& value);

class StoryQueue : public StoryBuildQueue {
 public:
  // Opens its own connections; takes a new epoch. IoError naming the engine.
  static Result<std::unique_ptr<StoryQueue>> Open(const WorkerConfig& config);

  Status Enqueue(std::vector<StorySnapshot> stories, const std::vector<std::string>& removed) override;
  // The stories with a member list.
  Result<std::vector<std::string>> Enqueued() override;

  // The connection the assigner also writes its checkpoint through.
  PgStoryStore* store() { return store_.get(); }

 private:
  struct Last {
    int64_t version = 0;
    std::vector<std::string> ids;
  };
  explicit StoryQueue(const WorkerConfig& config) : config_(config) {}
  // The last list of `story_id` enqueued or stored (nullopt: none).
  Result<std::optional<Last>> LastOf(const std::string& story_id);

  WorkerConfig config_;
  int64_t epoch_ = 0;
  std::unique_ptr<PgStoryStore> store_;
  std::unique_ptr<RedisStream> stories_;
  std::map<std::string, Last> last_;  // story -> its last list enqueued by this run
  struct Pending {
    std::string rev;                   // the list that names them
    std::vector<std::string> retires;  // not deleted until that list is built
  };
  // Retires handed to a story's list by this run and maybe not built yet:
  // carried to its next list, or to its successors when it is removed.
  Result<std::vector<std::string>> Unbuilt(const std::string& story_id);
  std::map<std::string, Pending> pending_;
};

// The story stream's message: {"v": "1", "story": id, "rev": revision}.
StreamFields StoryMessage(const std::string& story_id, const std::string& rev);

}  // namespace storyfuse

#endif  // STORYFUSE_WORKER_STORY_QUEUE_H_
