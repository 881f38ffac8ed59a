// ExtractWorker: the `extract` role. Stateless; run any number. Reads
// documents from storyfuse:docs, cleans them (StoryPipeline::Extract, text
// cut to the limit as in-process ingest does) and publishes each as an
// ArticleMessage, with the document's sequence number, to
// storyfuse:articles; a document without article text is published as
// rejected so the assigner moves past its number.
//
// Back-pressure: before publishing sequence number n it waits while
// n >= (the assigner's next number) + lag_window, so a slow assigner slows
// the extract workers, which leave documents in their stream, which slows
// `ingest --queue`.
#ifndef STORYFUSE_WORKER_EXTRACT_WORKER_H_
#define STORYFUSE_WORKER_EXTRACT_WORKER_H_

#include <memory>

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
  // Waits until the assigner's lag window admits `seq`.
  Status WaitForWindow(int64_t seq);

  WorkerConfig config_;
  std::unique_ptr<RedisStream> docs_, articles_;
  StoryPipeline pipeline_;  // only its extractor is used
};

}  // namespace storyfuse

#endif  // STORYFUSE_WORKER_EXTRACT_WORKER_H_
