#include "server/http_server.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "server/api_router.h"
#include "server/http_client.h"
#include "server/memory_story_repository.h"
#include "server/test_fixtures.h"

namespace storyfuse {
namespace {

using nlohmann::json;

class HttpServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    HttpServerOptions o;
    o.port = 0;
    o.threads = 4;
    o.max_body = 64 * 1024;
    server_ = std::make_unique<HttpServer>(o, [this](const HttpRequest& r) { return router_.Handle(r); });
    ASSERT_TRUE(server_->Start().ok());
    ASSERT_GT(server_->port(), 0);
  }
  HttpReply Fetch(HttpCall call) {
    Result<HttpReply> r = HttpFetch("127.0.0.1", server_->port(), call);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : HttpReply{};
  }

  MemoryStoryRepository repo_;
  ServerMetrics metrics_;
  ApiRouter router_{&repo_, &metrics_};
  std::unique_ptr<HttpServer> server_;
};

TEST_F(HttpServerTest, ServesRoutesOverLoopback) {
  HttpReply health = Fetch({"GET", "/healthz"});
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.content_type, "application/json");
  EXPECT_EQ(json::parse(health.body)["status"], "ok");
  HttpReply posted = Fetch({"POST", "/api/articles", BridgeArticlesJson(), "application/json"});
  ASSERT_EQ(posted.status, 200) << posted.body;
  HttpReply list = Fetch({"GET", "/api/stories?q=" + UrlEncode("velmora bridge") + "&limit=5"});
  EXPECT_EQ(json::parse(list.body)["stories"].size(), 1u) << list.body;
}

TEST_F(HttpServerTest, JsonLinesBody) {
  std::string lines = FerryArticleJson("n1") + "\n" + FerryArticleJson("n2") + "\n";
  HttpReply r = Fetch({"POST", "/api/articles", lines, "application/x-ndjson; charset=utf-8"});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json::parse(r.body)["articles"].size(), 2u);
}

TEST_F(HttpServerTest, BodyOverTheLimitIsA413JsonError) {
  std::string big = "{\"text\": \"" + std::string(100 * 1024, 'a') + "\"}";
  HttpReply r = Fetch({"POST", "/api/articles", big, "application/json"});
  EXPECT_EQ(r.status, 413);
  json j = json::parse(r.body);
  EXPECT_NE(j["error"].get<std::string>().find("over the limit of 65536 bytes"), std::string::npos);
}

TEST_F(HttpServerTest, RouteErrorsKeepTheirBody) {
  HttpReply r = Fetch({"GET", "/api/stories/s-404"});
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(json::parse(r.body)["error"].get<std::string>().find("no story s-404"), std::string::npos);
}

TEST_F(HttpServerTest, BindFailsOnAPortInUse) {
  HttpServerOptions o;
  o.port = server_->port();
  HttpServer second(o, [](const HttpRequest&) { return HttpResponse{}; });
  Status st = second.Bind();
  EXPECT_EQ(st.code(), Status::Code::kIoError);
}

}  // namespace
}  // namespace storyfuse
