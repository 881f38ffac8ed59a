// The partitions registry (issue #25, docs/scale.md "Story partitions"):
// which story partitions read the shared articles stream, so that the
// stream's back-pressure and its trimming take every one of them into
// account.
//
// Every partition's assigner reads the whole articles stream in its own
// consumer group ("assign:KEY"), acknowledging without deleting (the other
// groups still read each entry). So:
//  - Declaring a partition adds KEY to the set storyfuse:partitions and
//    creates its group at the stream's start: from then on the trim keeps
//    everything the partition has not read, even before its assigner runs.
//    Assigners declare their partition on start; extract workers declare
//    the ones named by --declare-partitions before their first article.
//  - The extract workers' lag window is measured from the slowest declared
//    partition's next number (storyfuse:assign:next:KEY; 1 while its
//    assigner has not started), so the slowest assigner slows them and a
//    declared partition without a running assigner stops them at the
//    window: nothing is read ahead of the partition that lags most.
//  - After each checkpoint an assigner trims the stream to the oldest entry
//    any group still needs (RedisStream::TrimConsumed), and to nothing
//    while a declared partition has no group.
//  - A partition declared after the stream was trimmed cannot be built: its
//    assigner needs every entry from the first (its own articles, and every
//    other article for the boilerplate memory and the batch points), and
//    the first ones are gone. Declaring it then fails (InvalidArgument,
//    naming the trim point) and leaves no group behind that would hold the
//    trim.
//
// With one partition (no --partition) none of this is used: the one
// assigner deletes what it acknowledges.
//
// Functions over a caller's connection to the articles stream; thread
// safety is the connection's (one thread at a time).
#ifndef STORYFUSE_WORKER_PARTITION_REGISTRY_H_
#define STORYFUSE_WORKER_PARTITION_REGISTRY_H_

#include <cstdint>
#include <set>
#include <string>

#include "base/status.h"
#include "queue/redis_stream.h"

namespace storyfuse {

inline constexpr const char* kPartitionsKey = "storyfuse:partitions";
// The id the articles stream was last trimmed to (absent: never trimmed).
inline constexpr const char* kArticlesTrimmedKey = "storyfuse:articles:trimmed";

// Declares partition `key` on `articles` (the articles stream), as above.
// InvalidArgument when the stream was trimmed before the partition's group
// existed; IoError naming the server when Redis cannot be reached.
Status DeclarePartition(RedisStream* articles, const std::string& key);

// The lowest next sequence number over the declared partitions (1 for one
// whose assigner has not started, and when none is declared). The
// declared keys go to `declared` when not null.
Result<int64_t> SlowestPartitionNext(RedisStream* articles, std::set<std::string>* declared = nullptr);

// Trims the articles stream to what the declared partitions' groups still
// need; returns the entries deleted.
Result<int64_t> TrimArticles(RedisStream* articles);

}  // namespace storyfuse

#endif  // STORYFUSE_WORKER_PARTITION_REGISTRY_H_
