#include "server/api_router.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

#include "pipeline/memory_story_repository.h"
#include "pipeline/store_story_repository.h"
#include "pipeline/test_fixtures.h"

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
  EXPECT_EQ(Json(Get("/metrics", {{"format", "json"}}))["counts"]["articles"], 2);
}

TEST_F(ApiRouterTest, ListsStoriesNewestFirst) {
  Seed();
  ASSERT_EQ(Post(FerryArticleJson("x-1")).status, 200);
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
  for (const char* key : {"headline", "summary", "facts", "quotes", "numbers", "conflicts", "timeline", "entities",
                          "exclusives", "articles"}) {
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
  json r = Json(Post(
      R"({"id": "hd-1", "outlet": "Harbour Daily", "text": "The Velmora harbour bridge reopened on Friday after eight months of repairs, the council said.\n\nMayor Ilse Brandvik thanked the workers.\n\nThe repairs cost 4.2 million crowns."})"));
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
      {router_.Handle({"DELETE", "/api/stories", {}, "application/json", ""}), 405, "not allowed"},
      {Get("/api/articles"), 405, "not allowed"},
      {router_.Handle({"OPTIONS", "/api/articles", {}, "", ""}), 405, "not allowed"},
      {Get("/api/stories", {{"since", "2025-13-45"}}), 400, "since must be"},
      {Get("/api/stories", {{"since", "2025-02-29"}}), 400, "since must be"},
      {Get("/api/stories", {{"since", "2025-04-01T24:00Z"}}), 400, "since must be"},
      {Get("/api/stories", {{"since", "2025-04-01Tnoon"}}), 400, "since must be"},
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
  json m = Json(Get("/metrics", {{"format", "json"}}));
  EXPECT_EQ(m["counts"]["stories"], 1);
  EXPECT_EQ(m["ingest"]["articles"], 2);
  EXPECT_GE(m["requests"]["ingest"]["count"], 1);
}

// Issue #23: /metrics speaks what its path implies, Prometheus's text format.
TEST_F(ApiRouterTest, MetricsAreInPrometheusTextFormat) {
  Seed();
  HttpResponse r = Get("/metrics");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/plain; version=0.0.4; charset=utf-8");
  for (const char* line :
       {"# TYPE storyfuse_http_requests_total counter\n", "storyfuse_http_requests_total{route=\"ingest\"} 1\n",
        "storyfuse_ingest_articles_total 2\n", "storyfuse_store_items{kind=\"stories\"} 1\n",
        "storyfuse_store_items{kind=\"articles\"} 2\n", "# TYPE storyfuse_http_request_duration_seconds summary\n",
        "storyfuse_http_request_duration_seconds_count{route=\"ingest\"} 1\n",
        "storyfuse_http_responses_total{class=\"2xx\"} "}) {
    EXPECT_NE(r.body.find(line), std::string::npos) << line << "\nin:\n" << r.body;
  }
  // Every line is a comment or "name[{labels}] value".
  size_t start = 0;
  while (start < r.body.size()) {
    size_t eol = r.body.find('\n', start);
    ASSERT_NE(eol, std::string::npos) << "the text ends with a newline";
    std::string line = r.body.substr(start, eol - start);
    start = eol + 1;
    if (line.starts_with("# HELP ") || line.starts_with("# TYPE ")) continue;
    size_t space = line.rfind(' ');
    ASSERT_NE(space, std::string::npos) << line;
    EXPECT_TRUE(line.starts_with("storyfuse_")) << line;
    char* end = nullptr;
    std::string value = line.substr(space + 1);
    std::strtod(value.c_str(), &end);
    EXPECT_EQ(*end, '\0') << line;
  }
  EXPECT_EQ(Get("/metrics", {{"format", "xml"}}).status, 400);
}

TEST_F(ApiRouterTest, RealDatesAndTimesAreAccepted) {
  for (const char* since :
       {"2024-02-29", "2025-04-01T09:30Z", "2025-04-01T09:30:15Z", "2025-04-01T09:30:15+02:00", "2025-12-31T23:59"}) {
    EXPECT_EQ(Get("/api/stories", {{"since", since}}).status, 200) << since;
  }
}

TEST_F(ApiRouterTest, OptionsAndWrongMethodsSayWhatIsAllowed) {
  HttpResponse r = router_.Handle({"OPTIONS", "/api/articles", {}, "", ""});
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.allow, "POST");
  EXPECT_EQ(router_.Handle({"OPTIONS", "/api/stories", {}, "", ""}).allow, "GET, HEAD");
}

