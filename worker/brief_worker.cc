#include "worker/brief_worker.h"

#include <deque>
#include <nlohmann/json.hpp>
#include <set>

#include "pipeline/story_writer.h"
#include "worker/assign_worker.h"

namespace storyfuse {

using nlohmann::json;

namespace {

// A story rebuilt this many times in one call (other workers kept
// committing older revisions after it) is left for its next message.
constexpr int kMaxRebuilds = 8;

// The revision of a "members:" value ("" when none).
std::string RevOf(const std::optional<std::string>& state) {
  if (!state) return "";
  json j = json::parse(*state, nullptr, false);
  return j.is_object() ? std::to_string(j.value("rev", int64_t{0})) : "";
}

}  // namespace

Result<std::unique_ptr<BriefWorker>> BriefWorker::Open(const WorkerConfig& config) {
  std::unique_ptr<BriefWorker> w(new BriefWorker(config));
  STORYFUSE_ASSIGN_OR_RETURN(w->store_, PgStoryStore::Open(config.db_url));
  STORYFUSE_ASSIGN_OR_RETURN(w->stories_, RedisStream::Connect(config.queue_url, kStoryStream));
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

Status BriefWorker::Build(const std::string& first) {
  std::deque<std::string> work = {first};
  for (int round = 0; !work.empty() && round < kMaxRebuilds * 4; ++round) {
    std::string sid = work.front();
    work.pop_front();
    for (int attempt = 0; attempt < kMaxRebuilds; ++attempt) {
      STORYFUSE_ASSIGN_OR_RETURN(std::optional<std::string> state, store_->GetState("members:" + sid));
      if (!state) {
        // Merged away: the assigner deleted it; a build of ours that
        // committed after that brought it back, so delete it again.
        STORYFUSE_ASSIGN_OR_RETURN(std::optional<StoredStory> stale, store_->GetStory(sid));
        if (stale) {
          for (const std::string& id : BriefArticleIds(stale->brief_json)) {
            STORYFUSE_ASSIGN_OR_RETURN(std::optional<StoredArticle> a, store_->Get(id));
            if (a && !a->story_id.empty() && a->story_id != sid) work.push_back(a->story_id);
          }
          STORYFUSE_RETURN_IF_ERROR(store_->DeleteStory(sid));
        }
        break;
      }
      std::string rev = RevOf(state);
      STORYFUSE_ASSIGN_OR_RETURN(std::optional<std::string> built, store_->GetState("built:" + sid));
      if (built && *built == rev) break;  // up to date: a redelivery, or another worker was first
      json list = json::parse(*state, nullptr, false);
      {
        STORYFUSE_ASSIGN_OR_RETURN(std::unique_ptr<StoreTransaction> tx, store_->Begin());
        std::vector<StoredArticle> members;
        std::vector<ArticleLinks> links;
        for (const json& m : list.value("members", json::array())) {
          if (!m.is_array() || m.size() != 3) continue;
          STORYFUSE_ASSIGN_OR_RETURN(std::optional<StoredArticle> a, store_->Get(m[0].get<std::string>()));
          if (!a) continue;
          members.push_back(std::move(*a));
          links.push_back({m[1].get<std::string>(), m[2].get<std::string>()});
        }
        STORYFUSE_RETURN_IF_ERROR(WriteStoryBrief(store_.get(), &pipeline_, sid, members, links, StoryStore::NowUtc()));
        STORYFUSE_RETURN_IF_ERROR(store_->PutState("built:" + sid, rev));
        STORYFUSE_RETURN_IF_ERROR(tx->Commit());
      }
      // After the commit: if the list moved on meanwhile, build again (the
      // last committer always looks, so the last brief is the newest).
      STORYFUSE_ASSIGN_OR_RETURN(std::optional<std::string> now_state, store_->GetState("members:" + sid));
      if (RevOf(now_state) == rev) break;
    }
  }
  return Status::Ok();
}

Result<bool> BriefWorker::Drained() {
  STORYFUSE_ASSIGN_OR_RETURN(int64_t n, stories_->Length());
  return n == 0;
}

}  // namespace storyfuse
