// bench_workers: issue #25's equivalence and load bars, measured. Starts a
// throwaway PostgreSQL and Redis, writes a corpus (the real articles of
// ../shared/data/clustering and ../shared/seeds, then invented ones up to
// N), stores it by single-machine `ingest` (SQLite) and through the
// workers twice (1 extract + 1 assign + 1 brief, then E extract + 1 assign
// + B brief), checks each worker result equals the single-machine one, and
// prints CPU seconds per role, per engine and per 1,000 articles.
//
//   build/bench/bench_workers [N=20000] [E=3] [B=2]
//
// The load bar (issue #25: 100 readers on 2 `serve` instances during a
// 20,000-article run, p99 read latency under 50 ms, no errors):
//
//   build/bench/bench_workers N --write-synthetic PATH   (only writes N invented articles)
//
//   build/bench/bench_workers 20000 3 2 --readers 100 --serve 2 [--think-ms 100] [--after-s 20]
//       [--cache-ms MS] [--workers-nice N] [--workers-idle 1] [--workers-cpu PCT] [--keep-alive 0|1]
//       [--publish-rate A] [--pg-setting NAME=VALUE] [--pg-statements K]
//
// runs only the E + 1 + B shape (no single-machine reference, no
// comparison), with S `serve --read-only --db postgresql://…` instances
// and R reader clients, each a loop of a realistic mix of the API's read
// paths (story list pages 35%, a story's page 35%, an article 20%, search
// 10%) with a random pause (exponential, mean --think-ms: a reader's
// clicks as a Poisson process) between requests, while the
// workers run, and then for --after-s seconds more with the workers done
// (readers alone). Every request's latency and status is recorded; it
// prints p50/p95/p99/max and errors per endpoint and phase, the load
// average and the CPU of every process, and the CPU per read request of
// `serve`, PostgreSQL and the reader client while the readers are alone.
// --cache-ms passes `serve --cache-ms` (the read cache's staleness bound;
// 0 turns it off); --workers-nice N runs the workers at nice N, a model of
// workers on other machines than `serve` (the machine has 2 cores);
// --workers-idle 1 runs them under SCHED_IDLE; --workers-cpu PCT puts them
// in a control group (tests/services/cpu_quota_group.h, needs root) that
// caps them together at PCT % of one core, as a deployment's CPUQuota=
// does (the one of these that keeps the readers' tail low: docs/scale.md,
// "What the tail was"). Each server's own handler latency (/metrics) is
// printed beside the client's; --pg-statements K prints the K statements
// PostgreSQL spent most time on, with their mean and max.
// Readers keep their connection open, as browsers do (--keep-alive 0: a
// connection per request, as before 2026-12-05's cache).
// --publish-rate A publishes the invented articles during the run, A a
// second (in one-second chunks, each an `ingest --queue`), as a feed
// follower would, instead of all before the workers start (a backfill run
// flat out, which takes every core it finds).
// Exit 0 when the during-run p99 is under 50 ms with no error.
//
// Needs the built CLI at $STORYFUSE (default build/tools/storyfuse).
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "server/http_client.h"
#include "store/pg_connection.h"
#include "tests/services/throwaway_engines.h"
#include "tests/services/worker_fleet.h"

namespace fs = std::filesystem;
using namespace storyfuse;

