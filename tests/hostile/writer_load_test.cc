// Issue #22: one costly document must not hold the single writer. Through
// the server and the SQLite store: while a 4 MB one-sentence text (the
// issue's date case) is POSTed, small POSTs, each a new article whose
// story's brief is built, are answered within 1 s (the bar, asserted), and
// each answer's story already lists its article. The figures are printed.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "pipeline/store_story_repository.h"
#include "pipeline/test_fixtures.h"
#include "server/api_router.h"
#include "server/http_client.h"
#include "server/http_server.h"

namespace storyfuse {
namespace {

using Clock = std::chrono::steady_clock;

std::string WeekdaySentence(size_t bytes) {
  static const char* kDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  std::string out;
  for (size_t i = 0; out.size() < bytes; ++i) out += std::string("the council met on ") + kDays[i % 7] + " and voted ";
  return out + ".";
}

// A short article about an invented event, its own for each `i`.
std::string SmallArticleJson(int i) {
  static const char* kTowns[] = {"Velmora", "Tallvik", "Brandhem", "Ostervik", "Kolmar", "Sandrun", "Hulmo"};
  static const char* kEvents[] = {"library reopened", "ferry strike ended", "harbour flooded", "wind farm opened"};
  std::string town = std::string(kTowns[i % 7]) + (i >= 7 ? std::to_string(i / 7) : "");
  std::string event = kEvents[i % 4];
  return nlohmann::json{{"id", "small-" + std::to_string(i)},
                        {"outlet", "Fjord Post"},
                        {"title", "In " + town + " the " + event},
                        {"text", "The " + event + " in " + town + " on Monday, the council said.\n\nAbout " +
                                     std::to_string(100 + i) + " people came to see it, " + town + " officials said."}}
      .dump();
}

TEST(WriterLoadTest, ASmallPostIsAnsweredWhileAHugeOneIsIngested) {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / ("sf-writer-load-" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  {
    auto repo = StoreStoryRepository::Open((dir / "s.db").string(), 4);
    ASSERT_TRUE(repo.ok()) << repo.status().ToString();
    ApiRouter router(repo->get(), nullptr);
    HttpServerOptions o;
    o.port = 0;
    HttpServer server(
        o, [&](const HttpRequest& r) { return router.Handle(r); },
        [&](const HttpRequest& r) { return router.Admit(r); });
    ASSERT_TRUE(server.Start().ok());
    auto post = [&](const std::string& body, int timeout_ms) {
      return HttpFetch("127.0.0.1", server.port(), {"POST", "/api/articles", body, "application/json", timeout_ms});
    };
    // Warm: the first brief loads what every brief shares.
    ASSERT_TRUE(post(FerryArticleJson("warm"), 60000).ok());
    std::string big = nlohmann::json{{"id", "big"}, {"text", WeekdaySentence(4u << 20)}}.dump();
    HttpReply big_reply;
    std::atomic<bool> big_done{false};
    auto big_start = Clock::now();
    std::thread poster([&] {
      auto r = post(big, 120000);
      if (r.ok()) big_reply = *r;
      big_done = true;
    });
    // Small POSTs, one after another, for as long as the big one runs: the
    // slowest is what a client waits at worst.
    double worst_ms = 0;
    int smalls = 0;
    while (!big_done || smalls == 0) {
      auto start = Clock::now();
      auto small = post(SmallArticleJson(smalls), 60000);
      worst_ms = std::max(worst_ms, std::chrono::duration<double, std::milli>(Clock::now() - start).count());
      ASSERT_TRUE(small.ok()) << small.status().ToString();
      ASSERT_EQ(small->status, 200) << small->body;
      // Answered only once its story's brief lists it.
      nlohmann::json answer = nlohmann::json::parse(small->body, nullptr, false);
      ASSERT_TRUE(answer.is_object()) << small->body;
      EXPECT_EQ(answer["articles"][0].value("status", ""), "created") << small->body;
      std::string story = answer["articles"][0].value("story", "");
      auto brief = repo->get()->StoryBriefJson(story);
      ASSERT_TRUE(brief.ok()) << story;
      EXPECT_NE(brief->find("\"small-" + std::to_string(smalls) + "\""), std::string::npos) << story;
      ++smalls;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));  // a client, not a flood
    }
    poster.join();
    double big_ms = std::chrono::duration<double, std::milli>(Clock::now() - big_start).count();
    std::printf("a 4 MB POST took %.0f ms; %d small POSTs beside it, the slowest answered in %.0f ms\n", big_ms, smalls,
                worst_ms);
    // The bar. The single writer is held only for steps of a few ms of
    // CPU (docs/server.md, "Limits and access"), so even a loaded CI machine
    // (2 cores, tests in parallel) answers well within it.
    EXPECT_LT(worst_ms, 1000);
    ASSERT_EQ(big_reply.status, 200) << big_reply.body.substr(0, 300);
    nlohmann::json j = nlohmann::json::parse(big_reply.body);
    EXPECT_NE(j["articles"][0].value("warning", "").find("text cut from"), std::string::npos) << big_reply.body;
    server.Stop();
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace storyfuse
