#include "server/api_router.h"

#include <gtest/gtest.h>

#include "server/memory_story_repository.h"
#include "server/test_fixtures.h"

namespace storyfuse {
namespace {

using nlohmann::json;

class ApiRouterTest : public ::testing::Test {
 protected:
  HttpResponse Get(const std::string& path, std::map<std::string, std::string> params = {}) {
    return router_.Handle({"GET", path, std::move(params), "", ""});
  }
  HttpResponse Post(const std::string& body, const std::string& type = "application/json") {
    return router_.Handle({"POST", "/api/articles", {}, type, body});
  }
  static json Json(const HttpResponse& r) { return json::parse(r.body); }
  void Seed() { ASSERT_EQ(Post(BridgeArticlesJson()).status, 200); }

  MemoryStoryRepository repo_;
  ServerMetrics metrics_;
  ApiRouter router_{&repo_, &metrics_};
};

TEST_F(ApiRouterTest, IngestsAndReturnsEachArticlesStory) {
  HttpResponse r = Post(BridgeArticlesJson());
  ASSERT_EQ(r.status, 200) << r.body;
  json j = Json(r);
  ASSERT_EQ(j["articles"].size(), 2u);
  EXPECT_EQ(j["articles"][0]["status"], "created");
  EXPECT_EQ(j["articles"][0]["story"], j["articles"][1]["story"]);
  // The same articles again are stored once.
  json again = Json(Post(BridgeArticlesJson()));
  EXPECT_EQ(again["articles"][0]["status"], "unchanged");
  EXPECT_EQ(Json(Get("/metrics"))["counts"]["articles"], 2);
}

TEST_F(ApiRouterTest, ListsStoriesNewestFirst) {
  Seed();
  ASSERT_EQ(Post(FerryArticleJson("x-1")).status,
            200);
  json list = Json(Get("/api/stories"));
  ASSERT_EQ(list["stories"].size(), 2u);
  EXPECT_EQ(list["total"], 2);
  EXPECT_EQ(list["stories"][0]["articles"], 1);  // the later ingest first
  EXPECT_EQ(list["stories"][1]["articles"], 2);
  EXPECT_EQ(list["stories"][1]["outlets"], 2);
  json page = Json(Get("/api/stories", {{"limit", "1"}, {"offset", "1"}}));
  ASSERT_EQ(page["stories"].size(), 1u);
  EXPECT_EQ(page["stories"][0]["id"], list["stories"][1]["id"]);
  EXPECT_EQ(Json(Get("/api/stories", {{"since", "2999-01-01"}}))["stories"].size(), 0u);
}

TEST_F(ApiRouterTest, StoryIsTheBriefJson) {
  Seed();
  std::string id = Json(Get("/api/stories"))["stories"][0]["id"];
  HttpResponse r = Get("/api/stories/" + id);
  ASSERT_EQ(r.status, 200);
  json brief = Json(r);
  EXPECT_EQ(brief["id"], id);
  for (const char* key : {"headline", "summary", "facts", "quotes", "numbers", "conflicts", "timeline",
                          "entities", "exclusives", "articles"}) {
    EXPECT_TRUE(brief.contains(key)) << key;
  }
  EXPECT_EQ(brief["articles"].size(), 2u);
  EXPECT_FALSE(brief["summary"].empty());
}

TEST_F(ApiRouterTest, ArticleHasCleanedTextSentencesAndVersions) {
  Seed();
  json a = Json(Get("/api/articles/hd-1"));
  EXPECT_EQ(a["outlet"], "Harbour Daily");
  std::string text = a["text"];
  EXPECT_EQ(text.rfind("The Velmora harbour bridge reopened", 0), 0u);
  ASSERT_GE(a["sentences"].size(), 3u);
  EXPECT_EQ(a["sentences"][0]["start"], 0);
  EXPECT_EQ(a["versions"].size(), 1u);
  EXPECT_FALSE(a["story"].is_null());
  EXPECT_TRUE(a["analyses"].contains("statements"));
  // A new text under the same id is a new version in the same story.
  json r = Json(Post(R"({"id": "hd-1", "outlet": "Harbour Daily", "text": "The Velmora harbour bridge reopened on Friday after eight months of repairs, the council said.\n\nMayor Ilse Brandvik thanked the workers.\n\nThe repairs cost 4.2 million crowns."})"));
  EXPECT_EQ(r["articles"][0]["status"], "updated");
  EXPECT_EQ(r["articles"][0]["story"], a["story"]);
  EXPECT_EQ(Json(Get("/api/articles/hd-1"))["versions"].size(), 2u);
}

TEST_F(ApiRouterTest, SearchFindsArticlesAndStoriesWithSnippets) {
  Seed();
  json j = Json(Get("/api/search", {{"q", "brandvik"}}));
  ASSERT_EQ(j["articles"].size(), 2u);
  EXPECT_NE(j["articles"][0]["snippet"].get<std::string>().find("[Brandvik]"), std::string::npos);
  EXPECT_EQ(Get("/api/search").status, 400);
}

TEST_F(ApiRouterTest, BadRequestsGetJsonErrors) {
  struct Case {
    HttpResponse response;
    int status;
    const char* part;
  };
  const Case cases[] = {
      {Post("{\"text\": "), 400, "invalid JSON"},
      {Post("{\"text\": \"caf\xC3\"}"), 400, "invalid UTF-8"},
      {Post("{\"title\": \"x\"}"), 400, "missing text"},
      {Get("/api/stories", {{"limit", "0"}}), 400, "limit must be"},
      {Get("/api/stories", {{"offset", "-1"}}), 400, "offset must be"},
      {Get("/api/stories", {{"since", "yesterday"}}), 400, "since must be"},
      {Get("/api/stories/s-999"), 404, "no story"},
      {Get("/api/articles/nope"), 404, "no article"},
      {Get("/api/nothing"), 404, "no route"},
      {router_.Handle({"DELETE", "/api/stories", {}, "", ""}), 405, "not allowed"},
      {Get("/api/articles"), 405, "not allowed"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(c.response.status, c.status) << c.response.body;
    json j = Json(c.response);
    EXPECT_EQ(j["status"], c.status);
    EXPECT_NE(j["error"].get<std::string>().find(c.part), std::string::npos) << j.dump();
  }
}

TEST_F(ApiRouterTest, ServesThePageHealthAndMetrics) {
  HttpResponse page = Get("/");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.content_type.find("text/html"), std::string::npos);
  EXPECT_NE(page.body.find("<html"), std::string::npos);
  EXPECT_EQ(Get("/app.js").status, 200);
  EXPECT_EQ(Json(Get("/healthz"))["status"], "ok");
  Seed();
  json m = Json(Get("/metrics"));
  EXPECT_EQ(m["counts"]["stories"], 1);
  EXPECT_EQ(m["ingest"]["articles"], 2);
  EXPECT_GE(m["requests"]["ingest"]["count"], 1);
}

}  // namespace
}  // namespace storyfuse
