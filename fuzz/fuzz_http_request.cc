// libFuzzer target: bytes as one raw HTTP request through the server's
// whole request path without a socket (HttpServer::Exchange): framing,
// the access check, cpp-httplib's parser and ApiRouter over an in-memory
// repository holding two fictional articles, and /api/feeds over a
// FollowerThread whose thread is never started (so no URL a request adds is
// ever fetched). Traps when the answer is not one HTTP/1.1 response, when a
// refused request changed the store, or when a write went through without
// the token.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include <unistd.h>

#include "pipeline/follower_thread.h"
#include "pipeline/memory_story_repository.h"
#include "pipeline/test_fixtures.h"
#include "server/api_router.h"
#include "server/feeds_api.h"
#include "server/http_server.h"

namespace {

using namespace storyfuse;

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

constexpr char kToken[] = "fuzz-token-0123456789";
// Ingests re-cluster the whole store: start over now and then so that
// later inputs run as fast as the first.
constexpr int64_t kMaxArticles = 64;

// The feed state's SQLite file, one per fuzzing process, removed at exit.
// Never destroyed: the exit handler reads it after static destructors.
const std::string& FeedDbPath() {
  static const std::string* path = [] {
    char name[] = "/tmp/fuzz_http_feeds_XXXXXX";
    int fd = mkstemp(name);
    Check(fd >= 0);
    close(fd);
    std::atexit([] {
      for (const char* suffix : {"", "-wal", "-shm"}) std::remove((FeedDbPath() + suffix).c_str());
    });
    return new std::string(name);
  }();
  return *path;
}

struct Server {
  MemoryStoryRepository repo;
  ApiRouter router{&repo, nullptr, ApiAccess{kToken, {"fuzz.example"}}};
  std::unique_ptr<FollowerThread> follower;
  std::unique_ptr<FeedsApi> feeds;
  HttpServer http{HttpServerOptions{.max_body = 8192}, [this](const HttpRequest& r) { return router.Handle(r); },
                  [this](const HttpRequest& r) { return router.Admit(r); }};
  Server() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((FeedDbPath() + suffix).c_str());
    auto opened = FollowerThread::Open(FeedDbPath(), &repo, FollowerThread::Options{});
    Check(opened.ok());
    follower = std::move(*opened);  // never Start()ed: nothing is fetched
    feeds = std::make_unique<FeedsApi>(follower.get());
    router.set_feeds(feeds.get());
    HttpRequest seed{"POST", "/api/articles", {}, "application/json", BridgeArticlesJson()};
    seed.authorization = std::string("Bearer ") + kToken;
    Check(router.Handle(seed).status == 200);
  }
};

int64_t Articles(Server& s) { return s.repo.Stats()->articles; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static std::unique_ptr<Server> server;
  if (!server || Articles(*server) > kMaxArticles) server = std::make_unique<Server>();
  std::string_view raw(reinterpret_cast<const char*>(data), size);
  int64_t before = Articles(*server);
  std::string out = server->http.Exchange(raw);
  if (out.empty()) return 0;  // an incomplete request: nothing is answered yet
  Check(out.compare(0, 9, "HTTP/1.1 ") == 0 && out.size() >= 12);
  int status = std::stoi(out.substr(9, 3));
  Check(status >= 100 && status <= 599);
  Check(out.find("\r\n\r\n") != std::string::npos);
  if (status >= 400 || raw.find(kToken) == std::string_view::npos) Check(Articles(*server) == before);
  return 0;
}