namespace {

int CountLines(const fs::path& p) {
  std::ifstream in(p);
  int n = 0;
  std::string line;
  while (std::getline(in, line)) n += !line.empty();
  return n;
}

double Now() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

// ---- the load bar: readers on `serve --read-only` beside the workers ----

struct LoadOptions {
  int readers = 0;  // 0: the equivalence runs instead
  int serve = 2;
  int think_ms = 100;  // mean pause between a reader's requests (as bench_serve)
  int after_s = 20;    // readers alone, once the workers are done
  // Threads per server, each with its own PostgreSQL connection once busy:
  // 2 x 16 plus the workers stay under the throwaway server's 50 connections.
  int serve_threads = 16;
  int cache_ms = -1;      // serve --cache-ms; -1: serve's default
  int workers_nice = 0;   // nice value of the worker processes
  int workers_idle = 0;   // 1: the workers under SCHED_IDLE
  int workers_cpu = 0;    // > 0: the workers together capped at this % of one core
  int keep_alive = 1;     // readers keep their connection (as browsers do); 0: one per request
  std::string db;         // the store, to say why a story answered 404
  int pg_statements = 0;  // print this many statements costing PostgreSQL most
  // Invented articles published per second while the run goes (the
  // others, real, first); 0: the whole corpus before the workers start.
  int publish_rate = 0;
};

// Splits `jsonl` into files of `per_file` lines in `dir`, in order.
std::vector<std::string> SplitLines(const std::string& jsonl, int per_file, const fs::path& dir) {
  std::vector<std::string> files;
  std::ifstream in(jsonl);
  std::ofstream out;
  std::string line;
  int lines = per_file;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    if (lines == per_file) {
      files.push_back((dir / ("chunk-" + std::to_string(files.size()) + ".jsonl")).string());
      out = std::ofstream(files.back());
      lines = 0;
    }
    out << line << '\n';
    ++lines;
  }
  return files;
}

// Why a story id answered 404, from the store at that moment: its latest
// move out and whether the story it went to has a brief yet.
std::string WhyMissing(const std::string& db, const std::string& story_id) {
  auto conn = PgConnection::Connect(db);
  if (!conn.ok()) return "";
  auto r = (*conn)->Query(
      "SELECT m.to_story, m.cause, s.id IS NOT NULL, coalesce(s.brief_json, '') <> '' FROM story_moves m "
      "LEFT JOIN stories s ON s.id = m.to_story WHERE m.from_story = $1 ORDER BY m.seq DESC LIMIT 1",
      {story_id});
  if (!r.ok()) return " (" + r.status().ToString() + ")";
  if (r->rows() == 0) return " (no move out of it)";
  return " (moved to " + r->Text(0, 0) + " by " + r->Text(0, 1) + ": stored " + r->Text(0, 2) + ", built " +
         r->Text(0, 3) + ")";
}

enum Endpoint { kList, kStory, kArticle, kSearch, kEndpoints };
const char* const kEndpointNames[kEndpoints] = {"stories", "story", "article", "search"};
// The mix, in percent: story list pages, a story's page, an article, search.
constexpr int kMix[kEndpoints] = {35, 35, 20, 10};
// The p99 read latency issue #25's load bar asks for.
constexpr double kBarP99Ms = 50;
// Story list pages a reader browses (offset up to this many stories).
constexpr int kListDepth = 100;
// A reader picks articles among ids from the briefs it read: it parses
// every brief until it holds this many, then one in kParseEvery.
constexpr size_t kArticlePool = 50;
constexpr unsigned kParseEvery = 8;

struct Sample {
  uint8_t endpoint;
  uint8_t phase;   // 0 during the run, 1 readers alone after it
  int16_t status;  // HTTP status, -1 no answer
  float ms;
};

struct LoadState {
  std::atomic<int> phase{0};
  std::atomic<bool> stop{false};
  std::mutex mu;
  std::vector<Sample> samples;
  std::vector<std::string> errors;  // the first few, for the report
};

std::string UrlWord(const std::string& title) {
  // The longest alphabetic word of a title: a search a reader might type.
  std::string best, cur;
  for (char c : title + " ") {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      cur += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      if (cur.size() > best.size()) best = cur;
      cur.clear();
    }
  }
  return best.empty() ? "officials" : best;
}

