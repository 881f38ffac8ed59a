#include "pipeline/store_story_repository.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <thread>

#include "pipeline/test_fixtures.h"
#include "store/article_store.h"

namespace storyfuse {
namespace {

using nlohmann::json;

class StoreStoryRepositoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("sf-store-repo-" + std::to_string(getpid()) + "-" +
                                                     ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "stories.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<StoreStoryRepository> Open() {
    auto repo = StoreStoryRepository::Open(path_);
    EXPECT_TRUE(repo.ok()) << repo.status().ToString();
    return repo.ok() ? std::move(repo).value() : nullptr;
  }
  static std::vector<IngestOutcome> Ingest(StoryRepository& repo, const std::string& body) {
    std::vector<RawDoc> docs = DocsFromJson(body);
    EXPECT_FALSE(docs.empty());
    auto out = repo.Ingest(std::move(docs));
    EXPECT_TRUE(out.ok()) << out.status().ToString();
    return out.ok() ? *out : std::vector<IngestOutcome>{};
  }

  std::filesystem::path dir_;
  std::string path_;
};

TEST_F(StoreStoryRepositoryTest, IngestListGetSearch) {
  auto repo = Open();
  auto out = Ingest(*repo, BridgeArticlesJson());
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].status, "created");
  EXPECT_FALSE(out[0].story_id.empty());
  EXPECT_EQ(Ingest(*repo, BridgeArticlesJson())[1].status, "unchanged");

  auto list = repo->ListStories({});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->total, 1);
  const StorySummary& s = list->stories[0];
  EXPECT_EQ(s.id, out[0].story_id);
  EXPECT_EQ(s.articles, 2);
  EXPECT_EQ(s.outlets, 2);
  EXPECT_EQ(s.published, "2031-05-02");
  EXPECT_EQ(repo->ListStories({"brandvik", "", 20, 0})->total, 1);
  EXPECT_EQ(repo->ListStories({"zeppelin", "", 20, 0})->total, 0);
  EXPECT_EQ(repo->ListStories({"", "2999-01-01", 20, 0})->total, 0);

  auto brief = repo->StoryBriefJson(s.id);
  ASSERT_TRUE(brief.ok());
  EXPECT_EQ(json::parse(*brief)["articles"].size(), 2u);
  EXPECT_EQ(repo->StoryBriefJson("s-999").status().code(), Status::Code::kNotFound);

  auto article = repo->ArticleViewJson("cc-1");
  ASSERT_TRUE(article.ok());
  json view = json::parse(*article);
  EXPECT_EQ(view["story"], s.id);
  EXPECT_EQ(view["versions"].size(), 1u);
  EXPECT_FALSE(view["sentences"].empty());
  EXPECT_EQ(repo->ArticleViewJson("nope").status().code(), Status::Code::kNotFound);

  auto hits = repo->Search("Brandvik proud", 10, QueryControl());
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 3u);  // the story, then its two articles
  EXPECT_EQ((*hits)[0].kind, "story");
  EXPECT_NE((*hits)[1].snippet.find('['), std::string::npos);
  auto stats = repo->Stats();
  EXPECT_EQ(stats->articles, 2);
  EXPECT_EQ(stats->stories, 1);
}

// GET /api/articles/{id} reads the view stored with the story; it is the
// same JSON the read side would render, and follows the article's updates.
TEST_F(StoreStoryRepositoryTest, StoredArticleViewMatchesARenderedOne) {
  auto repo = Open();
  Ingest(*repo, BridgeArticlesJson());
  std::string stored_text = repo->ArticleViewJson("cc-1").value();
  json stored = json::parse(stored_text);
  {
    // What a store from before schema 3 holds: no stored views (SQLite's
    // own connection: no typed call deletes views).
    auto store = ArticleStore::Open(path_);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->db().Exec("DELETE FROM article_views").ok());
  }
  // rendered on the read side, byte for byte
  EXPECT_EQ(repo->ArticleViewJson("cc-1").value(), stored_text);
  EXPECT_FALSE(stored["analyses"]["statements"].empty());

  json update = {{"id", "cc-1"},
                 {"outlet", "Coast Courier"},
                 {"text", "The Brandvik bridge reopened on Friday after repairs, the council said."}};
  EXPECT_EQ(Ingest(*repo, update.dump())[0].status, "updated");
  json after = ArticleViewOf(*repo, "cc-1");
  EXPECT_EQ(after["versions"].size(), 2u);
  EXPECT_NE(after["text"], stored["text"]);
  std::string summary;
  EXPECT_TRUE(repo->Verify(&summary).ok()) << summary;
  {  // A view left from an earlier version is a problem Verify reports.
    auto store = OpenStoryStore(path_);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->PutArticleView("cc-1", stored.dump()).ok());
  }
  Status st = repo->Verify(&summary);
  EXPECT_EQ(st.code(), Status::Code::kCorruption);
  EXPECT_NE(st.message().find("article cc-1"), std::string::npos) << st.message();
}

