#include "worker/story_queue.h"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "pipeline/story_writer.h"

namespace storyfuse {

using nlohmann::json;

namespace {

// How often a producer held back by the story stream's bound looks again.
constexpr std::chrono::milliseconds kBoundPoll{20};
constexpr std::chrono::hours kWaitForever{24 * 365};
constexpr const char* kEpochState = "assign:epoch";

std::vector<std::string> IdsOf(const StorySnapshot& s) {
  std::vector<std::string> ids;
  for (const MemberLinks& m : s.members) ids.push_back(m.article_id);
  return ids;
}

}  // namespace

StreamFields StoryMessage(const std::string& story_id, const std::string& rev) {
  return {{"v", "1"}, {"story", story_id}, {"rev", rev}};
}

std::string EncodeQueuedStory(const QueuedStory& q) {
  json members = json::array();
  for (const MemberLinks& m : q.snapshot.members) members.push_back({m.article_id, m.copy_of, m.origin});
  json j{{"rev", q.rev}, {"version", q.snapshot.version}, {"members", std::move(members)}};
  if (!q.retires.empty()) j["retires"] = q.retires;
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<QueuedStory> DecodeQueuedStory(const std::string& story_id, const std::string& value) {
  json j = json::parse(value, nullptr, false);
  auto bad = [&] { return Status::InvalidArgument("members:" + story_id + ": malformed member list"); };
  if (!j.is_object() || !j.contains("rev") || !j["rev"].is_string() || !j.contains("members") ||
      !j["members"].is_array())
    return bad();
  QueuedStory q;
  q.rev = j["rev"].get<std::string>();
  q.snapshot.id = story_id;
  q.snapshot.version = j.value("version", int64_t{0});
  for (const json& m : j["members"]) {
    if (!m.is_array() || m.size() != 3 || !m[0].is_string() || !m[1].is_string() || !m[2].is_string()) return bad();
    q.snapshot.members.push_back({m[0].get<std::string>(), m[1].get<std::string>(), m[2].get<std::string>()});
  }
  if (j.contains("retires")) {
    if (!j["retires"].is_array()) return bad();
    for (const json& r : j["retires"]) {
      if (!r.is_string()) return bad();
      q.retires.push_back(r.get<std::string>());
    }
  }
  return q;
}

Result<std::unique_ptr<StoryQueue>> StoryQueue::Open(const WorkerConfig& config) {
  std::unique_ptr<StoryQueue> q(new StoryQueue(config));
  STORYFUSE_ASSIGN_OR_RETURN(q->store_, PgStoryStore::Open(config.db_url));
  STORYFUSE_ASSIGN_OR_RETURN(q->stories_, RedisStream::Connect(config.queue_url, StoryStreamOf(config)));
  STORYFUSE_RETURN_IF_ERROR(q->stories_->CreateGroup(kBriefGroup));
  STORYFUSE_ASSIGN_OR_RETURN(q->epoch_, q->store_->IncrementState(kEpochState));
  return q;
}

Result<std::optional<StoryQueue::Last>> StoryQueue::LastOf(const std::string& sid) {
  if (auto it = last_.find(sid); it != last_.end()) return std::optional<Last>(it->second);
  std::optional<Last> last;
  STORYFUSE_ASSIGN_OR_RETURN(std::optional<std::string> state, store_->GetState("members:" + sid));
  if (state) {
    STORYFUSE_ASSIGN_OR_RETURN(QueuedStory q, DecodeQueuedStory(sid, *state));
    last = Last{q.snapshot.version, IdsOf(q.snapshot)};
  }
  // A brief committed without this queue (`correct`, `serve --check`
  // while no assigner ran) may be newer than the list.
  STORYFUSE_ASSIGN_OR_RETURN(std::optional<StoredStory> stored, store_->GetStory(sid));
  if (stored && (!last || stored->version > last->version))
    last = Last{stored->version, BriefArticleIds(stored->brief_json)};
  return last;
}

Result<std::vector<std::string>> StoryQueue::Enqueued() {
  STORYFUSE_ASSIGN_OR_RETURN(std::vector<std::string> keys, store_->StateKeys("members:"));
  for (std::string& k : keys) k.erase(0, std::string_view("members:").size());
  return keys;
}

Result<std::vector<std::string>> StoryQueue::Unbuilt(const std::string& sid) {
  auto it = pending_.find(sid);
  if (it == pending_.end()) return std::vector<std::string>();
  Pending p = std::move(it->second);
  pending_.erase(it);
  STORYFUSE_ASSIGN_OR_RETURN(std::optional<std::string> built, store_->GetState("built:" + sid));
  if (built && *built == p.rev) return std::vector<std::string>();  // deleted by that build
  return p.retires;
}

Status StoryQueue::Enqueue(std::vector<StorySnapshot> stories, const std::vector<std::string>& removed) {
  std::vector<QueuedStory> queued;
  std::vector<std::string> gone;  // removed, with no queued story taking their articles
  {
    STORYFUSE_ASSIGN_OR_RETURN(std::unique_ptr<StoreTransaction> tx, store_->Begin());
    // Each removed story is retired by every queued story that took one of
    // its articles (the first of them built deletes it), with what it was
    // itself to retire: a chain of replacements ends in a built story.
    std::map<std::string, std::set<std::string>> retires;
    for (const std::string& sid : removed) {
      STORYFUSE_ASSIGN_OR_RETURN(std::optional<Last> last, LastOf(sid));
      STORYFUSE_ASSIGN_OR_RETURN(std::vector<std::string> carried, Unbuilt(sid));
      carried.push_back(sid);
      std::set<std::string> ids;
      if (last) ids.insert(last->ids.begin(), last->ids.end());
      bool taken = false;
      for (const StorySnapshot& s : stories) {
        if (std::none_of(s.members.begin(), s.members.end(),
                         [&](const MemberLinks& m) { return ids.count(m.article_id) > 0; }))
          continue;
        retires[s.id].insert(carried.begin(), carried.end());
        taken = true;
      }
      if (!taken) gone.insert(gone.end(), carried.begin(), carried.end());
    }
    // The member list first, then the story: a brief worker locks them in
    // that order too, so the two never wait on each other in a cycle.
    for (const std::string& sid : removed) {
      STORYFUSE_RETURN_IF_ERROR(store_->DeleteState("members:" + sid));
      STORYFUSE_RETURN_IF_ERROR(store_->DeleteState("built:" + sid));
    }
    for (StorySnapshot& s : stories) {
      STORYFUSE_ASSIGN_OR_RETURN(std::optional<Last> last, LastOf(s.id));
      STORYFUSE_ASSIGN_OR_RETURN(std::vector<std::string> carried, Unbuilt(s.id));
      std::vector<std::string> ids = IdsOf(s);
      s.version = last ? StoryVersion(true, last->version, last->ids, ids) : StoryVersion(false, 0, {}, ids);
      QueuedStory& q = queued.emplace_back();
      q.rev = std::to_string(epoch_) + "." + std::to_string(s.generation);
      std::set<std::string> r(carried.begin(), carried.end());
      if (auto it = retires.find(s.id); it != retires.end()) r.insert(it->second.begin(), it->second.end());
      r.erase(s.id);
      q.retires.assign(r.begin(), r.end());
      q.snapshot = std::move(s);
      STORYFUSE_RETURN_IF_ERROR(store_->PutState("members:" + q.snapshot.id, EncodeQueuedStory(q)));
    }
    for (const std::string& sid : gone) {
      if (std::none_of(queued.begin(), queued.end(), [&](const QueuedStory& q) { return q.snapshot.id == sid; }))
        STORYFUSE_RETURN_IF_ERROR(store_->DeleteStory(sid));
    }
    STORYFUSE_RETURN_IF_ERROR(tx->Commit());
  }
  for (const std::string& sid : removed) last_.erase(sid);
  for (const QueuedStory& q : queued) {
    last_[q.snapshot.id] = {q.snapshot.version, IdsOf(q.snapshot)};
    if (!q.retires.empty()) pending_[q.snapshot.id] = {q.rev, q.retires};
  }
  for (const QueuedStory& q : queued) {
    STORYFUSE_RETURN_IF_ERROR(stories_->WaitBelow(config_.story_bound, kBoundPoll, kWaitForever).status());
    STORYFUSE_RETURN_IF_ERROR(stories_->Add(StoryMessage(q.snapshot.id, q.rev)).status());
  }
  return Status::Ok();
}

}  // namespace storyfuse
