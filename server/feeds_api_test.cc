#include "server/feeds_api.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "pipeline/memory_story_repository.h"
#include "server/api_router.h"

namespace storyfuse {
namespace {

using nlohmann::json;

// The routes through ApiRouter, so that writes meet its rules. The
// follower is not started: no request leaves the test.
class FeedsApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() / ("feeds_api_test_" + std::to_string(getpid()) + ".db")).string();
    Cleanup();
    Result<std::unique_ptr<FollowerThread>> f = FollowerThread::Open(path_, &repo_, {});
    ASSERT_TRUE(f.ok()) << f.status().message();
    follower_ = std::move(*f);
    api_ = std::make_unique<FeedsApi>(follower_.get());
    router_.set_feeds(api_.get());
  }
  void TearDown() override {
    follower_.reset();
    Cleanup();
  }
  void Cleanup() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }
  HttpResponse Call(ApiRouter& router, const std::string& method, const std::string& path, const std::string& body,
                    const std::string& type = "application/json", const std::string& auth = "") {
    HttpRequest r{method, path, {}, type, body};
    r.host = "127.0.0.1:8080";
    r.authorization = auth;
    return router.Handle(r);
  }
  HttpResponse Call(const std::string& method, const std::string& path, const std::string& body = "",
                    const std::string& type = "application/json") {
    return Call(router_, method, path, body, type);
  }
  static json Json(const HttpResponse& r) { return json::parse(r.body); }

  std::string path_;
  MemoryStoryRepository repo_;
  ServerMetrics metrics_;
  ApiRouter router_{&repo_, &metrics_};
  std::unique_ptr<FollowerThread> follower_;
  std::unique_ptr<FeedsApi> api_;
};

TEST_F(FeedsApiTest, AddsListsAndRemovesFeeds) {
  EXPECT_EQ(Json(Call("GET", "/api/feeds"))["feeds"].size(), 0u);
  HttpResponse added =
      Call("POST", "/api/feeds",
           R"({"urls": ["http://127.0.0.1:9/a.xml", "gopher://x"], "opml": "http://127.0.0.1:9/b.xml\n"})");
  ASSERT_EQ(added.status, 200) << added.body;
  json j = Json(added);
  ASSERT_EQ(j["added"].size(), 2u);
  ASSERT_EQ(j["errors"].size(), 1u);
  EXPECT_NE(j["errors"][0].get<std::string>().find("gopher://x"), std::string::npos);

  json list = Json(Call("GET", "/api/feeds"));
  ASSERT_EQ(list["feeds"].size(), 2u);
  const json& a = list["feeds"][0];
  EXPECT_EQ(a["url"], "http://127.0.0.1:9/a.xml");
  EXPECT_EQ(a["health"], "new");
  EXPECT_EQ(a["articles"], 0);
  EXPECT_EQ(a["error_count"], 0);
  EXPECT_EQ(list["interval_seconds"], 600);
  EXPECT_EQ(list["round"]["rounds"], 0);

  std::string id = std::to_string(a["id"].get<int64_t>());
  EXPECT_EQ(Call("DELETE", "/api/feeds/" + id).status, 200);
  EXPECT_EQ(Call("DELETE", "/api/feeds/" + id).status, 404);
  EXPECT_EQ(Call("DELETE", "/api/feeds/x1").status, 404);
  EXPECT_EQ(Json(Call("GET", "/api/feeds"))["feeds"].size(), 1u);
}

TEST_F(FeedsApiTest, BadBodiesAndMethodsAreRefused) {
  EXPECT_EQ(Call("POST", "/api/feeds", "[1]").status, 400);
  EXPECT_EQ(Call("POST", "/api/feeds", R"({"url": 3})").status, 400);
  EXPECT_EQ(Call("POST", "/api/feeds", R"({})").status, 400);
  HttpResponse none = Call("POST", "/api/feeds", R"({"url": "file:///etc/passwd"})");
  EXPECT_EQ(none.status, 400);
  EXPECT_NE(Json(none)["errors"][0].get<std::string>().find("not an absolute http(s) URL"), std::string::npos);
  HttpResponse put = Call("PUT", "/api/feeds", "{}");
  EXPECT_EQ(put.status, 405);
  EXPECT_EQ(put.allow, "GET, HEAD, POST");
  EXPECT_EQ(Call("GET", "/api/feeds/1").status, 405);
}

TEST_F(FeedsApiTest, WritesObeyTheServersWriteRules) {
  // Content-Type, even for a DELETE without a body.
  EXPECT_EQ(Call("POST", "/api/feeds", R"({"url": "http://127.0.0.1:9/a.xml"})", "text/plain").status, 415);
  EXPECT_EQ(Call("DELETE", "/api/feeds/1", "", "").status, 415);
  // Origin.
  HttpRequest cross{"POST", "/api/feeds", {}, "application/json", R"({"url": "http://127.0.0.1:9/a.xml"})"};
  cross.host = "127.0.0.1:8080";
  cross.origin = "http://evil.test";
  EXPECT_EQ(router_.Handle(cross).status, 403);
  // The token.
  ApiRouter guarded(&repo_, &metrics_, ApiAccess{"0123456789abcdef0123", {}});
  guarded.set_feeds(api_.get());
  std::string body = R"({"url": "http://127.0.0.1:9/a.xml"})";
  EXPECT_EQ(Call(guarded, "POST", "/api/feeds", body).status, 401);
  EXPECT_EQ(Call(guarded, "POST", "/api/feeds", body, "application/json", "Bearer 0123456789abcdef0123").status, 200);
  EXPECT_EQ(Call(guarded, "GET", "/api/feeds", "").status, 200);  // reads need no token
  // A server that follows nothing has no feeds routes.
  ApiRouter plain(&repo_, &metrics_);
  EXPECT_EQ(Call(plain, "GET", "/api/feeds", "").status, 404);
}

}  // namespace
}  // namespace storyfuse