void Reader(int port, int seed, const LoadOptions& opt, LoadState* state) {
  using nlohmann::json;
  std::mt19937 rng(seed);
  // Exponential pauses: a person's next click is as likely at any moment
  // (a Poisson process per reader), with bursts and long reads, not a
  // metronome.
  std::exponential_distribution<double> pause(1.0 / std::max(1, opt.think_ms));
  std::vector<Sample> local;
  std::vector<std::string> errors;
  std::vector<std::string> story_ids, article_ids, words = {"officials"};
  HttpConnection conn("127.0.0.1", port);
  while (!state->stop) {
    int pick = static_cast<int>(rng() % 100), endpoint = kList;
    for (int e = 0, acc = 0; e < kEndpoints; ++e) {
      acc += kMix[e];
      if (pick < acc) {
        endpoint = e;
        break;
      }
    }
    if (endpoint == kStory && story_ids.empty()) endpoint = kList;
    if (endpoint == kArticle && article_ids.empty()) endpoint = story_ids.empty() ? kList : kStory;
    std::string target;
    switch (endpoint) {
      case kList:
        target = "/api/stories?limit=20&offset=" + std::to_string(20 * (rng() % (kListDepth / 20)));
        break;
      case kStory:
        target = "/api/stories/" + story_ids[rng() % story_ids.size()];
        break;
      case kArticle:
        target = "/api/articles/" + article_ids[rng() % article_ids.size()];
        break;
      default:
        target = "/api/search?q=" + words[rng() % words.size()];
    }
    int phase = state->phase;
    auto start = std::chrono::steady_clock::now();
    Result<HttpReply> r = opt.keep_alive ? conn.Fetch({"GET", target}) : HttpFetch("127.0.0.1", port, {"GET", target});
    float ms = std::chrono::duration<float, std::milli>(std::chrono::steady_clock::now() - start).count();
    int16_t status = r.ok() ? static_cast<int16_t>(r->status) : int16_t{-1};
    local.push_back({static_cast<uint8_t>(endpoint), static_cast<uint8_t>(phase), status, ms});
    if (status != 200) {
      if (errors.size() < 5) {
        std::string why = status == 404 && endpoint == kStory && !opt.db.empty()
                              ? WhyMissing(opt.db, target.substr(target.rfind('/') + 1))
                              : "";
        errors.push_back(target + ": " + (r.ok() ? std::to_string(r->status) + " " + r->body : r.status().ToString()) +
                         why);
      }
    } else if (endpoint == kList) {
      json list = json::parse(r->body, nullptr, false);
      if (list.is_object() && !list["stories"].empty()) {
        story_ids.clear();
        for (const json& s : list["stories"]) {
          story_ids.push_back(s.value("id", ""));
          if (words.size() < 50 && s["headline"].is_string()) words.push_back(UrlWord(s["headline"]));
        }
      }
    } else if (endpoint == kStory && (article_ids.size() < kArticlePool || rng() % kParseEvery == 0)) {
      // The client is not the system measured, yet it shares the 2 cores:
      // parsing every brief it reads (hundreds of KB for a large story)
      // cost it as much CPU per read as `serve` spent answering. With a
      // pool of ids in hand it parses one brief in kParseEvery.
      json brief = json::parse(r->body, nullptr, false);
      if (brief.is_object() && brief.contains("articles")) {
        for (const json& a : brief["articles"]) article_ids.push_back(a.value("id", ""));
      }
      if (article_ids.size() > 200) article_ids.erase(article_ids.begin(), article_ids.begin() + 100);
    }
    std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(pause(rng)));
  }
  std::lock_guard<std::mutex> lock(state->mu);
  state->samples.insert(state->samples.end(), local.begin(), local.end());
  state->errors.insert(state->errors.end(), errors.begin(), errors.end());
}

double Quantile(std::vector<float> v, double q) {
  if (v.empty()) return 0;
  size_t k = std::min(v.size() - 1, static_cast<size_t>(q * static_cast<double>(v.size())));
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
  return v[k];
}

double SelfCpu() {
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

// CPU seconds of the servers, PostgreSQL (live sessions included) and this
// process (the reader client), at one moment.
struct CpuMark {
  double serve = 0, postgres = 0, client = 0;
  static CpuMark Take(const std::vector<pid_t>& servers, const ThrowawayPostgres& pg) {
    CpuMark m;
    for (pid_t p : servers) m.serve += ProcessCpuSeconds(p);
    m.postgres = pg.LiveCpuSeconds();
    m.client = SelfCpu();
    return m;
  }
};

std::string LoadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string a, b, c;
  in >> a >> b >> c;
  return a + " " + b + " " + c;
}

