#include "worker/assign_worker.h"

#include <charconv>
#include <nlohmann/json.hpp>
#include <thread>

#include "pipeline/story_writer.h"

namespace storyfuse {

using nlohmann::json;

namespace {

// How often a producer held back by the story stream's bound looks again.
constexpr std::chrono::milliseconds kBoundPoll{20};
constexpr std::chrono::hours kWaitForever{24 * 365};
// How often a replacement assigner asks for the store's writer lock.
constexpr std::chrono::milliseconds kLockPoll{200};
constexpr const char* kNextSeqState = "assign:next_seq";
// Entries a replacement takes over in its one claim: more than a dead
// assigner can hold pending (the lag window, default 5,000, plus copies
// redelivered by extract workers).
constexpr int kTakeOverCount = 1000000;

}  // namespace

StreamFields StoryMessage(const std::string& story_id, int64_t rev) {
  return {{"v", "1"}, {"story", story_id}, {"rev", std::to_string(rev)}};
}

Result<std::unique_ptr<AssignWorker>> AssignWorker::Open(const WorkerConfig& config) {
  std::unique_ptr<AssignWorker> w(new AssignWorker(config));
  STORYFUSE_ASSIGN_OR_RETURN(w->store_, PgStoryStore::Open(config.db_url));
  auto deadline = std::chrono::steady_clock::now() + config.claim_idle;
  while (true) {
    Status st = w->store_->LockWriter();
    if (st.ok()) break;
    if (std::chrono::steady_clock::now() >= deadline) return st;
    std::this_thread::sleep_for(kLockPoll);
  }
  STORYFUSE_ASSIGN_OR_RETURN(w->articles_, RedisStream::Connect(config.queue_url, kArticleStream));
  STORYFUSE_ASSIGN_OR_RETURN(w->stories_, RedisStream::Connect(config.queue_url, kStoryStream));
  STORYFUSE_RETURN_IF_ERROR(w->articles_->CreateGroup(kAssignGroup));
  STORYFUSE_RETURN_IF_ERROR(w->stories_->CreateGroup(kBriefGroup));
  STORYFUSE_RETURN_IF_ERROR(w->Recover());
  return w;
}

Status AssignWorker::Recover() {
  STORYFUSE_ASSIGN_OR_RETURN(std::optional<std::string> next, store_->GetState(kNextSeqState));
  if (next) std::from_chars(next->data(), next->data() + next->size(), next_seq_);
  // The index is a function of the stored articles in first-stored order:
  // replaying them rebuilds it, story numbers included.
  STORYFUSE_ASSIGN_OR_RETURN(std::vector<std::string> ids, store_->ArticleIds());
  for (const std::string& id : ids) {
    STORYFUSE_ASSIGN_OR_RETURN(std::optional<StoredArticle> a, store_->Get(id));
    if (a) pipeline_.Cluster(a->article);
  }
  SettledStories settled = pipeline_.Settle();  // marks every story known
  // Stories a dead assigner's merge removed but did not delete.
  STORYFUSE_ASSIGN_OR_RETURN(std::vector<std::string> stored, store_->StoryIds());
  SettledStories repair;
  for (const std::string& sid : stored) {
    if (!settled.changed.count(sid)) repair.removed.push_back(sid);
  }
  if (!repair.removed.empty()) STORYFUSE_RETURN_IF_ERROR(WriteStories(repair, next_seq_ - 1));
  return articles_->SetKey(kAssignNextKey, std::to_string(next_seq_));
}

Result<int> AssignWorker::RunOnce() {
  std::vector<StreamEntry> entries;
  bool redelivered = false;
  if (!claimed_) {
    // The one assigner: every pending entry is a dead predecessor's; one
    // claim takes them all (at most the lag window plus redeliveries).
    STORYFUSE_ASSIGN_OR_RETURN(
        entries, articles_->Claim(kAssignGroup, config_.consumer, std::chrono::milliseconds(0), kTakeOverCount));
    claimed_ = true;
    redelivered = true;
    metrics_.AddRedelivered(static_cast<int64_t>(entries.size()));
  }
  if (entries.empty()) {
    redelivered = false;
    STORYFUSE_ASSIGN_OR_RETURN(entries,
                               articles_->ReadGroup(kAssignGroup, config_.consumer, config_.batch, config_.block));
  }
  std::vector<std::string> stale;  // entries of numbers done already (a redelivery)
  for (StreamEntry& e : entries) {
    Result<ArticleMessage> m = ArticleMessage::Decode(e);
    if (!m.ok()) {
      metrics_.AddErrors(1);  // another version's entry: left pending for an assigner that reads it
      continue;
    }
    if (skipped_.erase(m->seq)) {
      // Given up on, then arrived: stored late (out of input order) rather than lost.
      Held late{std::move(m).value(), e.id, redelivered};
      STORYFUSE_RETURN_IF_ERROR(StoreOne(late, StoryStore::NowUtc()));
      STORYFUSE_RETURN_IF_ERROR(WriteStories(pipeline_.Settle(), next_seq_ - 1));
      stale.push_back(e.id);
      continue;
    }
    if (auto it = held_.find(m->seq); it != held_.end() && it->second.entry_id == e.id) {
      continue;  // claimed again while held: it stays pending until processed
    }
    if (m->seq < next_seq_ || held_.count(m->seq)) {
      stale.push_back(e.id);  // done already, or a second copy (a redelivered extract)
      continue;
    }
    held_[m->seq] = {std::move(m).value(), e.id, redelivered};
  }

  STORYFUSE_RETURN_IF_ERROR(articles_->Ack(kAssignGroup, stale, /*delete_entries=*/true).status());
  STORYFUSE_RETURN_IF_ERROR(ProcessReady());
  Result<int64_t> waiting = articles_->Length();
  Result<int64_t> pending = articles_->Pending(kAssignGroup);
  if (waiting.ok() && pending.ok()) metrics_.SetLag(*waiting, *pending);
  return static_cast<int>(entries.size());
}

Status AssignWorker::ProcessReady() {
  if (!held_.empty() && held_.begin()->first != next_seq_ &&
      std::chrono::steady_clock::now() - last_progress_ > config_.gap_timeout) {
    // A number never published (its producer died after numbering it).
    metrics_.AddErrors(held_.begin()->first - next_seq_);
    for (; next_seq_ < held_.begin()->first; ++next_seq_) skipped_.insert(next_seq_);
  }
  while (!held_.empty() && held_.begin()->first == next_seq_) {
    auto start = std::chrono::steady_clock::now();
    std::string now = StoryStore::NowUtc();
    std::vector<std::string> entry_ids;
    // The same steps as StoryWriter::StoreOne, in input order.
    while (!held_.empty() && held_.begin()->first == next_seq_ &&
           entry_ids.size() < static_cast<size_t>(config_.batch)) {
      Held& h = held_.begin()->second;
      STORYFUSE_RETURN_IF_ERROR(StoreOne(h, now));
      entry_ids.push_back(h.entry_id);
      held_.erase(held_.begin());
      ++next_seq_;
    }
    STORYFUSE_RETURN_IF_ERROR(WriteStories(pipeline_.Settle(), next_seq_ - 1));
    // The checkpoint follows the published stories: a crash before it
    // redoes the batch (idempotently), never skips it.
    STORYFUSE_RETURN_IF_ERROR(store_->PutState(kNextSeqState, std::to_string(next_seq_)));
    STORYFUSE_RETURN_IF_ERROR(articles_->SetKey(kAssignNextKey, std::to_string(next_seq_)));
    STORYFUSE_RETURN_IF_ERROR(articles_->Ack(kAssignGroup, entry_ids, /*delete_entries=*/true).status());
    metrics_.AddBatch(static_cast<int64_t>(entry_ids.size()), std::chrono::steady_clock::now() - start);
    last_progress_ = std::chrono::steady_clock::now();
  }
  if (held_.empty()) last_progress_ = std::chrono::steady_clock::now();
  return Status::Ok();
}

Status AssignWorker::StoreOne(const Held& h, const std::string& now) {
  if (h.message.rejected) return Status::Ok();
  STORYFUSE_ASSIGN_OR_RETURN(StoryStore::PutResult put, store_->Put(h.message.article, now));
  switch (put.outcome) {
    case StoryStore::PutOutcome::kInserted:
      pipeline_.Cluster(h.message.article);
      break;
    case StoryStore::PutOutcome::kUpdated:
      pipeline_.Touch(put.id);
      break;
    case StoryStore::PutOutcome::kUnchanged:
    case StoryStore::PutOutcome::kDuplicate:
      // Stored by a predecessor that died before acknowledging: its story
      // may not have been linked or published.
      if (h.redelivered) pipeline_.Touch(put.id);
      break;
  }
  return Status::Ok();
}

Status AssignWorker::WriteStories(const SettledStories& settled, int64_t rev) {
  {
    // Links and member lists of all changed stories, and the deletions,
    // commit together: a brief worker never sees half a merge.
    STORYFUSE_ASSIGN_OR_RETURN(std::unique_ptr<StoreTransaction> tx, store_->Begin());
    for (const auto& [sid, ids] : settled.changed) {
      std::vector<StoredArticle> members;
      STORYFUSE_RETURN_IF_ERROR(
          LinkStoryMembers(
              store_.get(), sid, ids, [this](const std::string& id) { return pipeline_.CopyOf(id); }, &members)
              .status());
      json list = json::array();
      for (const StoredArticle& m : members) {
        ArticleLinks l = pipeline_.LinksOf(m.article.id);
        list.push_back({m.article.id, l.copy_of, l.origin});
      }
      STORYFUSE_RETURN_IF_ERROR(store_->PutState(
          "members:" + sid,
          json{{"rev", rev}, {"members", std::move(list)}}.dump(-1, ' ', false, json::error_handler_t::replace)));
    }
    for (const std::string& sid : settled.removed) {
      STORYFUSE_RETURN_IF_ERROR(store_->DeleteStory(sid));
      STORYFUSE_RETURN_IF_ERROR(store_->DeleteState("members:" + sid));
    }
    STORYFUSE_RETURN_IF_ERROR(tx->Commit());
  }
  for (const auto& [sid, ids] : settled.changed) {
    STORYFUSE_RETURN_IF_ERROR(stories_->WaitBelow(config_.story_bound, kBoundPoll, kWaitForever).status());
    STORYFUSE_RETURN_IF_ERROR(stories_->Add(StoryMessage(sid, rev)).status());
  }
  return Status::Ok();
}

Result<bool> AssignWorker::Drained() {
  STORYFUSE_ASSIGN_OR_RETURN(int64_t n, articles_->Length());
  return n == 0 && held_.empty();
}

}  // namespace storyfuse
