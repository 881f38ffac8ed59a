#include "worker/partition_registry.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <vector>

#include "worker/worker_config.h"

namespace storyfuse {

namespace {

// A declared partition whose assigner has not started needs every number.
constexpr int64_t kFirstSeq = 1;

int64_t ParseNext(const std::string& s) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && end == s.data() + s.size() && v >= kFirstSeq ? v : kFirstSeq;
}

}  // namespace

Status DeclarePartition(RedisStream* articles, const std::string& key) {
  WorkerConfig c;
  c.partition = key;
  const std::string group = AssignGroupOf(c);
  STORYFUSE_ASSIGN_OR_RETURN(bool created, articles->CreateGroupIfAbsent(group, "0"));
  if (created) {
    // A new group reads from the stream's first entry: if entries were
    // trimmed before it existed, the partition would silently miss them.
    STORYFUSE_ASSIGN_OR_RETURN(std::string trimmed, articles->GetKey(kArticlesTrimmedKey));
    if (!trimmed.empty()) {
      // Not left behind: a group that can never be satisfied would hold
      // the trim (and, once registered, the extract workers) for good.
      STORYFUSE_RETURN_IF_ERROR(articles->DestroyGroup(group));
      return Status::InvalidArgument(
          "partition " + key + " was declared after " + articles->stream() + " was trimmed (up to entry " + trimmed +
          "): its assigner needs every entry from the first, and the queue no longer holds them. Declare every "
          "partition before the extract workers start (worker --role extract --declare-partitions KEY,...), or "
          "publish the input again into a fresh queue");
    }
  }
  return articles->AddToSet(kPartitionsKey, key);
}

Result<int64_t> SlowestPartitionNext(RedisStream* articles, std::set<std::string>* declared) {
  STORYFUSE_ASSIGN_OR_RETURN(std::vector<std::string> keys, articles->SetMembers(kPartitionsKey));
  if (declared != nullptr) declared->insert(keys.begin(), keys.end());
  if (keys.empty()) return kFirstSeq;
  for (std::string& k : keys) {
    WorkerConfig c;
    c.partition = k;
    k = AssignNextKeyOf(c);
  }
  STORYFUSE_ASSIGN_OR_RETURN(std::vector<std::string> next, articles->GetKeys(keys));
  int64_t slowest = INT64_MAX;
  for (const std::string& n : next) slowest = std::min(slowest, ParseNext(n));
  return slowest == INT64_MAX ? kFirstSeq : slowest;
}

Result<int64_t> TrimArticles(RedisStream* articles) {
  return articles->TrimConsumed(kPartitionsKey, kPartitionGroupPrefix, kArticlesTrimmedKey);
}

}  // namespace storyfuse