// Each server's own latency per route so far (GET /metrics: the time from
// a request handed to a worker thread to its response built), beside the
// client's: a tail in both is the handler's (the store, serve's CPU); a
// tail only the client sees is spent before or after it (the event loop,
// the socket, the client's own wake-up).
std::string ServerSideLatency(int port) {
  using nlohmann::json;
  Result<HttpReply> r = HttpFetch("127.0.0.1", port, {"GET", "/metrics?format=json"});
  if (!r.ok() || r->status != 200) return "no /metrics";
  json m = json::parse(r->body, nullptr, false);
  if (!m.is_object() || !m["requests"].is_object()) return "no /metrics";
  std::string out;
  for (const char* route : kEndpointNames) {
    const json& h = m["requests"].value(route, json::object());
    char buf[96];
    std::snprintf(buf, sizeof buf, "%s%s p50 %.2f p99 %.2f max %.1f", out.empty() ? "" : ", ", route,
                  h.value("p50_ms", 0.0), h.value("p99_ms", 0.0), h.value("max_ms", 0.0));
    out += buf;
  }
  return out;
}

// Prints the phase's figures per endpoint and in all; returns whether it
// meets the bar (p99 under 50 ms, no error).
bool ReportPhase(const std::vector<Sample>& samples, int phase, const char* title, double seconds) {
  std::printf("\n  %s (%.0f s)\n  %-8s %7s %7s %8s %8s %8s %8s %7s\n", title, seconds, "endpoint", "n", "errors",
              "p50 ms", "p95 ms", "p99 ms", "max ms", "req/s");
  std::vector<float> all;
  int all_errors = 0;
  for (int e = 0; e <= kEndpoints; ++e) {
    std::vector<float> ms;
    int errors = 0;
    for (const Sample& s : samples) {
      if (s.phase != phase || (e < kEndpoints && s.endpoint != e)) continue;
      ms.push_back(s.ms);
      errors += s.status != 200;
    }
    if (e == kEndpoints) {
      all = ms;
      all_errors = errors;
    }
    if (ms.empty()) continue;
    std::printf("  %-8s %7zu %7d %8.2f %8.2f %8.2f %8.2f %7.0f\n", e < kEndpoints ? kEndpointNames[e] : "all",
                ms.size(), errors, Quantile(ms, 0.5), Quantile(ms, 0.95), Quantile(ms, 0.99),
                *std::max_element(ms.begin(), ms.end()), static_cast<double>(ms.size()) / seconds);
  }
  return !all.empty() && all_errors == 0 && Quantile(all, 0.99) < kBarP99Ms;
}

// The `top` statements by PostgreSQL's execution time over the whole run
// (pg_stat_statements, preloaded by --pg-statements): where the server's
// CPU goes, by reads and writes.
void PrintStatements(const std::string& db, int top) {
  auto conn = PgConnection::Connect(db);
  if (!conn.ok() || !(*conn)->Exec("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").ok()) {
    std::printf("\n  (pg_stat_statements is not available)\n");
    return;
  }
  auto r = (*conn)->Query(
      "SELECT round(total_exec_time)::text, calls::text, round((total_exec_time / calls)::numeric, 3)::text, "
      "round(max_exec_time::numeric, 1)::text, rows::text, left(regexp_replace(query, '\\s+', ' ', 'g'), 100) "
      "FROM pg_stat_statements "
      "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY total_exec_time DESC "
      "LIMIT $1::int",
      {std::to_string(top)});
  if (!r.ok()) return;
  std::printf("\n  %9s %9s %9s %9s %9s  statement (PostgreSQL execution time, whole run)\n", "total ms", "calls",
              "ms/call", "max ms", "rows");
  for (int i = 0; i < r->rows(); ++i) {
    std::printf("  %9s %9s %9s %9s %9s  %s\n", r->Text(i, 0).c_str(), r->Text(i, 1).c_str(), r->Text(i, 2).c_str(),
                r->Text(i, 3).c_str(), r->Text(i, 4).c_str(), r->Text(i, 5).c_str());
  }
}