// Issue #22, item 4: any web page could write to a local server.
class ApiAccessTest : public ::testing::Test {
 protected:
  static HttpRequest Write(std::string type, std::string host = "127.0.0.1:8080", std::string origin = "",
                           std::string authorization = "") {
    HttpRequest r{"POST", "/api/articles", {}, std::move(type), FerryArticleJson("w-1")};
    r.host = std::move(host);
    r.origin = std::move(origin);
    r.authorization = std::move(authorization);
    return r;
  }
  static HttpRequest Read(std::string host) {
    HttpRequest r{"GET", "/api/stories", {}, "", ""};
    r.host = std::move(host);
    return r;
  }
  MemoryStoryRepository repo_;
  ServerMetrics metrics_;
};

TEST_F(ApiAccessTest, Table) {
  ApiRouter open(&repo_, &metrics_, ApiAccess{"", {"news.example.org"}});
  ApiRouter locked(&repo_, &metrics_, ApiAccess{"s3cret-token", {}});
  struct Case {
    ApiRouter* router;
    HttpRequest request;
    int status;  // 0: admitted
  } cases[] = {
      {&open, Write("application/json"), 0},
      {&open, Write("application/x-ndjson"), 0},
      {&open, Write("application/json", "localhost:8080", "http://localhost:8080"), 0},
      {&open, Write("application/json", "news.example.org", "https://news.example.org"), 0},
      {&open, Write("application/json", "[::1]:8080"), 0},
      // A cross-origin page: fetch(..., {mode: "no-cors"}) or a form post.
      {&open, Write("text/plain", "127.0.0.1:8080", "http://evil.example"), 403},
      {&open, Write("application/json", "127.0.0.1:8080", "http://evil.example"), 403},
      {&open, Write("application/json", "127.0.0.1:8080", "null"), 403},
      {&open, Write("application/json", "127.0.0.1:8080", "http://127.0.0.1:9999"), 403},
      // Without Origin (curl, scripts): only JSON types.
      {&open, Write("text/plain"), 415},
      {&open, Write("application/x-www-form-urlencoded"), 415},
      {&open, Write("multipart/form-data"), 415},
      {&open, Write(""), 415},
      // DNS rebinding: the browser sends the attacker's name as Host.
      {&open, Write("application/json", "evil.example:8080"), 403},
      {&open, Read("evil.example"), 403},
      {&open, Read("localhost"), 0},
      {&open, Read("app.localhost:8080"), 0},
      {&open, Read("10.1.2.3:8080"), 0},
      {&open, Read("NEWS.example.org"), 0},
      // A token, when set, is required on writes only.
      {&locked, Write("application/json"), 401},
      {&locked, Write("application/json", "127.0.0.1:8080", "", "Bearer wrong-token"), 401},
      {&locked, Write("application/json", "127.0.0.1:8080", "", "Bearer s3cret-token"), 0},
      {&locked, Write("application/json", "127.0.0.1:8080", "", "Basic s3cret-token"), 401},
      {&locked, Read("127.0.0.1"), 0},
  };
  for (const Case& c : cases) {
    std::optional<HttpResponse> refused = c.router->Admit(c.request);
    int got = refused ? refused->status : 0;
    EXPECT_EQ(got, c.status) << c.request.method << " host=" << c.request.host << " origin=" << c.request.origin
                             << " type=" << c.request.content_type << " auth=" << c.request.authorization;
    if (got == 0) continue;
    // Handle refuses the same way, and nothing is stored.
    EXPECT_EQ(c.router->Handle(c.request).status, c.status);
  }
  EXPECT_EQ(json::parse(open.Handle(Read("127.0.0.1")).body)["total"], 0);  // no refused write stored anything
}