TEST_F(StoreStoryRepositoryTest, OneWriterAtATime) {
  auto first = Open();
  auto second = StoreStoryRepository::Open(path_);
  ASSERT_FALSE(second.ok());
  EXPECT_NE(second.status().message().find("another storyfuse process"), std::string::npos);
  first.reset();
  EXPECT_TRUE(StoreStoryRepository::Open(path_).ok());  // released with the first
}

TEST_F(StoreStoryRepositoryTest, ReopenKeepsStoriesAndRepairsAnInterruptedIngest) {
  std::string story;
  {
    auto repo = Open();
    story = Ingest(*repo, BridgeArticlesJson())[0].story_id;
  }
  {
    auto repo = Open();
    EXPECT_EQ(repo->repaired(), 0);
    EXPECT_EQ(repo->ListStories({})->stories[0].id, story);
  }
  {  // What a kill between storing an article and writing its story leaves.
    auto store = OpenStoryStore(path_);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->SetStory("cc-1", "").ok());
    ASSERT_TRUE((*store)->PutStory({story, "stale", StoryStore::NowUtc(), "{\"articles\": []}"}).ok());
    ASSERT_TRUE((*store)->PutStory({"s-77", "orphan", StoryStore::NowUtc(), "{}"}).ok());
  }
  auto repo = Open();
  EXPECT_EQ(repo->repaired(), 2);
  auto list = repo->ListStories({});
  ASSERT_EQ(list->total, 1);
  EXPECT_EQ(list->stories[0].articles, 2);
  EXPECT_EQ(json::parse(repo->StoryBriefJson(story).value())["articles"].size(), 2u);
  EXPECT_EQ(ArticleViewOf(*repo, "cc-1")["story"], story);
}

// Issue #22: after a kill during a 15 s brief, every restart built the
// same brief again. A story whose build stopped the process twice is
// skipped on open, and stays skipped on later opens.
TEST_F(StoreStoryRepositoryTest, AStoryWhoseBuildKeepsDyingIsSkippedOnOpen) {
  std::string story;
  {
    auto repo = Open();
    story = Ingest(*repo, BridgeArticlesJson())[0].story_id;
  }
  auto make_stale = [&] {
    auto store = OpenStoryStore(path_);
    ASSERT_TRUE(store.ok());
    auto stored = (*store)->GetStory(story);
    ASSERT_TRUE(stored.ok() && stored->has_value());
    StoredStory stale = **stored;
    stale.brief_json = "{\"articles\": []}";
    ASSERT_TRUE((*store)->PutStory(stale).ok());
  };
  auto journal = [&](const std::string& text) {
    std::FILE* f = std::fopen((path_ + ".lock").c_str(), "w");
    std::fputs(text.c_str(), f);
    std::fclose(f);
  };
  auto read_journal = [&] {
    std::ifstream in(path_ + ".lock");
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  // Died once while building it: built again (one retry), journal cleared.
  make_stale();
  journal("building " + story + " 1\n");
  {
    auto repo = Open();
    EXPECT_TRUE(repo->skipped().empty());
    EXPECT_GE(repo->repaired(), 1);
    std::string summary;
    EXPECT_TRUE(repo->Verify(&summary).ok());
  }
  EXPECT_EQ(read_journal(), "");
  // Died twice: not built on open, now or at the next start.
  make_stale();
  journal("building " + story + " 2\n");
  for (int start = 0; start < 2; ++start) {
    auto repo = Open();
    EXPECT_EQ(repo->skipped(), std::vector<std::string>{story});
    std::string summary;
    EXPECT_FALSE(repo->Verify(&summary).ok());  // --check says so
  }
  EXPECT_EQ(read_journal(), "skip " + story + "\n");
  // An ingest that touches the story builds it, and lifts the skip.
  {
    auto repo = Open();
    std::string body = BridgeArticlesJson();
    body.replace(body.find("proud of every worker"), 4, "glad");
    Ingest(*repo, body);
    std::string summary;
    EXPECT_TRUE(repo->Verify(&summary).ok()) << summary;
  }
  EXPECT_EQ(read_journal(), "");
}

// A third report of the bridge, close to both of the first two: a
// revision would put them together again if a correction were a one-off.
std::string ThirdBridgeJson() {
  return R"({"id": "nt-1", "outlet": "North Tidings", "title": "Velmora bridge open after repairs",
  "published": "2031-05-03",
  "text": "The Velmora harbour bridge reopened after eight months of repairs, Mayor Ilse Brandvik said.\n\nShe said the town was proud of every worker who kept the crossing alive.\n\nThe council said the repairs cost about 4.5 million crowns."})";
}

