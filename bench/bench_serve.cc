// bench_serve: the server under load on loopback. 100 clients read stories
// (story list, a story's brief, an article) while one client ingests
// 10,000 synthetic articles through POST /api/articles. Checks: no request
// fails, no article is lost, p99 read latency under 50 ms.
//
//   build/bench/bench_serve [--clients 100] [--articles 10000] [--batch 100]
//                           [--threads 64] [--think-ms 100] [--db PATH]
// Exit 0 when every check passes, 1 otherwise. Figures: docs/server.md.
#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/store_story_repository.h"
#include "server/api_router.h"
#include "server/http_client.h"
#include "server/http_server.h"
#include "server/server_metrics.h"

namespace storyfuse {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

struct Options {
  int clients = 100;
  int articles = 10000;
  int batch = 100;
  int threads = 64;    // as `storyfuse serve`
  int think_ms = 100;  // mean pause between a client's requests
  int per_story = 10;  // articles per synthetic story
  std::string db;
};

// ---- synthetic news: invented places, people and numbers ----

const char* kSyllables[] = {"vel", "mor", "tal", "vik", "bran", "dal", "ser",  "ko",  "lin", "ra",
                            "sto", "fen", "gar", "hul", "ost",  "pe",  "quin", "rud", "sal", "tor"};
const char* kEvents[] = {
    "bridge reopened",       "ferry strike ended", "library fire was contained", "harbour flooded", "rail line closed",
    "school roof collapsed", "wind farm opened",   "water plant failed",         "museum reopened", "power cut spread"};
const char* kOutlets[] = {"Harbour Daily", "Coast Courier", "Fjord Post", "Valley Ledger", "North Wire"};

std::string Name(int k, int salt) {
  std::string s;
  for (int i = 0, v = k * 7 + salt; i < 3; ++i, v /= 20) s += kSyllables[v % 20];
  s[0] = static_cast<char>(std::toupper(s[0]));
  return s;
}

json SyntheticArticle(int i, int per_story) {
  int story = i / per_story, variant = i % per_story;
  std::string town = Name(story, 1), mayor = Name(story, 3) + " " + Name(story, 5);
  std::string event = kEvents[story % 10];
  int count = 20 + story % 70, cost = 3 + story % 9;
  std::string text = fmt::format(
      "The {} in {} on Tuesday, officials said.\n\n"
      "Mayor {} said the town \"will not forget the people of {}\" after {} residents were moved.\n\n"
      "Repairs are expected to cost {}.{} million crowns, according to the council.\n\n"
      "Report {} from {}: crews worked through the night near the {} square.",
      event, town, mayor, town, count + variant % 3, cost, variant, i, kOutlets[variant % 5], Name(story, 9));
  return {{"id", fmt::format("syn-{:05d}", i)},
          {"outlet", kOutlets[variant % 5]},
          {"title", fmt::format("{}: {}", town, event)},
          {"published", fmt::format("2031-{:02d}-{:02d}", 1 + story % 12, 1 + story % 28)},
          {"text", text}};
}

// ---- the load ----

struct Reads {
  std::mutex mu;
  std::vector<double> latencies;  // seconds
  std::vector<std::string> errors;
};

void Reader(int port, const Options& opt, int seed, const std::atomic<bool>& stop, Reads* reads) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> pause(0, 2 * opt.think_ms);
  std::vector<double> local;
  std::vector<std::string> errors;
  std::vector<std::string> story_ids, article_ids;
  while (!stop) {
    std::string target = "/api/stories?limit=20";
    int pick = static_cast<int>(rng() % 10);
    if (pick >= 5 && !story_ids.empty()) target = "/api/stories/" + story_ids[rng() % story_ids.size()];
    if (pick >= 8 && !article_ids.empty()) target = "/api/articles/" + article_ids[rng() % article_ids.size()];
    auto start = Clock::now();
    Result<HttpReply> r = HttpFetch("127.0.0.1", port, {"GET", target});
    local.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    if (!r.ok() || r->status != 200) {
      errors.push_back(target + ": " + (r.ok() ? std::to_string(r->status) + " " + r->body : r.status().ToString()));
    } else if (target.rfind("/api/stories?", 0) == 0) {
      json list = json::parse(r->body);
      story_ids.clear();
      for (const json& s : list["stories"]) story_ids.push_back(s["id"]);
    } else if (target.rfind("/api/stories/", 0) == 0) {
      json brief = json::parse(r->body);
      for (const json& a : brief["articles"]) article_ids.push_back(a["id"]);
      if (article_ids.size() > 200) article_ids.erase(article_ids.begin(), article_ids.begin() + 100);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(pause(rng)));
  }
  std::lock_guard<std::mutex> lock(reads->mu);
  reads->latencies.insert(reads->latencies.end(), local.begin(), local.end());
  reads->errors.insert(reads->errors.end(), errors.begin(), errors.end());
}

// Posts articles [from, to) in batches; returns error messages.
std::vector<std::string> Ingest(int port, const Options& opt, int from, int to, int* created) {
  std::vector<std::string> errors;
  for (int b = from; b < to; b += opt.batch) {
    json batch = json::array();
    for (int i = b; i < std::min(to, b + opt.batch); ++i) batch.push_back(SyntheticArticle(i, opt.per_story));
    Result<HttpReply> r =
        HttpFetch("127.0.0.1", port, {"POST", "/api/articles", batch.dump(), "application/json", 600000});
    if (!r.ok() || r->status != 200) {
      errors.push_back(fmt::format("batch at {}: {}", b, r.ok() ? r->body : r.status().ToString()));
      continue;
    }
    json reply = json::parse(r->body);  // kept alive: the loop walks into it
    for (const json& a : reply["articles"]) *created += a.value("status", "") == "created";
  }
  return errors;
}

