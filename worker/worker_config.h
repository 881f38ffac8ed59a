// WorkerConfig: what every worker role (issue #25) is told, and the names
// the roles share in Redis and PostgreSQL.
//
// Streams (all lossless: consumers acknowledge with delete, producers wait
// while a stream is at its bound):
//   storyfuse:docs      `ingest --queue` -> extract workers (group extract)
//   storyfuse:articles  extract workers -> the assigner    (group assign)
//   storyfuse:stories   the assigner -> brief workers       (group brief)
// Keys: storyfuse:seq (the input's sequence counter), storyfuse:assign:next
// (the next sequence number the assigner waits for: the extract workers'
// lag window is measured from it).
//
// Story partitions (docs/scale.md): extract workers run with
// `partition_months` > 0 tag each article with its partition
// (worker/partition_key.h); the assigner of partition KEY reads the same
// articles stream in its own group "assign:KEY", takes its partition's
// articles and steps over the others, keeps its own store (its own
// database: writer lock, story ids, checkpoint), and hands its stories to
// "storyfuse:stories:KEY", which that partition's brief workers read. The
// set storyfuse:partitions declares the partitions; the extract workers'
// lag window follows the slowest one's storyfuse:assign:next:KEY, and the
// assigners trim the articles stream to what every group still needs
// (worker/partition_registry.h). With no partition (the default) every
// name is as above.
#ifndef STORYFUSE_WORKER_WORKER_CONFIG_H_
#define STORYFUSE_WORKER_WORKER_CONFIG_H_

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace storyfuse {

inline constexpr const char* kStoryStream = "storyfuse:stories";
inline constexpr const char* kBriefGroup = "brief";
inline constexpr const char* kSeqKey = "storyfuse:seq";
inline constexpr const char* kAssignNextKey = "storyfuse:assign:next";
// A partition's assigner group is this prefix + its key.
inline constexpr const char* kPartitionGroupPrefix = "assign:";

struct WorkerConfig {
  std::string queue_url;  // redis://HOST:PORT
  std::string db_url;     // postgresql://...
  std::string consumer;   // this worker's name in its consumer group (unique per process)
  // Entries read per batch. 50 amortizes a round trip over enough work
  // (an article costs about a millisecond to extract) while a killed
  // worker leaves little to redo.
  int batch = 50;
  // An entry pending this long under another consumer is taken over
  // (XAUTOCLAIM): that consumer is presumed dead. Longer than any batch
  // takes; a live but slow consumer only causes duplicate work, which the
  // idempotent writes absorb.
  std::chrono::milliseconds claim_idle{30000};
  // How long one read waits for new entries.
  std::chrono::milliseconds block{500};
  // Stream bounds (entries). The documents and stories streams are bounded
  // by length; the articles stream by the assigner's lag, because the
  // assigner holds out-of-order entries until the missing ones arrive, and
  // a length bound could then block the very producer it waits for.
  int64_t doc_bound = 10000;
  int64_t story_bound = 10000;
  int64_t lag_window = 5000;
  // A sequence number missing this long while later ones wait is given up
  // (a producer died between numbering and publishing a document); if it
  // comes after all it is stored out of order, never dropped. Far longer
  // than a dead extract worker's entries take to be claimed (claim_idle).
  std::chrono::milliseconds gap_timeout{300000};
  // Extract workers: route articles by language and a time window of this
  // many calendar months (0: one partition, the default).
  int partition_months = 0;
  // Assign and brief workers: the partition served ("" : one partition).
  // The merge role: the later of the two partitions it joins.
  std::string partition;
  // Extract workers: partitions to declare before the first article
  // (worker/partition_registry.h), so that the articles stream keeps
  // everything for their assigners even before those start.
  std::vector<std::string> declare_partitions;
  // The merge role: the earlier adjacent partition, its key and database
  // (worker/merge_worker.h).
  std::string merge_with_partition, merge_with_db;
};

// The names of a partition's group, stream and keys (see above).
inline std::string AssignGroupOf(const WorkerConfig& c) {
  return c.partition.empty() ? std::string("assign") : kPartitionGroupPrefix + c.partition;
}
inline std::string StoryStreamOf(const WorkerConfig& c) {
  return c.partition.empty() ? std::string(kStoryStream) : std::string(kStoryStream) + ":" + c.partition;
}
inline std::string AssignNextKeyOf(const WorkerConfig& c) {
  return c.partition.empty() ? std::string(kAssignNextKey) : std::string(kAssignNextKey) + ":" + c.partition;
}

}  // namespace storyfuse

#endif  // STORYFUSE_WORKER_WORKER_CONFIG_H_