// Story id -> its article ids, from each article's stored view.
std::map<std::string, std::set<std::string>> StoriesOf(StoryRepository& repo, const std::vector<std::string>& ids) {
  std::map<std::string, std::set<std::string>> out;
  for (const std::string& id : ids) {
    json a = ArticleViewOf(repo, id);
    EXPECT_TRUE(a.is_object()) << id;
    if (a.is_object()) out[a["story"].get<std::string>()].insert(id);
  }
  return out;
}

TEST_F(StoreStoryRepositoryTest, CorrectionsHoldThroughLaterArrivalsAndARestart) {
  const std::vector<std::string> ids = {"hd-1", "cc-1", "fp-1", "nt-1"};
  std::map<std::string, std::set<std::string>> before;
  {
    auto repo = Open();
    Ingest(*repo, BridgeArticlesJson());
    Ingest(*repo, FerryArticleJson("fp-1"));
    std::string bridge = ArticleViewOf(*repo, "hd-1").at("story"), ferry = ArticleViewOf(*repo, "fp-1").at("story");
    ASSERT_EQ(ArticleViewOf(*repo, "cc-1").at("story"), bridge);
    ASSERT_NE(ferry, bridge);

    // cc-1 out on its own; the ferry story merged into the bridge story.
    auto detached = repo->Correct({"detach", "cc-1", "", "", "a different crossing"});
    ASSERT_TRUE(detached.ok()) << detached.status().ToString();
    std::string alone = detached->front().to;
    EXPECT_NE(alone, bridge);
    ASSERT_TRUE(repo->Correct({"merge", "", ferry, bridge, ""}).ok());
    EXPECT_EQ(repo->Correct({"merge", "", ferry, bridge, ""}).status().code(), Status::Code::kNotFound);
    EXPECT_EQ(repo->Correct({"move", "cc-1", "", alone, ""}).status().code(), Status::Code::kInvalidArgument);
    EXPECT_EQ(repo->Correct({"split", "cc-1", "", "", ""}).status().code(), Status::Code::kInvalidArgument);
    // A reader still holding the merged-away id (from a list read a moment
    // before) gets the story its articles are in now, saying so.
    json merged = json::parse(repo->StoryBriefJson(ferry).value());
    EXPECT_EQ(merged["id"], bridge);
    EXPECT_EQ(merged["merged_from"], ferry);

    Ingest(*repo, ThirdBridgeJson());
    before = StoriesOf(*repo, ids);
    EXPECT_EQ(before[bridge].count("fp-1"), 1u);
    EXPECT_EQ(before[bridge].count("cc-1"), 0u);
    EXPECT_EQ(before[alone].count("hd-1"), 0u);

    json story = json::parse(*repo->StoryBriefJson(bridge));
    EXPECT_GE(story["version"].get<int>(), 3);  // created, lost cc-1, gained fp-1
    ASSERT_EQ(story["editor_corrections"].size(), 2u);
    EXPECT_EQ(story["editor_corrections"][0]["kind"], "detach");
    EXPECT_EQ(story["editor_corrections"][0]["note"], "a different crossing");
    EXPECT_EQ(story["editor_corrections"][1]["kind"], "merge");
    bool editor_move = false;
    for (const json& m : story["history"]) editor_move |= m["article"] == "fp-1" && m["by"] == "editor";
    EXPECT_TRUE(editor_move) << story["history"].dump();
    EXPECT_EQ(json::parse(*repo->StoryBriefJson(alone))["articles"].size(), before[alone].size());
  }
  auto reopened = Open();
  EXPECT_EQ(StoriesOf(*reopened, ids), before);
  std::string summary;
  EXPECT_TRUE(reopened->Verify(&summary).ok()) << summary;
}

// Issue #22: briefs are built outside the single writer, ingests side by
// side. Threads post articles of one event at once (they join one story,
// so its brief is rebuilt while other builds of it run): each ingest
// returns once its story's stored brief lists its article, and at the end
// every brief is of its story's current articles (no stale one won).
TEST_F(StoreStoryRepositoryTest, IngestsSideBySideNeverStoreAStaleBrief) {
  auto repo = Open();
  constexpr int kThreads = 4, kEach = 5;
  std::vector<std::string> problems[kThreads];
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        std::string id = "ferry-" + std::to_string(t) + "-" + std::to_string(i);
        json doc = json::parse(FerryArticleJson(id));
        doc["text"] = doc["text"].get<std::string>() + "\n\nReporter " + id + " counted " +
                      std::to_string(t * 100 + i) + " passengers.";
        auto out = repo->Ingest(DocsFromJson(doc.dump()));
        if (!out.ok() || out->size() != 1 || (*out)[0].status != "created") {
          problems[t].push_back(id + ": not created");
          continue;
        }
        auto brief = repo->StoryBriefJson((*out)[0].story_id);
        if (!brief.ok() || brief->find("\"" + id + "\"") == std::string::npos)
          problems[t].push_back(id + ": its story's brief does not list it on return");
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const auto& p : problems) EXPECT_TRUE(p.empty()) << p.front();
  std::string summary;
  EXPECT_TRUE(repo->Verify(&summary).ok()) << summary;
  EXPECT_EQ(summary.substr(0, summary.find(' ')), std::to_string(kThreads * kEach));
}

