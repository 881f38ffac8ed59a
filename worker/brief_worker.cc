#include "worker/brief_worker.h"

#include <set>

#include "pipeline/story_build.h"
#include "worker/story_queue.h"

namespace storyfuse {

namespace {

// A story rebuilt this many times in one call (the assigner kept changing
// it while it was built) is left for its next message.
constexpr int kMaxRebuilds = 8;

}  // namespace

Result<std::unique_ptr<BriefWorker>> BriefWorker::Open(const WorkerConfig& config) {
  std::unique_ptr<BriefWorker> w(new BriefWorker(config));
  STORYFUSE_ASSIGN_OR_RETURN(w->store_, PgStoryStore::Open(config.db_url));
  STORYFUSE_ASSIGN_OR_RETURN(w->stories_, RedisStream::Connect(config.queue_url, StoryStreamOf(config)));
  STORYFUSE_RETURN_IF_ERROR(w->stories_->CreateGroup(kBriefGroup));
  return w;
}

Result<int> BriefWorker::RunOnce() {
  STORYFUSE_ASSIGN_OR_RETURN(std::vector<StreamEntry> entries,
                             stories_->Claim(kBriefGroup, config_.consumer, config_.claim_idle, config_.batch));
  metrics_.AddRedelivered(static_cast<int64_t>(entries.size()));
  if (entries.empty()) {
    STORYFUSE_ASSIGN_OR_RETURN(entries,
                               stories_->ReadGroup(kBriefGroup, config_.consumer, config_.batch, config_.block));
  }
  auto start = std::chrono::steady_clock::now();
  std::vector<std::string> done;
  std::set<std::string> built;  // a batch often names a story more than once
  for (const StreamEntry& e : entries) {
    std::string sid = e.Field("story");
    if (e.Field("v") != "1" || sid.empty()) {
      metrics_.AddErrors(1);  // another version's entry: left pending
      continue;
    }
    if (built.insert(sid).second) STORYFUSE_RETURN_IF_ERROR(Build(sid));
    done.push_back(e.id);
  }
  STORYFUSE_RETURN_IF_ERROR(stories_->Ack(kBriefGroup, done, /*delete_entries=*/true).status());
  metrics_.AddBatch(static_cast<int64_t>(done.size()), std::chrono::steady_clock::now() - start);
  Result<int64_t> waiting = stories_->Length();
  Result<int64_t> pending = stories_->Pending(kBriefGroup);
  if (waiting.ok() && pending.ok()) metrics_.SetLag(*waiting, *pending);
  return static_cast<int>(entries.size());
}

Status BriefWorker::Build(const std::string& sid) {
  // StoryWriter::BuildUntilCurrent's loop, with the assigner's member list
  // in place of the writer's generation.
  for (int attempt = 0; attempt < kMaxRebuilds; ++attempt) {
    STORYFUSE_ASSIGN_OR_RETURN(std::optional<std::string> state, store_->GetState("members:" + sid));
    if (!state) return Status::Ok();  // merged away: the assigner deleted it
    STORYFUSE_ASSIGN_OR_RETURN(QueuedStory queued, DecodeQueuedStory(sid, *state));
    STORYFUSE_ASSIGN_OR_RETURN(std::optional<std::string> built, store_->GetState("built:" + sid));
    if (built && *built == queued.rev) return Status::Ok();  // a redelivery, or another worker was first
    std::string now = StoryStore::NowUtc();
    STORYFUSE_ASSIGN_OR_RETURN(StoryWrite write, BuildStoryWrite(store_.get(), &pipeline_, queued.snapshot, now));
    STORYFUSE_ASSIGN_OR_RETURN(std::unique_ptr<StoreTransaction> tx, store_->Begin());
    // Locked until the commit: the assigner cannot replace or delete the
    // list meanwhile, so only the current list's brief is ever stored.
    STORYFUSE_ASSIGN_OR_RETURN(std::optional<std::string> current, store_->LockState("members:" + sid));
    if (!current) return Status::Ok();  // deleted while it was built (the transaction rolls back)
    STORYFUSE_ASSIGN_OR_RETURN(QueuedStory now_queued, DecodeQueuedStory(sid, *current));
    if (now_queued.rev != queued.rev) continue;  // changed while it was built: again, from the new list
    STORYFUSE_RETURN_IF_ERROR(CommitStoryWrite(store_.get(), write, now));
    // The stories it replaced kept their last brief until now (a reader of
    // their id gets this one from here on: worker/story_queue.h); one that
    // has a member list again is a new story of that id, not theirs.
    for (const std::string& old : queued.retires) {
      STORYFUSE_ASSIGN_OR_RETURN(std::optional<std::string> again, store_->GetState("members:" + old));
      if (!again) STORYFUSE_RETURN_IF_ERROR(store_->DeleteStory(old));
    }
    STORYFUSE_RETURN_IF_ERROR(store_->PutState("built:" + sid, queued.rev));
    return tx->Commit();
  }
  metrics_.AddErrors(1);
  return Status::Ok();
}

Result<bool> BriefWorker::Drained() {
  STORYFUSE_ASSIGN_OR_RETURN(int64_t n, stories_->Length());
  return n == 0;
}

}  // namespace storyfuse
