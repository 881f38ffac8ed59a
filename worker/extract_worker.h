// ExtractWorker: the `extract` role. Stateless; run any number. Reads
// documents from storyfuse:docs, cleans them (StoryPipeline::Extract, text
// cut to the limit as in-process ingest does) and publishes each as an
// ArticleMessage, with the document's sequence number, to
// storyfuse:articles; a document without article text is published as
// rejected so the assigner moves past its number.
//
// Stateless, so any number give what one gives: cleaning runs without the
// per-outlet boilerplate memory (the one step that depends on the order
// articles arrive in) and sends what that step would read and learn
// (BoilerplateEvidence), with the document when the memory might change
// its cleaning; the assigner applies the memory in input order.
//
// Partitions (WorkerConfig::partition_months > 0): each article is tagged
// with its story partition, language x time window by publication date
// (worker/partition_key.h), for that partition's assigner.
//
// Back-pressure: it publishes sequence number n only once
// n < (the assigner's next number) + lag_window, so a slow assigner slows
// the extract workers, which leave documents in their stream, which slows
// `ingest --queue`. With partitions the next number is the slowest
// declared partition's (worker/partition_registry.h): the partition that
// lags most holds them all, losslessly. `declare_partitions` are declared
// on Open, before the first article; an article routed to an undeclared
// partition is counted as an error (nothing keeps it for its assigner).
#ifndef STORYFUSE_WORKER_EXTRACT_WORKER_H_
#define STORYFUSE_WORKER_EXTRACT_WORKER_H_

#include <memory>
#include <set>
#include <string>

#include "pipeline/story_pipeline.h"
#include "queue/redis_stream.h"
#include "worker/worker.h"

namespace storyfuse {

class ExtractWorker : public Worker {
 public:
  static Result<std::unique_ptr<ExtractWorker>> Open(const WorkerConfig& config);

  Result<int> RunOnce() override;
  Result<bool> Drained() override;

 private:
  explicit ExtractWorker(const WorkerConfig& config) : Worker("extract"), config_(config) {}
  // Whether the assigner's lag window admits `seq` now.
  Result<bool> Admitted(int64_t seq);

  WorkerConfig config_;
  std::unique_ptr<RedisStream> docs_, articles_;
  StoryPipeline pipeline_;  // only its extractor is used
  // Entries read but beyond the lag window, lowest number first; pending
  // under this consumer. Held here rather than waited on, so that the
  // worker keeps taking over a dead one's entries (whose lower numbers the
  // assigner is waiting for) instead of blocking on its own.
  std::vector<StreamEntry> deferred_;
  // Numbers below this were admitted by the bound last read (0: read it
  // again); reset every batch.
  int64_t admit_below_ = 0;
  // The declared partitions, read with that bound (partitions only).
  std::set<std::string> declared_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_WORKER_EXTRACT_WORKER_H_