// A correction beside ingests in flight: it is logged and applied under
// the writer, its stories built outside it like an ingest's, so at the
// end every brief is of its story's current articles, the detached
// article is still on its own, and a restart replays the same stories.
TEST_F(StoreStoryRepositoryTest, ACorrectionBesideIngestsHoldsAndReplays) {
  std::map<std::string, std::set<std::string>> before;
  std::vector<std::string> ids = {"hd-1", "cc-1"};
  {
    auto repo = Open();
    Ingest(*repo, BridgeArticlesJson());
    constexpr int kThreads = 3, kEach = 3;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < kEach; ++i) {
          json doc = json::parse(FerryArticleJson("ferry-" + std::to_string(t) + "-" + std::to_string(i)));
          doc["text"] = doc["text"].get<std::string>() + "\n\nIt carried " + std::to_string(t * 10 + i) + " cars.";
          EXPECT_TRUE(repo->Ingest(DocsFromJson(doc.dump())).ok());
        }
      });
      for (int i = 0; i < kEach; ++i) ids.push_back("ferry-" + std::to_string(t) + "-" + std::to_string(i));
    }
    auto detached = repo->Correct({"detach", "cc-1", "", "", "another crossing"});
    for (std::thread& t : threads) t.join();
    ASSERT_TRUE(detached.ok()) << detached.status().ToString();
    EXPECT_NE(ArticleViewOf(*repo, "cc-1").at("story"), ArticleViewOf(*repo, "hd-1").at("story"));
    before = StoriesOf(*repo, ids);
    for (const auto& [sid, members] : before) {
      std::vector<std::string> listed = BriefArticleIds(*repo->StoryBriefJson(sid));
      EXPECT_EQ(std::set<std::string>(listed.begin(), listed.end()), members) << sid;
    }
    std::string summary;
    EXPECT_TRUE(repo->Verify(&summary).ok()) << summary;
  }
  auto reopened = Open();
  EXPECT_EQ(StoriesOf(*reopened, ids), before);
}

// Briefs run side by side, so several may be in flight when the process
// dies: each counts an attempt, and a repair that dies too keeps them.
TEST_F(StoreStoryRepositoryTest, EveryBuildInFlightAtADeathCountsAnAttempt) {
  {
    auto repo = Open();
    Ingest(*repo, BridgeArticlesJson());
  }
  {
    std::FILE* f = std::fopen((path_ + ".lock").c_str(), "w");
    std::fputs("building s-7 2\nbuilding s-9 1\n", f);
    std::fclose(f);
  }
  WriterLock lock;
  ASSERT_TRUE(lock.Acquire(path_).ok());
  EXPECT_TRUE(lock.ShouldSkip("s-7"));
  EXPECT_FALSE(lock.ShouldSkip("s-9"));
  lock.MarkBuilding("s-9");  // its second attempt
  lock.MarkBuilding("s-9");  // and a second build of it at once
  lock.MarkBuilt("s-9");
  std::ifstream in(path_ + ".lock");
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), "skip s-7\nbuilding s-7 2\nbuilding s-9 2\n");
}

// A document over the limit is stored cut: its text, and its input after
// the source of the last kept byte (the single writer writes no 4 MB row).
TEST_F(StoreStoryRepositoryTest, AHugeDocumentIsStoredCut) {
  auto repo = Open();
  std::string text;
  while (text.size() < 4 * StoryPipeline::kMaxArticleTextBytes) text += "The harbour council met again on Friday. ";
  auto out = Ingest(*repo, json{{"id", "huge"}, {"outlet", "Fjord Post"}, {"text", text}}.dump());
  ASSERT_EQ(out.size(), 1u);
  EXPECT_NE(out[0].warning.find("text cut from"), std::string::npos);
  repo.reset();
  auto store = OpenStoryStore(path_);
  ASSERT_TRUE(store.ok());
  auto a = (*store)->Get("huge");
  ASSERT_TRUE(a.ok() && a->has_value());
  EXPECT_LE((*a)->article.text.size(), StoryPipeline::kMaxArticleTextBytes);
  EXPECT_LE((*a)->article.input.size(), StoryPipeline::kMaxArticleTextBytes + 64);
  EXPECT_EQ((*a)->article.input.substr(0, 100), text.substr(0, 100));
}

}  // namespace
}  // namespace storyfuse