TEST(ApiCorrectionsTest, AppliedInOrderShownWithTheStoryAndWrittenOnlyAsWrites) {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("sf-api-corrections-" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  {
    auto repo = StoreStoryRepository::Open((dir / "stories.db").string());
    ASSERT_TRUE(repo.ok()) << repo.status().ToString();
    ServerMetrics metrics;
    ApiRouter router(repo->get(), &metrics, ApiAccess{"s3cret-token", {}});
    auto post = [&](const std::string& path, const std::string& body, const std::string& type = "application/json",
                    const std::string& origin = "") {
      HttpRequest r{"POST", path, {}, type, body};
      r.host = "127.0.0.1:8080";
      r.origin = origin;
      r.authorization = "Bearer s3cret-token";
      return router.Handle(r);
    };
    ASSERT_EQ(post("/api/articles", BridgeArticlesJson()).status, 200);
    ASSERT_EQ(post("/api/articles", FerryArticleJson("fp-1")).status, 200);
    std::string bridge = ArticleViewOf(**repo, "hd-1").at("story");
    std::string ferry = ArticleViewOf(**repo, "fp-1").at("story");

    // A write like any other: same origin, JSON type and the token.
    EXPECT_EQ(
        post("/api/corrections", R"({"kind": "detach", "article": "cc-1"})", "application/json", "http://evil.example")
            .status,
        403);
    EXPECT_EQ(post("/api/corrections", R"({"kind": "detach", "article": "cc-1"})", "text/plain").status, 415);
    HttpRequest anonymous{"POST", "/api/corrections", {}, "application/json", R"({"kind":"detach","article":"cc-1"})"};
    EXPECT_EQ(router.Handle(anonymous).status, 401);
    EXPECT_EQ(ArticleViewOf(**repo, "cc-1").at("story"), bridge);  // nothing applied

    EXPECT_EQ(post("/api/corrections", R"({"kind": "merge", "story": "s-99", "into": "s-1"})").status, 404);
    EXPECT_EQ(post("/api/corrections", R"({"kind": "merge", "story": "s-1"})").status, 400);
    HttpResponse both = post("/api/corrections",
                             "{\"kind\": \"detach\", \"article\": \"cc-1\", \"note\": \"another crossing\"}\n"
                             "{\"kind\": \"merge\", \"story\": \"" +
                                 ferry + "\", \"into\": \"" + bridge + "\"}\n",
                             "application/x-ndjson");
    ASSERT_EQ(both.status, 200) << both.body;
    json j = json::parse(both.body);
    EXPECT_EQ(j["rejected"], 0);
    EXPECT_EQ(j["corrections"][0]["moves"][0]["article"], "cc-1");
    EXPECT_EQ(j["corrections"][1]["moves"][0]["to"], bridge);

    json story = json::parse(router.Handle({"GET", "/api/stories/" + bridge, {}, "", ""}).body);
    EXPECT_EQ(story["editor_corrections"].size(), 2u);
    EXPECT_EQ(story["editor_corrections"][0]["note"], "another crossing");
    EXPECT_GE(story["version"].get<int>(), 3);
    // Merged away: the id answers with the story that took its articles.
    HttpResponse merged = router.Handle({"GET", "/api/stories/" + ferry, {}, "", ""});
    ASSERT_EQ(merged.status, 200);
    EXPECT_EQ(json::parse(merged.body)["id"], bridge);
    EXPECT_EQ(json::parse(merged.body)["merged_from"], ferry);
    HttpResponse get = router.Handle({"GET", "/api/corrections", {}, "", ""});
    EXPECT_EQ(get.status, 405);
    EXPECT_EQ(get.allow, "POST");
  }
  std::filesystem::remove_all(dir);
  // Without a store there is nowhere to keep them.
  MemoryStoryRepository memory;
  ServerMetrics metrics;
  ApiRouter router(&memory, &metrics);
  EXPECT_EQ(
      router.Handle({"POST", "/api/corrections", {}, "application/json", R"({"kind":"detach","article":"x"})"}).status,
      501);
}

}  // namespace
}  // namespace storyfuse
