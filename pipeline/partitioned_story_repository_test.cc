#include "pipeline/partitioned_story_repository.h"

#include <gtest/gtest.h>

#include "pipeline/memory_story_repository.h"

namespace storyfuse {
namespace {

using nlohmann::json;

RawDoc Doc(const std::string& id, const std::string& text) {
  RawDoc d;
  d.source = id;
  d.id = id;
  d.bytes = text;
  d.outlet = "Outlet " + id;
  return d;
}

constexpr const char* kFlood =
    "The river Almen burst its banks at Corvel on Tuesday, and Mayor Hanne Lisk ordered the old quarter "
    "evacuated. Corvel's fire brigade moved 300 residents to the sports hall overnight.";
constexpr const char* kFloodLater =
    "Mayor Hanne Lisk said on Friday that the 300 residents of Corvel's old quarter could return, as the river "
    "Almen fell back below its banks. The fire brigade pumped out the flooded cellars.";
constexpr const char* kMarket =
    "The Tessin farmers' market reopened in Bralle on Saturday after a year of repairs, with 40 stalls, "
    "organiser Pia Norden said. Stallholders praised the new roof.";

// Two partitions (each numbers its stories from s-1) and one link: the
// later flood story continues the earlier one.
class PartitionedRepositoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto early = std::make_unique<MemoryStoryRepository>();
    auto late = std::make_unique<MemoryStoryRepository>();
    ASSERT_TRUE(early->Ingest({Doc("a1", kFlood)}).ok());
    ASSERT_TRUE(late->Ingest({Doc("b1", kFloodLater)}).ok());
    ASSERT_TRUE(late->Ingest({Doc("b2", kMarket)}).ok());
    flood_late_ = StoryOf(late.get(), "b1");
    market_ = StoryOf(late.get(), "b2");
    flood_early_ = StoryOf(early.get(), "a1");
    std::vector<PartitionedStoryRepository::Partition> parts;
    parts.push_back({"en.2031-07", std::move(late)});  // any order
    parts.push_back({"en.2031-01", std::move(early)});
    std::string later = flood_late_, earlier = flood_early_;
    repo_ = std::make_unique<PartitionedStoryRepository>(
        std::move(parts), [later, earlier]() -> Result<std::vector<CrossPartitionLink>> {
          return std::vector<CrossPartitionLink>{{"en.2031-07", later, "en.2031-01", earlier}};
        });
  }
  static std::string StoryOf(StoryRepository* r, const std::string& article) {
    Result<std::string> view = r->ArticleViewJson(article);
    return view.ok() ? json::parse(*view)["story"].get<std::string>() : "";
  }

  std::string flood_early_, flood_late_, market_;
  std::unique_ptr<PartitionedStoryRepository> repo_;
};

TEST_F(PartitionedRepositoryTest, ListsAJoinedPairOnceWithPartitionIds) {
  Result<StoryList> list = repo_->ListStories(StoryQuery{});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  std::vector<std::string> ids;
  for (const StorySummary& s : list->stories) ids.push_back(s.id);
  EXPECT_EQ(list->total, 2);
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_NE(std::find(ids.begin(), ids.end(), "en.2031-01~" + flood_early_), ids.end());
  EXPECT_NE(std::find(ids.begin(), ids.end(), "en.2031-07~" + market_), ids.end());
}

TEST_F(PartitionedRepositoryTest, BriefsNameTheirPartitionAndPartner) {
  Result<std::string> brief = repo_->StoryBriefJson("en.2031-07~" + flood_late_);
  ASSERT_TRUE(brief.ok()) << brief.status().ToString();
  json j = json::parse(*brief);
  EXPECT_EQ(j["id"], "en.2031-07~" + flood_late_);
  EXPECT_EQ(j["partition"], "en.2031-07");
  EXPECT_EQ(j["linked_stories"], json::array({"en.2031-01~" + flood_early_}));
  json market = json::parse(*repo_->StoryBriefJson("en.2031-07~" + market_));
  EXPECT_EQ(market["linked_stories"], json::array());
  // A partition-local id, an unknown partition: not found.
  EXPECT_EQ(repo_->StoryBriefJson(market_).status().code(), Status::Code::kNotFound);
  EXPECT_EQ(repo_->StoryBriefJson("fr.2031-01~s-1").status().code(), Status::Code::kNotFound);
  EXPECT_EQ(json::parse(*repo_->ArticleViewJson("b2"))["story"], "en.2031-07~" + market_);
  EXPECT_EQ(repo_->Ingest({Doc("c1", kMarket)}).status().code(), Status::Code::kUnsupported);
}

TEST_F(PartitionedRepositoryTest, SearchesEveryPartition) {
  Result<std::vector<SearchResult>> hits = repo_->Search("Corvel", 10, QueryControl{});
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  std::set<std::string> article_stories;
  for (const SearchResult& h : *hits) {
    if (h.kind == "article") article_stories.insert(h.story_id);
    if (h.kind == "story") EXPECT_NE(h.id, "en.2031-07~" + flood_late_);  // its earlier partner stands for it
  }
  EXPECT_EQ(article_stories, (std::set<std::string>{"en.2031-01~" + flood_early_, "en.2031-07~" + flood_late_}));
  Result<RepositoryStats> stats = repo_->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->articles, 3);
}

}  // namespace
}  // namespace storyfuse
