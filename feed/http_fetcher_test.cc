#include "feed/http_fetcher.h"

#include <gtest/gtest.h>

#include "feed/local_test_server.h"

namespace storyfuse {
namespace {

using std::chrono::milliseconds;

class HttpFetcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    httplib::Server& s = server_.server();
    s.Get("/feed.xml", [](const httplib::Request& req, httplib::Response& res) {
      if (req.get_header_value("If-None-Match") == "\"v1\"") {
        res.status = 304;
        return;
      }
      res.set_header("ETag", "\"v1\"");
      res.set_header("Last-Modified", "Fri, 04 Dec 2026 10:00:00 GMT");
      res.set_content("<rss version=\"2.0\"><channel><title>Lakeside Courier</title></channel></rss>",
                      "application/rss+xml; charset=ISO-8859-1");
    });
    s.Get("/agent", [](const httplib::Request& req, httplib::Response& res) {
      res.set_content(req.get_header_value("User-Agent"), "text/plain");
    });
    s.Get("/moved", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/feed.xml"); });
    s.Get("/loop-a", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/loop-b"); });
    s.Get("/loop-b", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/loop-a"); });
    s.Get("/gone", [](const httplib::Request&, httplib::Response& res) { res.status = 410; });
    s.Get("/busy", [](const httplib::Request&, httplib::Response& res) {
      res.status = 429;
      res.set_header("Retry-After", "120");
    });
    s.Get("/big", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(std::string(2 * kCap, 'a'), "text/html");
    });
    s.Get("/bomb", [this](const httplib::Request&, httplib::Response& res) {
      res.set_header("Content-Encoding", "gzip");
      res.set_content(bomb_, "application/octet-stream");
    });
    s.Get("/stall", [this](const httplib::Request&, httplib::Response& res) {
      server_.SleepUnlessStopping(milliseconds(5000));
      res.set_content("late", "text/plain");
    });
    s.Get("/drip", [this](const httplib::Request&, httplib::Response& res) {
      res.set_chunked_content_provider("text/html", [this](size_t, httplib::DataSink& sink) {
        server_.SleepUnlessStopping(milliseconds(100));
        if (server_.stopping()) return false;
        sink.write("x", 1);
        return true;
      });
    });
    bomb_ = LocalTestServer::Gzip(std::string(64 * kCap, '\0'));
    ASSERT_TRUE(server_.Start());
  }

  HttpFetcher::Options Options() {
    HttpFetcher::Options o;
    o.contact_url = "https://newsroom.example.test/crawler";
    o.max_body_bytes = kCap;
    o.total_timeout = milliseconds(600);
    return o;
  }

  static constexpr size_t kCap = 256 * 1024;
  LocalTestServer server_;
  std::string bomb_;
};

TEST_F(HttpFetcherTest, FetchesWithValidatorsAndCharset) {
  HttpFetcher f(Options());
  Result<FetchResponse> r = f.Fetch({server_.Url("/feed.xml"), "", ""});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("Lakeside Courier"), std::string::npos);
  EXPECT_EQ(r->etag, "\"v1\"");
  EXPECT_EQ(r->last_modified, "Fri, 04 Dec 2026 10:00:00 GMT");
  EXPECT_EQ(r->charset, "ISO-8859-1");

  Result<FetchResponse> again = f.Fetch({server_.Url("/feed.xml"), r->etag, r->last_modified});
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->not_modified());
  EXPECT_TRUE(again->body.empty());
}

TEST_F(HttpFetcherTest, SendsAnHonestUserAgent) {
  HttpFetcher f(Options());
  Result<FetchResponse> r = f.Fetch({server_.Url("/agent"), "", ""});
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->body.starts_with("storyfuse/")) << r->body;
  EXPECT_NE(r->body.find("(+https://newsroom.example.test/crawler)"), std::string::npos) << r->body;
}

TEST_F(HttpFetcherTest, FollowsRedirectsButNotLoops) {
  HttpFetcher f(Options());
  Result<FetchResponse> r = f.Fetch({server_.Url("/moved"), "", ""});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->redirects, 1);
  EXPECT_EQ(r->final_url, server_.Url("/feed.xml"));

  Result<FetchResponse> loop = f.Fetch({server_.Url("/loop-a"), "", ""});
  ASSERT_FALSE(loop.ok());
  EXPECT_NE(loop.status().message().find(server_.Url("/loop-a")), std::string::npos);
  EXPECT_NE(loop.status().message().find("too many redirects"), std::string::npos) << loop.status().message();
}

TEST_F(HttpFetcherTest, HttpErrorsAreResponses) {
  HttpFetcher f(Options());
  Result<FetchResponse> gone = f.Fetch({server_.Url("/gone"), "", ""});
  ASSERT_TRUE(gone.ok());
  EXPECT_EQ(gone->status, 410);
  Result<FetchResponse> busy = f.Fetch({server_.Url("/busy"), "", ""});
  ASSERT_TRUE(busy.ok());
  EXPECT_EQ(busy->status, 429);
  EXPECT_EQ(busy->retry_after, "120");
  Result<FetchResponse> missing = f.Fetch({server_.Url("/nothing-here"), "", ""});
  ASSERT_TRUE(missing.ok());
  EXPECT_EQ(missing->status, 404);
}

TEST_F(HttpFetcherTest, SizeCapStopsBigBodiesAndGzipBombs) {
  HttpFetcher f(Options());
  for (const char* path : {"/big", "/bomb"}) {
    Result<FetchResponse> r = f.Fetch({server_.Url(path), "", ""});
    ASSERT_FALSE(r.ok()) << path;
    EXPECT_NE(r.status().message().find("byte limit"), std::string::npos) << r.status().message();
    EXPECT_NE(r.status().message().find(server_.Url(path)), std::string::npos);
  }
}

TEST_F(HttpFetcherTest, StallsAndDripsEndAtTheTimeout) {
  HttpFetcher f(Options());
  for (const char* path : {"/stall", "/drip"}) {
    auto start = std::chrono::steady_clock::now();
    Result<FetchResponse> r = f.Fetch({server_.Url(path), "", ""});
    auto took = std::chrono::steady_clock::now() - start;
    ASSERT_FALSE(r.ok()) << path;
    EXPECT_NE(r.status().message().find("timed out"), std::string::npos) << r.status().message();
    EXPECT_LT(took, milliseconds(3000)) << path;
  }
}

TEST_F(HttpFetcherTest, RefusesOtherSchemesAndRefusedConnections) {
  HttpFetcher f(Options());
  EXPECT_FALSE(f.Fetch({"file:///etc/passwd", "", ""}).ok());
  // Port 1 on loopback: nothing listens there.
  Result<FetchResponse> r = f.Fetch({"http://127.0.0.1:1/feed.xml", "", ""});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("http://127.0.0.1:1/feed.xml"), std::string::npos);
}

}  // namespace
}  // namespace storyfuse
