// PartitionKey: which story partition an article belongs to (issue #25).
// The story index is partitioned by language and time window, so that one
// assigner per partition keeps a bounded index and partitions run side by
// side. A window is `months` calendar months, aligned to January 1970; the
// date is the article's publication date, or for an undated article (or
// one whose date cannot be read) the date it arrived on the queue.
//
// Keys read "<language>.<YYYY-MM>" (the window's first month), e.g.
// "en.2031-01" for months = 6 and a publication date in 2031-03. A key is
// also a name in Redis and in flags: it holds no space or colon.
//
// Pure functions; thread-safe.
#ifndef STORYFUSE_WORKER_PARTITION_KEY_H_
#define STORYFUSE_WORKER_PARTITION_KEY_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/article.h"

namespace storyfuse {

// "" when `months` <= 0: one partition, the default. `arrival_ms` is the
// arrival time in milliseconds since the epoch (the queue entry's time).
std::string PartitionKey(const Article& article, int months, int64_t arrival_ms);

// The milliseconds of a Redis stream entry id ("<ms>-<n>"); 0 when it is
// not one.
int64_t StreamEntryMillis(std::string_view entry_id);

}  // namespace storyfuse

#endif  // STORYFUSE_WORKER_PARTITION_KEY_H_
