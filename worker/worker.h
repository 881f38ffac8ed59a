// Worker: one role of the distributed pipeline (issue #25), run by
// `storyfuse worker --role ROLE`. Each role is a step of in-process ingest
// (pipeline/StoryWriter) split at a stream boundary, calling the same code:
//   extract  StoryPipeline::Extract              docs -> articles
//   assign   StoryWriter::IngestArticles with a  articles -> stories
//            StoryBuildQueue (store, cluster,
//            revise, log, enqueue)
//   brief    BuildStoryWrite + CommitStoryWrite  stories -> the store
//   merge    StoryLinker over two adjacent       two partitions' stores ->
//            partitions (worker/merge_worker.h)  their link table
// Delivery is at least once (consumer groups, XAUTOCLAIM of a dead
// consumer's entries); every write is idempotent, so the effect is once.
//
// Not thread-safe: one thread runs a worker's RunOnce in a loop.
#ifndef STORYFUSE_WORKER_WORKER_H_
#define STORYFUSE_WORKER_WORKER_H_

#include <memory>
#include <string>

#include "base/status.h"
#include "worker/worker_config.h"
#include "worker/worker_metrics.h"

namespace storyfuse {

class Worker {
 public:
  virtual ~Worker() = default;

  // Reads one batch (taking over a dead consumer's entries first), does the
  // role's work and acknowledges it. Returns how many entries it handled:
  // 0 when none arrived within the config's block time. A non-OK status is
  // a lost engine (IoError) the caller may retry after a pause; entries
  // not acknowledged are redelivered.
  virtual Result<int> RunOnce() = 0;
  // True when the role's input stream and pending list are empty (for
  // --idle-exit: batch runs, tests and benchmarks).
  virtual Result<bool> Drained() = 0;

  WorkerMetrics& metrics() { return metrics_; }

 protected:
  explicit Worker(const std::string& role) : metrics_(role) {}
  WorkerMetrics metrics_;
};

// "extract", "assign", "brief" or "merge"; InvalidArgument for another role,
// IoError naming the engine it cannot reach. The assigner waits up to
// `config.claim_idle` for the store's writer lock (a killed predecessor's
// session may take a moment to end).
Result<std::unique_ptr<Worker>> OpenWorker(const std::string& role, const WorkerConfig& config);

}  // namespace storyfuse

#endif  // STORYFUSE_WORKER_WORKER_H_