// The load run: E extract + 1 assign + B brief workers with S read-only
// servers and R readers. Returns the exit code.
int LoadRun(const std::string& bin, const std::vector<std::string>& inputs, int n, int extract, int brief,
            LoadOptions opt, ThrowawayPostgres& pg, ThrowawayRedis& redis, const fs::path& dir) {
  auto admin = PgConnection::Connect(pg.url());
  if (!admin.ok() || !(*admin)->Exec("CREATE DATABASE bench_load").ok()) return 1;
  std::string db = pg.url("bench_load"), queue = redis.url() + "/3";
  opt.db = db;
  std::vector<std::string> args = {bin, "ingest", "--queue", queue, "--queue-bound", std::to_string(2 * n + 1000)};
  // Paced: the invented articles (the last input) come in chunks of
  // --publish-rate, one a second, while the workers and readers run, as
  // a feed follower publishes what it fetched; each chunk is one `ingest
  // --queue`, so the assigner settles at its end.
  std::vector<std::string> chunks;
  if (opt.publish_rate > 0) {
    chunks = SplitLines(inputs.back(), opt.publish_rate, dir);
    args.insert(args.end(), inputs.begin(), inputs.end() - 1);
  } else {
    args.insert(args.end(), inputs.begin(), inputs.end());
  }
  double publish_cpu = 0;
  auto publish = [&](const std::vector<std::string>& a) -> int64_t {
    std::string out;
    double cpu = 0;
    Result<int> rc = RunProgram(a, &out, &cpu);
    publish_cpu += cpu;
    size_t at = out.find(" documents published");
    if (!rc.ok() || *rc > 1 || at == std::string::npos) return -1;
    return std::stoll(out.substr(out.rfind(": ", at) + 2));
  };
  int64_t docs = publish(args);
  if (docs < 0) return 1;
  // Declared before the fleet: removed after its workers are gone.
  std::unique_ptr<CpuQuotaGroup> quota;
  if (opt.workers_cpu > 0) {
    Result<std::unique_ptr<CpuQuotaGroup>> group =
        CpuQuotaGroup::Create("storyfuse-bench-workers", opt.workers_cpu / 100.0);
    if (!group.ok()) {
      std::fprintf(stderr, "bench_workers: --workers-cpu: %s\n", group.status().ToString().c_str());
      return 1;
    }
    quota = std::move(group).value();
  }
  WorkerFleet fleet(bin, queue, db, dir.string());
  fleet.set_worker_nice(opt.workers_nice);
  fleet.set_worker_idle(opt.workers_idle != 0);
  if (quota) fleet.set_worker_group(quota.get());
  // The assigner creates the schema: the servers open the store after it.
  (void)fleet.Start("assign");
  for (int wait = 0; wait < 100; ++wait) {
    if (fleet.AssignedUpTo().ok()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  std::vector<int> ports;
  std::vector<pid_t> servers;
  std::vector<std::string> serve_flags;
  if (opt.cache_ms >= 0) serve_flags = {"--cache-ms", std::to_string(opt.cache_ms)};
  for (int i = 0; i < opt.serve; ++i) {
    Result<pid_t> pid = fleet.StartReader(opt.serve_threads, serve_flags);
    if (pid.ok()) servers.push_back(*pid);
    Result<int> port = pid.ok() ? fleet.ReaderPort(*pid) : Result<int>(pid.status());
    if (!port.ok()) {
      std::fprintf(stderr, "bench_workers: %s\n", port.status().ToString().c_str());
      return 1;
    }
    ports.push_back(*port);
  }
  double pg0 = pg.CpuSeconds(), redis0 = redis.CpuSeconds(), t0 = Now();
  CpuMark start_mark = CpuMark::Take(servers, pg);
  LoadState state;
  std::vector<std::thread> readers;
  for (int r = 0; r < opt.readers; ++r) {
    readers.emplace_back(Reader, ports[static_cast<size_t>(r) % ports.size()], r + 1, std::cref(opt), &state);
  }
  for (int i = 0; i < extract; ++i) (void)fleet.Start("extract");
  for (int i = 0; i < brief; ++i) (void)fleet.Start("brief");
  std::atomic<int64_t> paced{0};
  std::thread publisher([&] {
    for (size_t c = 0; c < chunks.size(); ++c) {
      std::this_thread::sleep_until(std::chrono::steady_clock::now() +
                                    std::chrono::duration<double>(t0 + static_cast<double>(c) - Now()));
      std::vector<std::string> a = {bin,      "ingest", "--queue", queue, "--queue-bound", std::to_string(2 * n + 1000),
                                    chunks[c]};
      int64_t published = publish(a);
      if (published < 0) {
        std::fprintf(stderr, "bench_workers: publishing %s failed\n", chunks[c].c_str());
        return;
      }
      paced += published;
    }
  });
  std::string load_start = LoadAverage();
  // The load average at each quarter of the run is not known in advance:
  // sample it every 10 s and report the range.
  std::vector<std::string> loads;
  std::atomic<bool> sampling{true};
  std::thread sampler([&] {
    for (int tick = 0; sampling; ++tick) {
      if (tick % 100 == 0) loads.push_back(LoadAverage());
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  });
  publisher.join();
  docs += paced;
  Status done = fleet.WaitDone(docs, std::chrono::seconds(7200));
  double run_s = Now() - t0;
  sampling = false;
  sampler.join();
  state.phase = 1;
  std::vector<std::string> handler_latency;
  for (int port : ports) handler_latency.push_back(ServerSideLatency(port));
  std::string load_end = LoadAverage();
  CpuMark run_mark = CpuMark::Take(servers, pg);
  std::this_thread::sleep_for(std::chrono::seconds(opt.after_s));
  CpuMark after_mark = CpuMark::Take(servers, pg);
  state.stop = true;
  for (auto& t : readers) t.join();
  std::string load_after = LoadAverage();
  std::map<std::string, double> cpu = fleet.StopAll();
  double pg_cpu = pg.CpuSeconds() - pg0, redis_cpu = redis.CpuSeconds() - redis0;

  std::printf(
      "\nload: %d extract + 1 assign + %d brief workers, %d `serve --read-only` (%d threads), %d readers "
      "(think %d ms mean, exponential, keep-alive %d), serve --cache-ms %s, workers at nice %d%s%s, published %s: "
      "%s, %lld documents, %.1f s wall\n",
      extract, brief, opt.serve, opt.serve_threads, opt.readers, opt.think_ms, opt.keep_alive,
      opt.cache_ms < 0 ? "default" : std::to_string(opt.cache_ms).c_str(), opt.workers_nice,
      opt.workers_idle ? " under SCHED_IDLE" : "",
      opt.workers_cpu > 0 ? (" capped together at " + std::to_string(opt.workers_cpu) + " % of a core").c_str() : "",
      opt.publish_rate > 0 ? ("at " + std::to_string(opt.publish_rate) + " invented articles/s").c_str() : "before",
      done.ok() ? "done" : "NOT DONE", static_cast<long long>(docs), run_s);
  std::printf("  load average (1 5 15 min): at start %s; during (every 10 s):", load_start.c_str());
  for (const std::string& l : loads) std::printf(" [%s]", l.c_str());
  std::printf("; at the run's end %s; after the readers alone %s; %u cores\n", load_end.c_str(), load_after.c_str(),
              std::thread::hardware_concurrency());
  bool during = ReportPhase(state.samples, 0, "during the run (readers + workers)", run_s);
  std::printf("  in serve's handlers during the run (ms, its /metrics):\n");
  for (size_t i = 0; i < handler_latency.size(); ++i)
    std::printf("    serve %zu: %s\n", i + 1, handler_latency[i].c_str());
  bool after = ReportPhase(state.samples, 1, "after the run (readers alone)", opt.after_s);
  for (const std::string& e : state.errors) std::printf("  error: %s\n", e.c_str());
  // Per read: PostgreSQL's is only clean with the readers alone (during
  // the run it also writes for the workers).
  size_t during_n = 0, after_n = 0;
  for (const Sample& s : state.samples) (s.phase == 0 ? during_n : after_n)++;
  auto per = [](double cpu_s, size_t n) { return n ? 1000.0 * cpu_s / static_cast<double>(n) : 0.0; };
  std::printf(
      "\n  CPU ms per read request: serve %.3f during the run; readers alone: serve %.3f, postgres %.3f, "
      "reader client %.3f\n",
      per(run_mark.serve - start_mark.serve, during_n), per(after_mark.serve - run_mark.serve, after_n),
      per(after_mark.postgres - run_mark.postgres, after_n), per(after_mark.client - run_mark.client, after_n));
  std::printf("\n  %-10s %10s %14s\n", "process", "CPU s", "CPU ms/article");
  double k = static_cast<double>(docs) / 1000.0;
  auto row = [&](const std::string& what, double s) { std::printf("  %-10s %10.1f %14.3f\n", what.c_str(), s, s / k); };
  row("publish", publish_cpu);
  for (const auto& [role, s] : cpu) row(role, s);
  row("postgres", pg_cpu);
  row("redis", redis_cpu);
  if (opt.pg_statements > 0) PrintStatements(db, opt.pg_statements);
  std::printf("\n  bar (p99 < %.0f ms, no errors) during the run: %s; readers alone: %s\n", kBarP99Ms,
              during ? "MET" : "NOT MET", after ? "MET" : "NOT MET");
  return done.ok() && during ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // progress as it comes
  std::vector<int> positional;
  std::vector<std::string> pg_settings;
  std::string write_synthetic;  // write the invented articles there and stop
  LoadOptions load;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    int* flag = a == "--readers"         ? &load.readers
                : a == "--serve"         ? &load.serve
                : a == "--think-ms"      ? &load.think_ms
                : a == "--after-s"       ? &load.after_s
                : a == "--serve-threads" ? &load.serve_threads
                : a == "--cache-ms"      ? &load.cache_ms
                : a == "--workers-nice"  ? &load.workers_nice
                : a == "--workers-idle"  ? &load.workers_idle
                : a == "--workers-cpu"   ? &load.workers_cpu
                : a == "--keep-alive"    ? &load.keep_alive
                : a == "--pg-statements" ? &load.pg_statements
                : a == "--publish-rate"  ? &load.publish_rate
                                         : nullptr;
    if (a == "--pg-setting" && i + 1 < argc) {
      pg_settings.push_back(argv[++i]);
    } else if (a == "--write-synthetic" && i + 1 < argc) {
      write_synthetic = argv[++i];
    } else if (flag != nullptr && i + 1 < argc) {
      *flag = std::atoi(argv[++i]);
    } else if (a.rfind("--", 0) == 0) {
      std::fprintf(stderr, "bench_workers: unknown flag %s\n", a.c_str());
      return 2;
    } else {
      positional.push_back(std::atoi(a.c_str()));
    }
  }
  int n = positional.size() > 0 ? positional[0] : 20000;
  int extract = positional.size() > 1 ? positional[1] : 3;
  int brief = positional.size() > 2 ? positional[2] : 2;
  if (!write_synthetic.empty()) {
    // The invented part of the corpus alone, to load a store by hand and
    // look at its queries (EXPLAIN) at the run's scale.
    Status written = WriteSyntheticNews(write_synthetic, n);
    if (!written.ok()) std::fprintf(stderr, "bench_workers: %s\n", written.ToString().c_str());
    return written.ok() ? 0 : 1;
  }
  const char* bin_env = std::getenv("STORYFUSE");
  std::string bin = bin_env ? bin_env : "build/tools/storyfuse";
  bin = fs::absolute(bin).string();
  if (load.pg_statements > 0) pg_settings.push_back("shared_preload_libraries=pg_stat_statements");
  auto pg = ThrowawayPostgres::Start(pg_settings);
  auto redis = ThrowawayRedis::Start();
  if (!pg.ok() || !redis.ok()) {
    std::fprintf(stderr, "bench_workers: engines: %s %s\n", pg.status().ToString().c_str(),
                 redis.status().ToString().c_str());
    return 1;
  }
  fs::path dir = fs::temp_directory_path() / ("bench-workers-" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::vector<std::string> inputs;
  int real = 0;
  fs::path shared(STORYFUSE_SHARED_DIR);
  for (const char* f : {"data/clustering/ecbplus-dev.jsonl", "data/clustering/duc-multinews-dev.jsonl"}) {
    if (fs::exists(shared / f)) {
      inputs.push_back((shared / f).string());
      real += CountLines(shared / f);
    }
  }
  if (fs::is_directory(shared / "seeds")) {
    inputs.push_back((shared / "seeds").string());
    for (auto& e : fs::directory_iterator(shared / "seeds")) real += e.is_regular_file();
  }
  std::string synthetic = (dir / "synthetic.jsonl").string();
  if (!WriteSyntheticNews(synthetic, std::max(0, n - real)).ok()) return 1;
  inputs.push_back(synthetic);
  std::printf("corpus: %d real + %d invented articles\n", real, std::max(0, n - real));
  if (load.readers > 0) {
    int rc = LoadRun(bin, inputs, n, extract, brief, load, **pg, **redis, dir);
    fs::remove_all(dir);
    return rc;
  }

  std::string reference = (dir / "reference.sqlite").string();
  std::vector<std::string> args = {bin, "ingest", "--db", reference};
  args.insert(args.end(), inputs.begin(), inputs.end());
  std::string out;
  double cpu = 0, t0 = Now();
  Result<int> rc = RunProgram(args, &out, &cpu);
  std::printf("single-machine ingest (SQLite): %.1f CPU s, %.1f s wall: %s", cpu, Now() - t0, out.c_str());
  // Exit 1 = some inputs were bad (reported above, e.g. a record with no
  // article text): the same inputs are bad for the workers.
  if (!rc.ok() || *rc > 1) return 1;

  int shape_no = 0;
  for (auto [e, b] : {std::pair{1, 1}, std::pair{extract, brief}}) {
    ++shape_no;
    std::string name = "bench_" + std::to_string(shape_no);
    auto admin = PgConnection::Connect((*pg)->url());
    if (!admin.ok() || !(*admin)->Exec("CREATE DATABASE " + name).ok()) return 1;
    std::string db = (*pg)->url(name), queue = (*redis)->url() + "/" + std::to_string(shape_no);
    double pg0 = (*pg)->CpuSeconds(), redis0 = (*redis)->CpuSeconds();
    // Every document is published before any worker starts, so the input
    // stream must hold them all (its default bound is 10,000).
    args = {bin, "ingest", "--queue", queue, "--queue-bound", std::to_string(2 * n + 1000)};
    args.insert(args.end(), inputs.begin(), inputs.end());
    out.clear();
    double publish_cpu = 0;
    t0 = Now();
    // Publishing first, then the workers: the roles' CPU is theirs alone.
    rc = RunProgram(args, &out, &publish_cpu);
    if (!rc.ok() || *rc > 1) return 1;
    size_t at = out.find(" documents published");
    int64_t docs = std::stoll(out.substr(out.rfind(": ", at) + 2));
    WorkerFleet fleet(bin, queue, db, dir.string());
    double t1 = Now();
    for (int i = 0; i < e; ++i) (void)fleet.Start("extract");
    (void)fleet.Start("assign");
    for (int i = 0; i < b; ++i) (void)fleet.Start("brief");
    Status done = fleet.WaitDone(docs, std::chrono::seconds(7200));
    double wall = Now() - t1;
    std::map<std::string, double> role_cpu = fleet.StopAll();
    double pg_cpu = (*pg)->CpuSeconds() - pg0, redis_cpu = (*redis)->CpuSeconds() - redis0;
    std::string summary;
    Result<std::string> diff = CompareStores(reference, db, &summary);
    std::printf("\n%d extract + 1 assign + %d brief: %s, %.1f s wall\n", e, b, done.ok() ? "done" : "NOT DONE", wall);
    std::printf("  equivalence: %s (%s)\n",
                diff.ok() ? (diff->empty() ? "EQUAL to single-machine ingest" : diff->c_str())
                          : diff.status().ToString().c_str(),
                summary.c_str());
    double k = static_cast<double>(docs) / 1000.0;
    std::printf("  %-10s %10s %14s %18s\n", "process", "CPU s", "CPU ms/article", "articles/CPU-s");
    auto row = [&](const std::string& what, double s) {
      std::printf("  %-10s %10.1f %14.3f %18.0f\n", what.c_str(), s, s / k, s > 0 ? docs / s : 0.0);
    };
    row("publish", publish_cpu);
    for (const auto& [role, s] : role_cpu) row(role, s);
    row("postgres", pg_cpu);
    row("redis", redis_cpu);
    std::printf("  per 1,000 articles/s: postgres %.2f cores, redis %.2f cores\n", pg_cpu / docs * 1000,
                redis_cpu / docs * 1000);
  }
  fs::remove_all(dir);
  return 0;
}
