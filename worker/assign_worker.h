// AssignWorker: the `assign` role, one per store: the story index of one
// partition (docs/scale.md). Reads ArticleMessages from
// storyfuse:articles, restores the input order from their sequence
// numbers, and hands the articles, in the batches the producer made, to
// the same StoryWriter in-process ingest runs (pipeline/story_writer.h):
// it stores each article (idempotent, versioned by content hash), clusters
// it into the revising story stream, and per batch revises the window,
// logs the revision and its moves, and bumps the changed stories'
// versions; only the briefs are built elsewhere: the writer's
// StoryBuildQueue is a StoryQueue, which hands each changed story's
// members to the brief workers.
//
// Cleaning's boilerplate memory (which lines an outlet repeats) is kept
// here, in input order, since it is the one cleaning step that depends on
// order: each article's evidence from its extract worker is learned, and
// the rare article the memory changes (some of its lines repeated) is
// cleaned again here from its document. The counts a batch learned are
// stored with its checkpoint, in one transaction (worker_boilerplate), and
// a replacement loads them: it cleans on as the dead one would have.
//
// Editors' corrections (`correct --queue`) arrive in input order among the
// articles: the batch before one is ingested first, then the writer applies
// it (StoryWriter::Correct: logged, kept by the stream as a constraint, its
// stories enqueued), as `correct` run between two `ingest` runs does.
//
// Batches: the writer settles after every `batch` articles and after an
// input's last document, as the producer's ArticleMessages say: where
// in-process `ingest --batch` settles, so the stream revises at the same
// points and the stories come out the same.
//
// Partitions (WorkerConfig::partition not empty): the assigner reads the
// articles stream in its own group, ingests only the articles routed to
// its partition and steps over the others (still in input order, still
// counted toward the batch, so it settles at the same input points, and
// still learned by the boilerplate memory, which follows the whole input).
// Corrections and rejected documents reach every partition. Entries are
// acknowledged without deleting them: the other partitions' groups read
// them too. The assigner declares its partition on Open (refused when the
// stream was trimmed before: worker/partition_registry.h) and after each
// checkpoint trims the stream to the oldest entry any partition's group
// still needs.
//
// Checkpoint and recovery: the stories are a function of the stored
// articles in first-stored order and of the logged stream events, so the
// state a replacement needs is in PostgreSQL already. StoryWriter::Recover
// replays them (without revising the tail: the interrupted batch is
// delivered again and settles where it would have) and enqueues every
// story whose stored brief is not current. The replacement reads
// "assign:next_seq" (written after a batch's stories are enqueued, before
// its entries are acknowledged) and takes over the dead assigner's pending
// entries. A lost PostgreSQL session (a server restart) ends an assigner
// the same way: RunOnce answers IoError and `storyfuse worker` opens a new
// one, which recovers as a replacement does. Exactly one assigner runs: it holds the store's writer lock (a
// session advisory lock, released when a killed one's connection ends).
#ifndef STORYFUSE_WORKER_ASSIGN_WORKER_H_
#define STORYFUSE_WORKER_ASSIGN_WORKER_H_

#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "ingest/article_extractor.h"
#include "ingest/boilerplate_memory.h"
#include "pipeline/store_story_repository.h"
#include "queue/article_message.h"
#include "queue/redis_stream.h"
#include "worker/story_queue.h"
#include "worker/worker.h"

namespace storyfuse {

class AssignWorker : public Worker {
 public:
  static Result<std::unique_ptr<AssignWorker>> Open(const WorkerConfig& config);

  Result<int> RunOnce() override;
  Result<bool> Drained() override;

  int64_t next_seq() const { return next_seq_; }

 private:
  struct Held {
    ArticleMessage message;
    std::string entry_id;
  };

  explicit AssignWorker(const WorkerConfig& config)
      : Worker("assign"), config_(config), group_(AssignGroupOf(config)) {}
  // Whether the message's article is this assigner's to ingest.
  bool Mine(const ArticleMessage& m) const { return config_.partition.empty() || m.partition == config_.partition; }
  // One partition deletes what it acknowledges; with several, the other
  // groups still read it.
  bool DeleteOnAck() const { return config_.partition.empty(); }
  // Takes the held messages from next_seq_ on, while contiguous, into the
  // batch, and ingests each batch that is complete.
  Status ProcessReady();
  // The boilerplate memory's step for one message, in input order.
  void ApplyBoilerplate(ArticleMessage* m);
  // Ingests the batch through the writer, checkpoints and acknowledges it
  // (again, idempotently, after a failure).
  Status Flush();

  WorkerConfig config_;
  std::string group_;  // its consumer group on the articles stream
  // Declared before the repository, whose writer enqueues to it.
  std::unique_ptr<StoryQueue> queue_;
  std::unique_ptr<StoreStoryRepository> repo_;
  std::unique_ptr<RedisStream> articles_;
  std::shared_ptr<BoilerplateMemory> memory_ = std::make_shared<BoilerplateMemory>();
  ArticleExtractor recleaner_{memory_};     // cleans with memory_, and teaches it
  int64_t next_seq_ = 1;                    // the next number taken into the batch
  std::map<int64_t, Held> held_;            // out-of-order arrivals, by sequence number
  std::set<int64_t> skipped_;               // numbers given up after gap_timeout; stored out of order if they come
  std::vector<Article> batch_;              // the articles of the batch being gathered, in input order
  int64_t passed_over_ = 0;                 // other partitions' articles in the batch
  std::vector<std::string> batch_entries_;  // its entries (rejected documents too)
  std::string correction_;                  // an editor's correction that ends the batch, or ""
  // Line counts learned since the last checkpoint: (outlet, hash) -> articles.
  std::map<std::pair<std::string, uint64_t>, uint32_t> learned_;
  bool flush_due_ = false;  // the batch is complete; its Flush has not succeeded yet
  bool claimed_ = false;    // the dead assigner's entries were taken over
  std::chrono::steady_clock::time_point last_progress_ = std::chrono::steady_clock::now();
};

}  // namespace storyfuse

#endif  // STORYFUSE_WORKER_ASSIGN_WORKER_H_
