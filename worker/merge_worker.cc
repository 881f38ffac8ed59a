#include "worker/merge_worker.h"

#include <nlohmann/json.hpp>
#include <thread>

#include "cluster/story_linker.h"

namespace storyfuse {

namespace {

constexpr const char* kLinkPrefix = "partition_links:";
constexpr const char* kNextSeqState = "assign:next_seq";  // AssignWorker's checkpoint

// Adds every stored article of `store` to `linker` with its story.
Status AddPartition(PgStoryStore* store, StoryLinker::Side side, StoryLinker* linker) {
  STORYFUSE_ASSIGN_OR_RETURN(std::vector<std::string> ids, store->ArticleIds());
  for (const std::string& id : ids) {
    STORYFUSE_ASSIGN_OR_RETURN(std::optional<StoredArticle> a, store->Get(id));
    if (a) linker->Add(a->article, side, a->story_id);
  }
  return Status::Ok();
}

std::string LinksValue(const std::vector<StoryLink>& links, bool later_side) {
  nlohmann::json out = nlohmann::json::array();
  for (const StoryLink& l : links) {
    out.push_back(later_side ? nlohmann::json{l.later, l.earlier, l.score}
                             : nlohmann::json{l.earlier, l.later, l.score});
  }
  return out.dump();
}

}  // namespace

std::string PartitionLinkKey(const std::string& partner) { return kLinkPrefix + partner; }

Result<std::vector<PartitionLink>> ParseLinks(const std::string& partner, const std::string& value) {
  nlohmann::json j = nlohmann::json::parse(value, nullptr, /*allow_exceptions=*/false);
  if (!j.is_array()) return Status::InvalidArgument("partition links for " + partner + ": not a JSON array");
  std::vector<PartitionLink> out;
  for (const nlohmann::json& row : j) {
    if (!row.is_array() || row.size() != 3 || !row[0].is_string() || !row[1].is_string() || !row[2].is_number()) {
      return Status::InvalidArgument("partition links for " + partner + ": a row is not [story, story, score]");
    }
    out.push_back(PartitionLink{row[0].get<std::string>(), partner, row[1].get<std::string>(), row[2].get<double>()});
  }
  return out;
}

Result<std::vector<PartitionLink>> ReadPartitionLinks(PgStoryStore* store) {
  std::vector<PartitionLink> out;
  STORYFUSE_ASSIGN_OR_RETURN(std::vector<std::string> keys, store->StateKeys(kLinkPrefix));
  for (const std::string& key : keys) {
    STORYFUSE_ASSIGN_OR_RETURN(std::optional<std::string> value, store->GetState(key));
    if (!value) continue;  // replaced meanwhile
    STORYFUSE_ASSIGN_OR_RETURN(std::vector<PartitionLink> links,
                               ParseLinks(key.substr(std::string(kLinkPrefix).size()), *value));
    out.insert(out.end(), links.begin(), links.end());
  }
  return out;
}

Result<std::unique_ptr<MergeWorker>> MergeWorker::Open(const WorkerConfig& config) {
  if (config.partition.empty() || config.merge_with_partition.empty() || config.merge_with_db.empty()) {
    return Status::InvalidArgument(
        "the merge role needs --partition (the later partition, with its --db) and --merge-with "
        "EARLIER_KEY=EARLIER_URL");
  }
  std::unique_ptr<MergeWorker> w(new MergeWorker(config));
  STORYFUSE_ASSIGN_OR_RETURN(w->later_, PgStoryStore::Open(config.db_url));
  STORYFUSE_ASSIGN_OR_RETURN(w->earlier_, PgStoryStore::Open(config.merge_with_db));
  return w;
}

Result<std::pair<std::string, std::string>> MergeWorker::Checkpoints() {
  STORYFUSE_ASSIGN_OR_RETURN(std::optional<std::string> e, earlier_->GetState(kNextSeqState));
  STORYFUSE_ASSIGN_OR_RETURN(std::optional<std::string> l, later_->GetState(kNextSeqState));
  return std::make_pair(e.value_or(""), l.value_or(""));
}

Result<int> MergeWorker::RunOnce() {
  STORYFUSE_ASSIGN_OR_RETURN(auto at, Checkpoints());
  if (linked_at_ == at) {
    std::this_thread::sleep_for(config_.block);
    return 0;
  }
  auto start = std::chrono::steady_clock::now();
  StoryLinker linker;
  STORYFUSE_RETURN_IF_ERROR(AddPartition(earlier_.get(), StoryLinker::kEarlier, &linker));
  STORYFUSE_RETURN_IF_ERROR(AddPartition(later_.get(), StoryLinker::kLater, &linker));
  std::vector<StoryLink> links = linker.Links();
  STORYFUSE_RETURN_IF_ERROR(earlier_->PutState(PartitionLinkKey(config_.partition), LinksValue(links, false)));
  STORYFUSE_RETURN_IF_ERROR(later_->PutState(PartitionLinkKey(config_.merge_with_partition), LinksValue(links, true)));
  linked_at_ = at;
  metrics_.AddBatch(static_cast<int64_t>(linker.compared()), std::chrono::steady_clock::now() - start);
  return static_cast<int>(links.size()) + 1;
}

Result<bool> MergeWorker::Drained() {
  STORYFUSE_ASSIGN_OR_RETURN(auto at, Checkpoints());
  return linked_at_ == at;
}

}  // namespace storyfuse
