// PartitionedStoryRepository: one read-only view over the stores of
// several story partitions (issue #25, docs/scale.md), for
// `storyfuse serve --read-only --partition KEY=URL ...`.
//
// Each partition numbers its own stories ("s-1", ...), so a story id here
// is "<partition>~<its id>" ('~' is URL-safe and in no partition key or
// story id); article ids are the input's and unique across partitions (an
// article is stored in one partition). The cross-partition link table
// (worker --role merge) joins a story of a later partition to one of the
// earlier: the list shows the pair once, as its earlier story with the
// articles of both counted; each brief names its partners
// ("linked_stories") and its partition ("partition").
//
//   ListStories  each partition's page, merged by update time (newest
//                first); `total` is the sum less the hidden partners
//   Search       each partition's results, merged by score
//   StoryBriefJson, ArticleViewJson   the partition the id names / holds it
// Ingest and Correct answer Unsupported: the workers write the stores.
//
// Thread-safe as the partitions' repositories are; the link table is read
// through `links` at most every kLinkRefresh (under a mutex), so new joins
// show within that time.
#ifndef STORYFUSE_PIPELINE_PARTITIONED_STORY_REPOSITORY_H_
#define STORYFUSE_PIPELINE_PARTITIONED_STORY_REPOSITORY_H_

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "pipeline/story_repository.h"

namespace storyfuse {

// Story `story` of `partition` is one story with `partner_story` of
// `partner` (the merge step's table, as each partition stores it).
struct CrossPartitionLink {
  std::string partition, story, partner, partner_story;
};

class PartitionedStoryRepository : public StoryRepository {
 public:
  static constexpr char kSeparator = '~';
  static constexpr std::chrono::seconds kLinkRefresh{10};

  struct Partition {
    std::string key;  // e.g. "en.2031-01"; windows of one language sort in time order
    std::unique_ptr<StoryRepository> repo;
  };
  using LinkSource = std::function<Result<std::vector<CrossPartitionLink>>()>;

  // `partitions` in any order; `links` may be empty (no merge step run).
  PartitionedStoryRepository(std::vector<Partition> partitions, LinkSource links);

  Result<StoryList> ListStories(const StoryQuery& query) override;
  Result<std::string> StoryBriefJson(const std::string& story_id) override;
  Result<std::string> ArticleViewJson(const std::string& article_id) override;
  Result<std::vector<SearchResult>> Search(const std::string& q, int limit, const QueryControl& control) override;
  Result<std::vector<IngestOutcome>> Ingest(std::vector<RawDoc> docs) override;
  Result<RepositoryStats> Stats() override;

  // "<key>~<story>".
  static std::string GlobalId(const std::string& key, const std::string& story);

 private:
  // Partner ids (global) of each global story id, and the global ids hidden
  // from the list (a later partition's story joined to an earlier one).
  struct LinkTable {
    std::map<std::string, std::vector<std::string>> partners;
    std::map<std::string, std::string> shown_as;  // hidden id -> the earlier story shown for it
  };
  std::shared_ptr<const LinkTable> Links();
  StoryRepository* Find(const std::string& key);

  std::vector<Partition> partitions_;
  LinkSource link_source_;
  std::mutex mu_;
  std::shared_ptr<const LinkTable> links_;
  std::chrono::steady_clock::time_point links_read_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_PIPELINE_PARTITIONED_STORY_REPOSITORY_H_
