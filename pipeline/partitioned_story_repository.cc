#include "pipeline/partitioned_story_repository.h"

#include <algorithm>

namespace storyfuse {

namespace {

using nlohmann::json;

bool SplitId(const std::string& global, std::string* key, std::string* story) {
  size_t at = global.find(PartitionedStoryRepository::kSeparator);
  if (at == std::string::npos || at == 0 || at + 1 == global.size()) return false;
  *key = global.substr(0, at);
  *story = global.substr(at + 1);
  return true;
}

}  // namespace

PartitionedStoryRepository::PartitionedStoryRepository(std::vector<Partition> partitions, LinkSource links)
    : partitions_(std::move(partitions)), link_source_(std::move(links)) {
  // Keys of one language sort in time order ("en.2031-01" < "en.2031-07"):
  // the earlier partition of a linked pair is the smaller key.
  std::sort(partitions_.begin(), partitions_.end(),
            [](const Partition& a, const Partition& b) { return a.key < b.key; });
}

std::string PartitionedStoryRepository::GlobalId(const std::string& key, const std::string& story) {
  return key + kSeparator + story;
}

StoryRepository* PartitionedStoryRepository::Find(const std::string& key) {
  for (Partition& p : partitions_) {
    if (p.key == key) return p.repo.get();
  }
  return nullptr;
}

std::shared_ptr<const PartitionedStoryRepository::LinkTable> PartitionedStoryRepository::Links() {
  std::lock_guard<std::mutex> lock(mu_);
  auto now = std::chrono::steady_clock::now();
  if (links_ && now - links_read_ < kLinkRefresh) return links_;
  auto table = std::make_shared<LinkTable>();
  if (link_source_) {
    Result<std::vector<CrossPartitionLink>> links = link_source_();
    // A partition's store unreachable for a moment: keep serving the last
    // table read rather than failing every request.
    if (!links.ok()) return links_ ? links_ : table;
    for (const CrossPartitionLink& l : *links) {
      if (!Find(l.partition) || !Find(l.partner)) continue;  // a partition this server does not serve
      std::string a = GlobalId(l.partition, l.story), b = GlobalId(l.partner, l.partner_story);
      std::vector<std::string>& pa = table->partners[a];
      if (std::find(pa.begin(), pa.end(), b) == pa.end()) pa.push_back(b);
      std::vector<std::string>& pb = table->partners[b];
      if (std::find(pb.begin(), pb.end(), a) == pb.end()) pb.push_back(a);
      if (l.partition < l.partner) {
        table->shown_as[b] = a;
      } else {
        table->shown_as[a] = b;
      }
    }
  }
  links_ = table;
  links_read_ = now;
  return links_;
}

Result<StoryList> PartitionedStoryRepository::ListStories(const StoryQuery& query) {
  std::shared_ptr<const LinkTable> links = Links();
  StoryList out;
  std::vector<StorySummary> all;
  for (Partition& p : partitions_) {
    StoryQuery q = query;
    q.offset = 0;
    // Enough rows to fill the page after the hidden partners are dropped.
    size_t hidden = 0;
    for (const auto& [id, shown] : links->shown_as) hidden += id.starts_with(p.key + kSeparator);
    q.limit = query.offset + query.limit + static_cast<int>(hidden);
    STORYFUSE_ASSIGN_OR_RETURN(StoryList page, p.repo->ListStories(q));
    out.total += page.total;
    for (StorySummary& s : page.stories) {
      s.id = GlobalId(p.key, s.id);
      if (links->shown_as.count(s.id)) {
        --out.total;
        continue;
      }
      all.push_back(std::move(s));
    }
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const StorySummary& a, const StorySummary& b) { return a.updated > b.updated; });
  for (size_t i = static_cast<size_t>(query.offset);
       i < all.size() && out.stories.size() < static_cast<size_t>(query.limit); ++i) {
    out.stories.push_back(std::move(all[i]));
  }
  return out;
}

Result<std::string> PartitionedStoryRepository::StoryBriefJson(const std::string& story_id) {
  std::string key, story;
  StoryRepository* repo = SplitId(story_id, &key, &story) ? Find(key) : nullptr;
  if (!repo) return Status::NotFound("no story " + story_id + " (ids here are PARTITION~STORY)");
  STORYFUSE_ASSIGN_OR_RETURN(std::string text, repo->StoryBriefJson(story));
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return Status::Corruption("story " + story_id + ": stored brief is not a JSON object");
  std::shared_ptr<const LinkTable> links = Links();
  // The id actually served (a merged-away id answers with its successor).
  std::string served = GlobalId(key, j.value("id", story));
  j["id"] = served;
  j["partition"] = key;
  auto it = links->partners.find(served);
  j["linked_stories"] = it == links->partners.end() ? json::array() : json(it->second);
  return j.dump();
}

Result<std::string> PartitionedStoryRepository::ArticleViewJson(const std::string& article_id) {
  for (Partition& p : partitions_) {
    Result<std::string> view = p.repo->ArticleViewJson(article_id);
    if (!view.ok() && view.status().code() == Status::Code::kNotFound) continue;
    STORYFUSE_RETURN_IF_ERROR(view.status());
    json j = json::parse(*view, nullptr, /*allow_exceptions=*/false);
    if (j.is_object() && j.contains("story") && j["story"].is_string()) {
      j["story"] = GlobalId(p.key, j["story"].get<std::string>());
      return j.dump();
    }
    return view;
  }
  return Status::NotFound("no article " + article_id);
}

Result<std::vector<SearchResult>> PartitionedStoryRepository::Search(const std::string& q, int limit,
                                                                     const QueryControl& control) {
  std::shared_ptr<const LinkTable> links = Links();
  std::vector<SearchResult> all;
  for (Partition& p : partitions_) {
    STORYFUSE_ASSIGN_OR_RETURN(std::vector<SearchResult> hits, p.repo->Search(q, limit, control));
    for (SearchResult& h : hits) {
      if (!h.story_id.empty()) h.story_id = GlobalId(p.key, h.story_id);
      if (h.kind == "story") {
        h.id = h.story_id;
        auto shown = links->shown_as.find(h.id);
        if (shown != links->shown_as.end()) continue;  // its earlier partner stands for it
      }
      all.push_back(std::move(h));
    }
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const SearchResult& a, const SearchResult& b) { return a.score > b.score; });
  // At most `limit` of each kind, as one store answers.
  std::vector<SearchResult> out;
  std::map<std::string, int> per_kind;
  for (SearchResult& h : all) {
    if (per_kind[h.kind]++ < limit) out.push_back(std::move(h));
  }
  return out;
}

Result<std::vector<IngestOutcome>> PartitionedStoryRepository::Ingest(std::vector<RawDoc> docs) {
  (void)docs;
  return Status::Unsupported("this server reads story partitions: the workers write them");
}

Result<RepositoryStats> PartitionedStoryRepository::Stats() {
  RepositoryStats out;
  for (Partition& p : partitions_) {
    STORYFUSE_ASSIGN_OR_RETURN(RepositoryStats s, p.repo->Stats());
    out.articles += s.articles;
    out.versions += s.versions;
    out.stories += s.stories;
  }
  return out;
}

}  // namespace storyfuse
