// MergeWorker: the `merge` role, the merge step across story partitions
// (issue #25, docs/scale.md). One per pair of adjacent partitions (one
// language, consecutive windows): `worker --role merge --partition LATER
// --db LATER_URL --merge-with EARLIER=EARLIER_URL`.
//
// Whenever either partition's assigner has settled more input (its
// checkpoint assign:next_seq moved), it reads both partitions' stored
// articles and their stories, asks StoryLinker (cluster/story_linker.h:
// StoryIndex's own join and merge rules, only across touching dated
// spans) which later stories continue an earlier one, and writes the
// joins as the cross-partition link table: worker_state key
// "partition_links:<the other partition>" in BOTH databases, a JSON array
// of [story here, story there, score] (PartitionLinkKey, ParseLinks).
//
// Idempotent and restartable: the links are recomputed from the stores
// each time and replace the previous ones in one write per database;
// nothing is kept in memory between runs but the checkpoints last seen.
// Several merge workers for one pair write the same links. It never
// changes a partition's stories or articles. The queue is not read.
#ifndef STORYFUSE_WORKER_MERGE_WORKER_H_
#define STORYFUSE_WORKER_MERGE_WORKER_H_

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/pg_story_store.h"
#include "worker/worker.h"

namespace storyfuse {

// One row of a partition's link table: its story `story` is one story
// with story `partner_story` of partition `partner`.
struct PartitionLink {
  std::string story, partner, partner_story;
  double score = 0;
};

// The worker_state key holding the links to partition `partner`.
std::string PartitionLinkKey(const std::string& partner);
// The links under `key`'s value (JSON array of [story, partner_story,
// score]); InvalidArgument for a malformed value.
Result<std::vector<PartitionLink>> ParseLinks(const std::string& partner, const std::string& value);
// Every link a partition's store holds, to any partner.
Result<std::vector<PartitionLink>> ReadPartitionLinks(PgStoryStore* store);

class MergeWorker : public Worker {
 public:
  // InvalidArgument without --partition or --merge-with.
  static Result<std::unique_ptr<MergeWorker>> Open(const WorkerConfig& config);

  // Computes and writes the links when a checkpoint moved (returns the
  // number of links, at least 1 so the loop counts it as work), else waits
  // the config's block time and returns 0.
  Result<int> RunOnce() override;
  // True when both checkpoints are the ones the stored links were made at.
  Result<bool> Drained() override;

 private:
  explicit MergeWorker(const WorkerConfig& config) : Worker("merge"), config_(config) {}
  // Both partitions' assigner checkpoints.
  Result<std::pair<std::string, std::string>> Checkpoints();

  WorkerConfig config_;
  std::unique_ptr<PgStoryStore> earlier_, later_;
  std::optional<std::pair<std::string, std::string>> linked_at_;  // checkpoints of the last links written
};

}  // namespace storyfuse

#endif  // STORYFUSE_WORKER_MERGE_WORKER_H_
