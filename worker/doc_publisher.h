// DocPublisher: `ingest --queue` (issue #25): numbers documents in input
// order (INCRBY on storyfuse:seq, one call per batch, so several producers
// get disjoint ranges) and appends them to storyfuse:docs for the extract
// workers. Back-pressure: it waits while the stream holds `bound` entries,
// so a slow fleet slows the producer and nothing is trimmed.
//
// Not thread-safe: one producer thread per object.
#ifndef STORYFUSE_WORKER_DOC_PUBLISHER_H_
#define STORYFUSE_WORKER_DOC_PUBLISHER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "ingest/raw_doc.h"
#include "queue/redis_stream.h"

namespace storyfuse {

class DocPublisher {
 public:
  // IoError naming the server when it cannot connect.
  static Result<std::unique_ptr<DocPublisher>> Open(const std::string& queue_url, int64_t bound);

  // Publishes the documents in order; returns the first one's sequence
  // number. Each entry carries `settle_batch` (the assigner settles after
  // that many articles, as `ingest --batch` does); `end_of_input` marks the
  // last document as the input's last, after which it settles too.
  Result<int64_t> Publish(const std::vector<RawDoc>& docs, int64_t settle_batch, bool end_of_input);
  // Publishes editors' corrections (their JSON objects) in order, after
  // everything published before: the assigner applies each at that point.
  // Returns the first one's sequence number.
  Result<int64_t> PublishCorrections(const std::vector<std::string>& corrections);
  int64_t published() const { return published_; }

 private:
  DocPublisher() = default;
  std::unique_ptr<RedisStream> docs_;
  int64_t bound_ = 0;
  int64_t published_ = 0;
};

}  // namespace storyfuse

#endif  // STORYFUSE_WORKER_DOC_PUBLISHER_H_
