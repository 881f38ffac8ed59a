// BriefWorker: the `brief` role. Stateless; run any number. Reads story ids
// from storyfuse:stories and builds each story from the member list the
// assigner stored (worker/story_queue.h) with the code in-process ingest
// builds with (pipeline/story_build.h): BuildStoryWrite from a read of the
// members, then CommitStoryWrite (links, article views, the story's row
// and version) in one transaction that also records the list's revision
// as "built:<story>".
//
// Idempotent and order-free: a story whose built revision is its current
// one is skipped (a redelivery costs two reads). The commit row-locks the
// member list and goes ahead only if it is still the list the brief was
// built from; otherwise the story is built again from the new list, as
// StoryWriter::BuildUntilCurrent does. A story deleted meanwhile (merged
// away) is not brought back.
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
