// AssignWorker: the `assign` role, one per store (the story index of one
// partition; issue #25's partitioning by language and time window is not
// built yet, see docs/scale.md). Reads ArticleMessages from
// storyfuse:articles, restores the input order from their sequence
// numbers, and for each article does what in-process ingest does
// (StoryWriter): Put (idempotent and versioned by content hash), cluster
// (StoryIndex: stories and copy links), and per batch Settle and link the
// changed stories' articles (LinkStoryMembers). Each changed story's
// members and their links are written to worker_state as
// "members:<story>" in the same transaction, then the story's id is
// published to storyfuse:stories for the brief workers.
//
// Checkpoint and recovery: the story index is a function of the stored
// articles in the order they were first stored, so the state a replacement
// needs is in PostgreSQL already: it replays the stored articles through
// the clusterer, reads "assign:next_seq" (written after a batch's stories
// are published, before its entries are acknowledged), and takes over the
// dead assigner's pending entries; an article it finds stored already is
// treated as touched, so the stories of a half-finished batch are linked
// and published again. Exactly one assigner runs: it holds the store's
// writer lock (a session advisory lock, released when a killed one's
// connection ends).
#ifndef STORYFUSE_WORKER_ASSIGN_WORKER_H_
#define STORYFUSE_WORKER_ASSIGN_WORKER_H_

#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "pipeline/story_pipeline.h"
#include "queue/article_message.h"
#include "queue/redis_stream.h"
#include "store/pg_story_store.h"
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
    bool redelivered = false;  // taken over from a dead assigner: may be half done
  };

  explicit AssignWorker(const WorkerConfig& config) : Worker("assign"), config_(config) {}
  Status Recover();
  // Stores and clusters the held messages from next_seq_ on, while
  // contiguous, then writes and publishes the stories they changed.
  Status ProcessReady();
  // Put and Cluster (StoryWriter::StoreOne's steps) for one message.
  Status StoreOne(const Held& h, const std::string& now);
  Status WriteStories(const SettledStories& settled, int64_t rev);

  WorkerConfig config_;
  std::unique_ptr<PgStoryStore> store_;
  std::unique_ptr<RedisStream> articles_, stories_;
  StoryPipeline pipeline_;
  int64_t next_seq_ = 1;
  std::map<int64_t, Held> held_;  // out-of-order arrivals, by sequence number
  std::set<int64_t> skipped_;     // numbers given up after gap_timeout; stored out of order if they come
  bool claimed_ = false;          // the dead assigner's entries were taken over
  std::chrono::steady_clock::time_point last_progress_ = std::chrono::steady_clock::now();
};

// The story stream's message: {"v": "1", "story": id, "rev": n}.
StreamFields StoryMessage(const std::string& story_id, int64_t rev);

}  // namespace storyfuse

#endif  // STORYFUSE_WORKER_ASSIGN_WORKER_H_
