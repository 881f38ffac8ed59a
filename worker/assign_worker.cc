#include "worker/assign_worker.h"

#include <charconv>
#include <nlohmann/json.hpp>
#include <thread>

#include "pipeline/correction_json.h"
#include "worker/partition_registry.h"

namespace storyfuse {

namespace {

// How often a replacement assigner asks for the store's writer lock.
constexpr std::chrono::milliseconds kLockPoll{200};
constexpr const char* kNextSeqState = "assign:next_seq";
// Entries a replacement takes over in its one claim: more than a dead
// assigner can hold pending (its batch, the lag window, default 5,000, and
// copies redelivered by extract workers).
constexpr int kTakeOverCount = 1000000;
// Articles settled together when a message names no batch: `ingest`'s
// default --batch.
constexpr int64_t kDefaultSettleBatch = 200;

}  // namespace

Result<std::unique_ptr<AssignWorker>> AssignWorker::Open(const WorkerConfig& config) {
  std::unique_ptr<AssignWorker> w(new AssignWorker(config));
  STORYFUSE_ASSIGN_OR_RETURN(w->articles_, RedisStream::Connect(config.queue_url, kArticleStream));
  if (!config.partition.empty()) {
    // Before the store: a partition the trimmed stream can no longer
    // serve fails at once, naming why (worker/partition_registry.h).
    STORYFUSE_RETURN_IF_ERROR(DeclarePartition(w->articles_.get(), config.partition));
  }
  auto deadline = std::chrono::steady_clock::now() + config.claim_idle;
  for (;;) {
    // A killed predecessor's session may hold the writer lock a moment
    // longer. Each attempt takes a new epoch (StoryQueue).
    STORYFUSE_ASSIGN_OR_RETURN(w->queue_, StoryQueue::Open(config));
    StoryWriter::Options options;
    options.queue = w->queue_.get();
    options.revise_on_recover = false;
    Result<std::unique_ptr<StoreStoryRepository>> repo = StoreStoryRepository::Open(config.db_url, 0, options);
    if (repo.ok()) {
      w->repo_ = std::move(repo).value();
      break;
    }
    if (std::chrono::steady_clock::now() >= deadline) return repo.status();
    std::this_thread::sleep_for(kLockPoll);
  }
  STORYFUSE_ASSIGN_OR_RETURN(std::optional<std::string> next, w->queue_->store()->GetState(kNextSeqState));
  STORYFUSE_RETURN_IF_ERROR(w->queue_->store()->ForEachLineCount(
      [&](const PgStoryStore::LineCount& c) { w->memory_->AddCount(c.outlet, c.hash, c.count); }));
  if (next) std::from_chars(next->data(), next->data() + next->size(), w->next_seq_);
  STORYFUSE_RETURN_IF_ERROR(w->articles_->CreateGroup(w->group_));
  STORYFUSE_RETURN_IF_ERROR(w->articles_->SetKey(AssignNextKeyOf(config), std::to_string(w->next_seq_)));
  return w;
}

Result<int> AssignWorker::RunOnce() {
  std::vector<StreamEntry> entries;
  if (!claimed_) {
    // The one assigner: every pending entry is a dead predecessor's; one
    // claim takes them all.
    STORYFUSE_ASSIGN_OR_RETURN(
        entries, articles_->Claim(group_, config_.consumer, std::chrono::milliseconds(0), kTakeOverCount));
    claimed_ = true;
    metrics_.AddRedelivered(static_cast<int64_t>(entries.size()));
  }
  if (entries.empty()) {
    STORYFUSE_ASSIGN_OR_RETURN(entries, articles_->ReadGroup(group_, config_.consumer, config_.batch, config_.block));
  }
  std::vector<std::string> stale;  // entries of numbers taken already (a redelivery)
  for (StreamEntry& e : entries) {
    Result<ArticleMessage> m = ArticleMessage::Decode(e);
    if (!m.ok()) {
      metrics_.AddErrors(1);  // another version's entry: left pending for an assigner that reads it
      continue;
    }
    if (skipped_.erase(m->seq)) {
      // Given up on, then arrived: stored late (out of input order) rather than lost.
      ApplyBoilerplate(&*m);
      if (!m->rejected && Mine(*m)) STORYFUSE_RETURN_IF_ERROR(repo_->IngestArticles({m->article}).status());
      stale.push_back(e.id);
      metrics_.AddBatch(1, std::chrono::steady_clock::duration::zero());
      continue;
    }
    if (auto it = held_.find(m->seq); it != held_.end() && it->second.entry_id == e.id) {
      continue;  // claimed again while held: it stays pending until processed
    }
    if (m->seq < next_seq_ || held_.count(m->seq)) {
      stale.push_back(e.id);  // taken already, or a second copy (a redelivered extract)
      continue;
    }
    held_[m->seq] = {std::move(m).value(), e.id};
  }

  STORYFUSE_RETURN_IF_ERROR(articles_->Ack(group_, stale, DeleteOnAck()).status());
  if (!stale.empty() && !DeleteOnAck()) {
    // A redelivered copy acknowledged after the last checkpoint would
    // otherwise stay until the next one, which may never come.
    STORYFUSE_RETURN_IF_ERROR(TrimArticles(articles_.get()).status());
  }
  STORYFUSE_RETURN_IF_ERROR(ProcessReady());
  Result<int64_t> waiting = articles_->Length();
  Result<int64_t> pending = articles_->Pending(group_);
  if (waiting.ok() && pending.ok()) metrics_.SetLag(*waiting, *pending);
  return static_cast<int>(entries.size());
}

Status AssignWorker::ProcessReady() {
  if (flush_due_) STORYFUSE_RETURN_IF_ERROR(Flush());  // it failed last time (a lost engine)
  if (!held_.empty() && held_.begin()->first != next_seq_ &&
      std::chrono::steady_clock::now() - last_progress_ > config_.gap_timeout) {
    // A number never published (its producer died after numbering it).
    metrics_.AddErrors(held_.begin()->first - next_seq_);
    for (; next_seq_ < held_.begin()->first; ++next_seq_) skipped_.insert(next_seq_);
  }
  bool took = false;
  while (!held_.empty() && held_.begin()->first == next_seq_) {
    Held h = std::move(held_.begin()->second);
    held_.erase(held_.begin());
    ++next_seq_;
    took = true;
    batch_entries_.push_back(h.entry_id);
    if (!h.message.editor.empty()) {
      // An editor's correction: after the articles before it, as
      // `correct` between two `ingest` runs.
      correction_ = std::move(h.message.editor);
      flush_due_ = true;
      STORYFUSE_RETURN_IF_ERROR(Flush());
      continue;
    }
    // Another partition's article still teaches the boilerplate memory,
    // which follows the whole input as one assigner's does.
    ApplyBoilerplate(&h.message);
    if (!h.message.rejected && Mine(h.message)) {
      batch_.push_back(std::move(h.message.article));
    } else if (!h.message.rejected) {
      // An article routed nowhere: its extract worker runs without
      // --partition-months. Counted, so /metrics shows the misconfiguration.
      if (h.message.partition.empty()) metrics_.AddErrors(1);
      ++passed_over_;  // still counts toward the batch: settles fall where one assigner's do
    }
    int64_t size = h.message.batch > 0 ? h.message.batch : kDefaultSettleBatch;
    if (static_cast<int64_t>(batch_.size()) + passed_over_ >= size || h.message.last) {
      flush_due_ = true;
      STORYFUSE_RETURN_IF_ERROR(Flush());
    }
  }
  if (took) {
    // The extract workers' lag window counts from what is taken.
    STORYFUSE_RETURN_IF_ERROR(articles_->SetKey(AssignNextKeyOf(config_), std::to_string(next_seq_)));
    last_progress_ = std::chrono::steady_clock::now();
  }
  if (held_.empty()) last_progress_ = std::chrono::steady_clock::now();
  return Status::Ok();
}

void AssignWorker::ApplyBoilerplate(ArticleMessage* m) {
  // Whichever way below, the memory learns exactly these lines.
  if (m->boilerplate.cleaned && !m->boilerplate.learn_outlet.empty()) {
    for (uint64_t h : m->boilerplate.lines) ++learned_[{m->boilerplate.learn_outlet, h}];
  }
  // A rejected document is rejected with any memory (the step never drops
  // every line): it only teaches it.
  if (m->rejected || !memory_->WouldDrop(m->boilerplate)) {
    memory_->Learn(m->boilerplate);
    return;
  }
  if (!m->doc) {  // an extract worker that did not send it: cleaned without the memory's evidence
    metrics_.AddErrors(1);
    memory_->Learn(m->boilerplate);
    return;
  }
  // As StoryPipeline::Extract, with the memory as of this article.
  Result<Article> a = recleaner_.Extract(*m->doc);
  if (!a.ok()) {
    metrics_.AddErrors(1);
    return;
  }
  StoryPipeline::CutToLimit(&*a);
  m->article = std::move(a).value();
  metrics_.AddRecleaned(1);
}

Status AssignWorker::Flush() {
  auto start = std::chrono::steady_clock::now();
  int reconnects = queue_->store()->connection().reconnects();
  // The same steps as in-process ingest, for the same batch: store,
  // cluster, settle (revise, log, enqueue the changed stories).
  if (!batch_.empty()) STORYFUSE_RETURN_IF_ERROR(repo_->IngestArticles(batch_).status());
  if (!correction_.empty()) {
    // Applied by the same writer as `correct` (logged, kept as a
    // constraint, its stories enqueued). A refused one (an unknown id, or
    // nothing to change: also a redelivered one applied already) is counted.
    Result<StoryCorrection> c = CorrectionFromJson(nlohmann::json::parse(correction_, nullptr, false));
    Result<std::vector<ArticleMove>> moves = c.ok() ? repo_->Correct(*c) : Result<std::vector<ArticleMove>>(c.status());
    if (!moves.ok()) {
      if (moves.status().code() == Status::Code::kIoError) return moves.status();
      metrics_.AddErrors(1);
    }
  }
  // The checkpoint follows the enqueued stories: a crash before it redoes
  // the batch (idempotently), never skips it.
  {
    // The memory's new counts commit with the checkpoint: a replacement
    // loads the memory as of the batches it will not see again.
    std::vector<PgStoryStore::LineCount> counts;
    for (const auto& [key, n] : learned_) counts.push_back({key.first, key.second, n});
    STORYFUSE_ASSIGN_OR_RETURN(std::unique_ptr<StoreTransaction> tx, queue_->store()->Begin());
    STORYFUSE_RETURN_IF_ERROR(queue_->store()->AddLineCounts(counts));
    STORYFUSE_RETURN_IF_ERROR(queue_->store()->PutState(kNextSeqState, std::to_string(next_seq_)));
    STORYFUSE_RETURN_IF_ERROR(tx->Commit());
    learned_.clear();
  }
  if (queue_->store()->connection().reconnects() != reconnects) {
    // The server went away meanwhile (a restart ends every session): the
    // writer's session lost its lock, and a statement may have been cut
    // short. Nothing is acknowledged; the caller opens a new assigner,
    // which recovers from what was committed.
    return Status::IoError("postgresql: the session was lost mid-batch; the assigner must start over");
  }
  STORYFUSE_RETURN_IF_ERROR(articles_->Ack(group_, batch_entries_, DeleteOnAck()).status());
  if (!DeleteOnAck()) {
    // Nobody deletes a shared entry: the assigner that acknowledges last
    // trims what every partition is done with.
    STORYFUSE_RETURN_IF_ERROR(TrimArticles(articles_.get()).status());
  }
  metrics_.AddBatch(static_cast<int64_t>(batch_entries_.size()), std::chrono::steady_clock::now() - start);
  batch_.clear();
  passed_over_ = 0;
  batch_entries_.clear();
  correction_.clear();
  flush_due_ = false;
  return Status::Ok();
}

Result<bool> AssignWorker::Drained() {
  if (!config_.partition.empty()) {
    // The entries stay for the other partitions' groups: drained is
    // nothing pending in this one (asked after reads found nothing new).
    STORYFUSE_ASSIGN_OR_RETURN(int64_t pending, articles_->Pending(group_));
    return pending == 0 && held_.empty() && batch_entries_.empty();
  }
  STORYFUSE_ASSIGN_OR_RETURN(int64_t n, articles_->Length());
  return n == 0 && held_.empty() && batch_entries_.empty();
}

}  // namespace storyfuse