double Quantile(std::vector<double>& v, double q) {
  if (v.empty()) return 0;
  size_t k = std::min(v.size() - 1, static_cast<size_t>(q * v.size()));
  std::nth_element(v.begin(), v.begin() + k, v.end());
  return v[k];
}

Options ParseArgs(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    std::string value = argv[i + 1];
    if (flag == "--db")
      o.db = value;
    else if (flag == "--clients")
      o.clients = std::atoi(value.c_str());
    else if (flag == "--articles")
      o.articles = std::atoi(value.c_str());
    else if (flag == "--batch")
      o.batch = std::atoi(value.c_str());
    else if (flag == "--threads")
      o.threads = std::atoi(value.c_str());
    else if (flag == "--think-ms")
      o.think_ms = std::atoi(value.c_str());
    else
      fmt::print(stderr, "bench_serve: unknown flag {}\n", flag);
  }
  return o;
}

int Run(const Options& opt_in) {
  Options opt = opt_in;
  std::filesystem::path tmp;
  if (opt.db.empty()) {
    tmp = std::filesystem::temp_directory_path() / fmt::format("bench-serve-{}", getpid());
    std::filesystem::create_directories(tmp);
    opt.db = (tmp / "bench.db").string();
  }
  auto repo = StoreStoryRepository::Open(opt.db, opt.threads);
  if (!repo.ok()) {
    fmt::print(stderr, "bench_serve: {}\n", repo.status().ToString());
    return 1;
  }
  ServerMetrics metrics;
  ApiRouter router(repo->get(), &metrics);
  HttpServer server({"127.0.0.1", 0, opt.threads, 64u << 20}, [&](const HttpRequest& r) { return router.Handle(r); });
  if (Status st = server.Start(); !st.ok()) {
    fmt::print(stderr, "bench_serve: {}\n", st.ToString());
    return 1;
  }
  int warm = std::min(opt.articles, 10 * opt.per_story), created = 0;
  std::vector<std::string> ingest_errors = Ingest(server.port(), opt, 0, warm, &created);
  std::atomic<bool> stop{false};
  Reads reads;
  std::vector<std::thread> clients;
  for (int c = 0; c < opt.clients; ++c)
    clients.emplace_back(Reader, server.port(), std::cref(opt), c, std::cref(stop), &reads);
  auto start = Clock::now();
  std::vector<std::string> more = Ingest(server.port(), opt, warm, opt.articles, &created);
  double ingest_s = std::chrono::duration<double>(Clock::now() - start).count();
  stop = true;
  for (auto& t : clients) t.join();
  ingest_errors.insert(ingest_errors.end(), more.begin(), more.end());

  Result<RepositoryStats> stats = (*repo)->Stats();
  int64_t stored = stats.ok() ? stats->articles : -1;
  int missing = 0;
  for (int i = 0; i < opt.articles; i += 97) missing += !(*repo)->ArticleViewJson(fmt::format("syn-{:05d}", i)).ok();
  std::vector<double>& lat = reads.latencies;
  double p50 = Quantile(lat, 0.5) * 1e3, p90 = Quantile(lat, 0.9) * 1e3, p99 = Quantile(lat, 0.99) * 1e3;
  double max = lat.empty() ? 0 : *std::max_element(lat.begin(), lat.end()) * 1e3;
  fmt::print("clients {}  articles {}  batch {}  server threads {}  think {} ms (mean)\n", opt.clients, opt.articles,
             opt.batch, opt.threads, opt.think_ms);
  fmt::print(
      "ingest: {} articles in {:.1f} s = {:.0f} articles/s while serving reads; {} created, {} stored, "
      "{} stories\n",
      opt.articles - warm, ingest_s, (opt.articles - warm) / ingest_s, created, stored,
      stats.ok() ? stats->stories : -1);
  fmt::print("reads: {} requests ({:.0f}/s), {} errors; latency ms p50 {:.2f}  p90 {:.2f}  p99 {:.2f}  max {:.2f}\n",
             lat.size(), lat.size() / ingest_s, reads.errors.size(), p50, p90, p99, max);
  json m = metrics.ToJson();
  for (const char* route : {"stories", "story", "article", "ingest"}) {
    if (!m["requests"].contains(route)) continue;
    const json& r = m["requests"][route];
    fmt::print("  server {:8} n {:6}  mean {:7.2f}  p50 {:7.2f}  p99 {:8.2f}  max {:8.2f} ms\n", route,
               r.value("count", 0), r.value("mean_ms", 0.0), r.value("p50_ms", 0.0), r.value("p99_ms", 0.0),
               r.value("max_ms", 0.0));
  }
  for (size_t i = 0; i < std::min<size_t>(5, reads.errors.size()); ++i)
    fmt::print("  read error: {}\n", reads.errors[i]);
  for (size_t i = 0; i < std::min<size_t>(5, ingest_errors.size()); ++i)
    fmt::print("  ingest error: {}\n", ingest_errors[i]);
  bool ok = reads.errors.empty() && ingest_errors.empty() && stored == opt.articles && created == opt.articles &&
            missing == 0 && p99 < 50;
  fmt::print("checks: no error {}, no lost article {}, p99 < 50 ms {} -> {}\n",
             reads.errors.empty() && ingest_errors.empty() ? "yes" : "NO",
             stored == opt.articles && created == opt.articles && missing == 0 ? "yes" : "NO", p99 < 50 ? "yes" : "NO",
             ok ? "PASS" : "FAIL");
  server.Stop();
  if (!tmp.empty()) std::filesystem::remove_all(tmp);
  return ok ? 0 : 1;
}

}  // namespace
}  // namespace storyfuse

int main(int argc, char** argv) { return storyfuse::Run(storyfuse::ParseArgs(argc, argv)); }
