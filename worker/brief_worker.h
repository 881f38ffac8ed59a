// BriefWorker: the `brief` role. Stateless; run any number. Reads story ids
// from storyfuse:stories and rebuilds each story's brief from the member
// list the assigner stored ("members:<story>" in worker_state) with the
// same code as in-process ingest (WriteStoryBrief): brief, story row and
// article views in one transaction, with "built:<story>" recording the
// member list's revision it was built from.
//
// Idempotent and order-free: a story whose built revision is its current
// one is skipped (a redelivery costs one read). Two workers may build one
// story at once from different revisions; whichever commits last then
// compares the revision it built with the current one and builds again
// when they differ, so the last brief written is of the last revision. A
// story merged away meanwhile (no member list) is deleted again, and the
// stories its articles now belong to are rebuilt, so no article keeps a
// view of a story that no longer exists.
#ifndef STORYFUSE_WORKER_BRIEF_WORKER_H_
#define STORYFUSE_WORKER_BRIEF_WORKER_H_

#include <memory>
#include <string>

#include "pipeline/story_pipeline.h"
#include "queue/redis_stream.h"
#include "store/pg_story_store.h"
#include "worker/worker.h"

namespace storyfuse {

class BriefWorker : public Worker {
 public:
  static Result<std::unique_ptr<BriefWorker>> Open(const WorkerConfig& config);

  Result<int> RunOnce() override;
  Result<bool> Drained() override;

 private:
  explicit BriefWorker(const WorkerConfig& config) : Worker("brief"), config_(config) {}
  // Brings `story_id`'s stored brief to its current member list.
  Status Build(const std::string& story_id);

  WorkerConfig config_;
  std::unique_ptr<PgStoryStore> store_;
  std::unique_ptr<RedisStream> stories_;
  StoryPipeline pipeline_;  // only its brief builder is used
};

}  // namespace storyfuse

#endif  // STORYFUSE_WORKER_BRIEF_WORKER_H_
