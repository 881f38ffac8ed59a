// MemoryStoryRepository: a StoryRepository held in memory, for tests of
// the routes and for `serve` without a database. Same ingest path as the
// SQLite one (StoryPipeline); search is a plain word match.
//
// Thread-safe. Ingests clean their documents side by side, then are
// serialized to cluster and build briefs (unlike the store-backed
// repository, which builds them outside its writer), and take the write
// lock only for a short swap, so reads wait at most for that swap.
#ifndef STORYFUSE_PIPELINE_MEMORY_STORY_REPOSITORY_H_
#define STORYFUSE_PIPELINE_MEMORY_STORY_REPOSITORY_H_

#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <vector>

#include "pipeline/story_pipeline.h"
#include "pipeline/story_repository.h"

namespace storyfuse {

class MemoryStoryRepository : public StoryRepository {
 public:
  MemoryStoryRepository();
  ~MemoryStoryRepository() override;

  Result<StoryList> ListStories(const StoryQuery& query) override;
  Result<std::string> StoryBriefJson(const std::string& story_id) override;
  Result<std::string> ArticleViewJson(const std::string& article_id) override;
  Result<std::vector<SearchResult>> Search(const std::string& q, int limit, const QueryControl& control) override;
  Result<std::vector<IngestOutcome>> Ingest(std::vector<RawDoc> docs) override;
  Result<RepositoryStats> Stats() override;

 private:
  struct ArticleEntry {
    Article article;
    std::string story_id;
    nlohmann::json versions = nlohmann::json::array();
  };
  struct StoryEntry {
    StorySummary summary;
    std::vector<std::string> article_ids;  // arrival order
    nlohmann::json brief;                  // the tree of brief_json, for the articles' views
    std::string brief_json;
  };

  // Prepares one cleaned document against the stored state plus the batch so far.
  IngestOutcome Prepare(const RawDoc& doc, Result<Article> article, std::string warning, const std::string& now,
                        std::map<std::string, ArticleEntry>* batch);

  std::mutex ingest_mu_;  // serializes Ingest; guards pipeline_
  StoryPipeline pipeline_;
  std::shared_mutex mu_;  // guards the maps below
  std::map<std::string, ArticleEntry> articles_;
  std::map<std::string, StoryEntry> stories_;
  int64_t versions_ = 0;
};

}  // namespace storyfuse

#endif  // STORYFUSE_PIPELINE_MEMORY_STORY_REPOSITORY_H_
