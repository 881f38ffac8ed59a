// storyfuse serve --db PATH [--port 8080] [--host 127.0.0.1] [--threads 64] [--max-body BYTES]
//                 [--token T | --token-file F] [--allowed-host NAME]... [--request-timeout S]
//                 [--max-connections-per-ip N] [--cache-ms MS] [--check]
//                 [--follow [FEEDS...] [--interval 10m] [--contact URL] [--delay S] [--warc DIR]]
// storyfuse serve --read-only --partition KEY=postgresql://... [--partition KEY=URL]... [--port ...]
//
// --partition serves several story partitions' stores as one
// (pipeline/partitioned_story_repository.h; docs/scale.md), with the
// merge step's link table read from each.
//
// --follow runs the feed follower (pipeline/follower_thread.h) inside the
// server: its pages are stored through the repository's one writer, and
// /api/feeds lists, adds and removes feeds (server/feeds_api.h).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <thread>

#include "pipeline/cached_story_repository.h"
#include "pipeline/follower_thread.h"
#include "pipeline/partitioned_story_repository.h"
#include "pipeline/store_story_repository.h"
#include "pipeline/story_repository_factory.h"
#include "server/api_router.h"
#include "server/feeds_api.h"
#include "server/http_server.h"
#include "server/server_metrics.h"
#include "store/pg_connection.h"
#include "store/pg_story_store.h"
#include "tools/command.h"
#include "worker/merge_worker.h"

namespace storyfuse {
namespace {

struct ServeOptions {
  std::string db;
  std::vector<std::string> partitions;  // KEY=URL, with --read-only
  bool check = false;
  bool read_only = false;  // serve a store others write (the workers, docs/scale.md)
  // Staleness bound of the read cache (pipeline/cached_story_repository.h); 0: no cache.
  int cache_ms = static_cast<int>(CachedStoryRepository::Options::kDefaultMaxAge.count());
  HttpServerOptions http;
  ApiAccess access;
  std::string token_file;
  // --follow
  CLI::Option* follow_flag = nullptr;
  std::vector<std::string> follow;
  std::string interval = "10m";
  std::string contact;
  std::string warc;
  double delay = 1.0;
};

// After SIGINT/SIGTERM the server stops taking requests and lets the ones
// being handled finish; an ingest still running this long after is
// abandoned (the process exits): the store is crash-safe, and the next
// start repairs what the batch left half-done.
constexpr auto kShutdownGrace = std::chrono::seconds(5);
// Shortest token accepted: guessing one must be hopeless.
constexpr size_t kMinTokenBytes = 16;

bool IsLoopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host == "[::1]" || host.rfind("127.", 0) == 0;
}

// Fills access.token from --token-file; checks the token's presence and
// strength. A message for stderr when something is wrong.
std::string ResolveToken(ServeOptions* opt) {
  if (!opt->token_file.empty()) {
    if (!opt->access.token.empty()) return "give --token or --token-file, not both";
    std::ifstream in(opt->token_file);
    if (!in) return opt->token_file + ": cannot read the token file";
    std::stringstream buf;
    buf << in.rdbuf();
    std::string t = buf.str();
    while (!t.empty() && (t.back() == '\n' || t.back() == '\r' || t.back() == ' ')) t.pop_back();
    opt->access.token = t;
    if (t.empty()) return opt->token_file + ": the token file is empty";
  }
  const std::string& t = opt->access.token;
  if (!t.empty() && t.size() < kMinTokenBytes) return "the token must be at least 16 characters";
  if (t.find_first_of(" \t\r\n") != std::string::npos) return "the token must not contain white space";
  if (t.empty() && !IsLoopback(opt->http.host)) {
    return "--host " + opt->http.host +
           " serves beyond this machine: give --token or --token-file so that only holders of the token can write";
  }
  return "";
}

// SIGINT/SIGTERM stop the server through a waiting thread, because
// stopping it is not async-signal-safe.
sigset_t BlockStopSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return set;
}

// --check: open (repairing what an interrupted ingest left), verify, exit.
int RunCheck(const ServeOptions& opt) {
  Result<std::unique_ptr<StoreStoryRepository>> repo = StoreStoryRepository::Open(opt.db);
  if (!repo.ok()) {
    std::fprintf(stderr, "storyfuse serve: %s\n", repo.status().message().c_str());
    return ExitCodeForOpen(repo.status());
  }
  for (const std::string& id : (*repo)->skipped()) {
    std::fprintf(stderr, "storyfuse serve: %s: story %s not rebuilt: building its brief stopped the server %d times\n",
                 opt.db.c_str(), id.c_str(), StoreStoryRepository::kMaxBuildAttempts);
  }
  std::string summary;
  Status st = (*repo)->Verify(&summary);
  std::printf("%s: %s, %d stories repaired on open: %s\n", opt.db.c_str(), summary.c_str(), (*repo)->repaired(),
              st.ok() ? "consistent" : "INCONSISTENT");
  if (!st.ok()) std::fprintf(stderr, "storyfuse serve: %s: %s\n", opt.db.c_str(), st.message().c_str());
  return st.ok() ? kExitOk : kExitBadInput;
}

// --follow: opens the follower over the store and adds FEEDS; an exit
// code when that fails. The feed state lives in the SQLite file.
int StartFollowing(const ServeOptions& opt, StoryRepository* repo, std::unique_ptr<FollowerThread>* out) {
  if (opt.db == ":memory:" || opt.db.starts_with("postgres")) {
    std::fprintf(stderr, "storyfuse serve: --follow keeps the feeds' state in a SQLite --db file, not %s\n",
                 opt.db.c_str());
    return kExitUsage;
  }
  std::optional<double> interval = ParseInterval(opt.interval);
  if (!interval) {
    std::fprintf(stderr, "storyfuse serve: --interval %s: expected seconds, or a number with s, m or h\n",
                 opt.interval.c_str());
    return kExitUsage;
  }
  std::vector<std::string> urls;
  if (!CollectFeeds(opt.follow, &urls)) return kExitBadInput;
  FollowerThread::Options fo;
  fo.crawl.fetch.contact_url = opt.contact;
  fo.crawl.schedule.min_delay_s = opt.delay;
  if (!KeepResponsesInWarc(opt.warc, &fo.crawl)) return kExitBadInput;
  fo.interval = std::chrono::milliseconds(static_cast<int64_t>(*interval * 1000));
  Result<std::unique_ptr<FollowerThread>> follower = FollowerThread::Open(opt.db, repo, fo);
  if (!follower.ok()) {
    std::fprintf(stderr, "storyfuse serve: %s\n", follower.status().message().c_str());
    return ExitCodeForOpen(follower.status());
  }
  Result<FollowerThread::Added> added = (*follower)->Add(urls, "");
  if (!added.ok()) {
    std::fprintf(stderr, "storyfuse serve: %s: %s\n", opt.db.c_str(), added.status().message().c_str());
    return kExitUnavailable;
  }
  for (const std::string& e : added->errors) std::fprintf(stderr, "storyfuse serve: %s\n", e.c_str());
  if (!added->errors.empty()) return kExitBadInput;
  *out = std::move(*follower);
  return kExitOk;
}

// The partitions' read-only repositories as one, reading each store's
// link table (worker --role merge) through its own connection.
Result<std::unique_ptr<StoryRepository>> OpenPartitions(const ServeOptions& opt) {
  std::vector<PartitionedStoryRepository::Partition> parts;
  auto stores = std::make_shared<std::vector<std::pair<std::string, std::unique_ptr<PgStoryStore>>>>();
  for (const std::string& spec : opt.partitions) {
    size_t eq = spec.find('=');
    if (eq == std::string::npos || eq == 0) return Status::InvalidArgument("--partition wants KEY=URL, not " + spec);
    std::string key = spec.substr(0, eq), url = spec.substr(eq + 1);
    STORYFUSE_ASSIGN_OR_RETURN(std::unique_ptr<StoryRepository> repo,
                               OpenStoryRepository(url, opt.http.threads, /*read_only=*/true));
    parts.push_back({key, std::move(repo)});
    if (url.starts_with("postgres")) {
      STORYFUSE_ASSIGN_OR_RETURN(std::unique_ptr<PgStoryStore> store, PgStoryStore::Open(url));
      stores->emplace_back(key, std::move(store));
    }
  }
  // Called under the repository's mutex: one caller at a time.
  auto links = [stores]() -> Result<std::vector<CrossPartitionLink>> {
    std::vector<CrossPartitionLink> out;
    for (auto& [key, store] : *stores) {
      STORYFUSE_ASSIGN_OR_RETURN(std::vector<PartitionLink> links, ReadPartitionLinks(store.get()));
      for (const PartitionLink& l : links) out.push_back({key, l.story, l.partner, l.partner_story});
    }
    return out;
  };
  return std::unique_ptr<StoryRepository>(std::make_unique<PartitionedStoryRepository>(std::move(parts), links));
}

int RunServe(ServeOptions& opt) {
  // pg_stat_activity then tells serve's reads from the workers' writes.
  PgConnection::SetApplicationName("storyfuse serve");
  if (!opt.partitions.empty() && (!opt.read_only || !opt.db.empty() || opt.check || opt.follow_flag->count() > 0)) {
    std::fprintf(stderr,
                 "storyfuse serve: --partition serves partitions read-only: give --read-only, and no --db, "
                 "--check or --follow\n");
    return kExitUsage;
  }
  if (opt.partitions.empty() && opt.db.empty()) {
    std::fprintf(stderr, "storyfuse serve: --db is required (or --read-only --partition KEY=URL ...)\n");
    return kExitUsage;
  }
  if (opt.check) return RunCheck(opt);
  if (std::string bad = ResolveToken(&opt); !bad.empty()) {
    std::fprintf(stderr, "storyfuse serve: %s\n", bad.c_str());
    return kExitUsage;
  }
  sigset_t stop_signals = BlockStopSignals();  // before any thread starts
  Result<std::unique_ptr<StoryRepository>> repo =
      opt.partitions.empty() ? OpenStoryRepository(opt.db, opt.http.threads, opt.read_only) : OpenPartitions(opt);
  if (!repo.ok()) {
    std::fprintf(stderr, "storyfuse serve: %s\n", repo.status().message().c_str());
    return ExitCodeForOpen(repo.status());
  }
  // Reads and writes (the follower's too) go through the cache, so a
  // write here empties it; other processes' writes show within cache_ms.
  StoryRepository* served_repo = repo->get();
  std::unique_ptr<CachedStoryRepository> cache;
  if (opt.cache_ms > 0) {
    CachedStoryRepository::Options co;
    co.max_age = std::chrono::milliseconds(opt.cache_ms);
    cache = std::make_unique<CachedStoryRepository>(served_repo, co);
    served_repo = cache.get();
  }
  ServerMetrics metrics;
  ApiRouter router(served_repo, &metrics, opt.access);
  std::unique_ptr<FollowerThread> follower;
  std::unique_ptr<FeedsApi> feeds_api;
  if (opt.follow_flag->count() > 0) {
    if (int code = StartFollowing(opt, served_repo, &follower); code != kExitOk) return code;
    feeds_api = std::make_unique<FeedsApi>(follower.get());
    router.set_feeds(feeds_api.get());
  }
  HttpServer server(
      opt.http, [&router](const HttpRequest& r) { return router.Handle(r); },
      [&router](const HttpRequest& r) { return router.Admit(r); });
  if (Status st = server.Bind(); !st.ok()) {
    std::fprintf(stderr, "storyfuse serve: %s\n", st.message().c_str());
    return kExitUnavailable;
  }
  std::atomic<bool> served{false};
  std::thread stopper([&server, &served, stop_signals] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    if (served) return;  // Serve ended on its own and woke us
    server.Stop();
    // Requests being handled get kShutdownGrace; a second signal, none.
    timespec grace{static_cast<time_t>(kShutdownGrace.count()), 0};
    (void)sigtimedwait(&stop_signals, nullptr, &grace);  // Serve's end, a second signal, or the grace's
    if (served) return;
    std::fprintf(stderr, "storyfuse serve: abandoning the work in flight; the next start repairs the store\n");
    _exit(kExitOk);
  });
  std::fprintf(stderr, "storyfuse serve: http://%s:%d/ (database %s, %d threads)\n", opt.http.host.c_str(),
               server.port(), opt.partitions.empty() ? opt.db.c_str() : "of story partitions", opt.http.threads);
  if (follower) follower->Start();
  Status st = server.Serve();
  if (follower) follower->Stop();
  served = true;
  pthread_kill(stopper.native_handle(), SIGTERM);  // wakes the stopper, whichever wait it is in
  stopper.join();
  if (!st.ok()) {
    std::fprintf(stderr, "storyfuse serve: %s\n", st.message().c_str());
    return kExitBadInput;
  }
  return kExitOk;
}

}  // namespace

void RegisterServe(CLI::App& app, int* exit_code) {
  auto opt = std::make_shared<ServeOptions>();
  CLI::App* cmd = app.add_subcommand("serve", "Serve the JSON API and the web page over a story database");
  cmd->add_option("--db", opt->db,
                  "SQLite database (created if absent), postgresql:// URL, or :memory: to keep it in memory");
  cmd->add_option("--partition", opt->partitions,
                  "With --read-only, instead of --db: serve story partitions as one, KEY=postgresql://... each "
                  "(repeatable; story ids become KEY~ID; docs/scale.md)");
  cmd->add_option("--port", opt->http.port, "TCP port (0: any free port)")->check(CLI::Range(0, 65535));
  cmd->add_option("--host", opt->http.host, "Address to listen on");
  cmd->add_option("--threads", opt->http.threads, "Worker threads (one per open connection; default 64)")
      ->check(CLI::Range(1, 1024));
  cmd->add_option("--max-body", opt->http.max_body, "Largest request body in bytes")->check(CLI::PositiveNumber);
  cmd->add_option(
      "--token", opt->access.token,
      "Writes need \"Authorization: Bearer TOKEN\" (16+ characters); required with a --host beyond loopback");
  cmd->add_option("--token-file", opt->token_file, "Read the token from this file (keeps it out of the process list)");
  cmd->add_option(
      "--allowed-host", opt->access.host_names,
      "A name clients use to reach the server (Host header), besides IP addresses and localhost; repeatable");
  cmd->add_option("--request-timeout", opt->http.request_timeout_seconds,
                  "Seconds for a request to arrive whole, and for its response to be written (default 30)")
      ->check(CLI::Range(1, 3600));
  cmd->add_option("--max-connections-per-ip", opt->http.max_connections_per_ip,
                  "Open connections from one address (default 256; the longest idle is closed first)")
      ->check(CLI::Range(1, 1 << 20));
  cmd->add_option("--cache-ms", opt->cache_ms,
                  "Answer repeated reads from memory for up to this many milliseconds: other processes' writes "
                  "(the workers) show after at most this long; writes to this server at once (default 1000; 0: "
                  "no cache)")
      ->check(CLI::Range(0, 3600 * 1000));
  cmd->add_flag("--read-only", opt->read_only,
                "Only read: no writer lock, POST /api/articles refused (beside `storyfuse worker`, docs/scale.md)");
  cmd->add_flag("--check", opt->check,
                "Open the database, repair stories an interrupted ingest left, verify every brief and exit");
  opt->follow_flag =
      cmd->add_option("--follow", opt->follow,
                      "Follow news feeds inside the server: FEEDS are URLs, OPML files or files of URLs (may be none; "
                      "add feeds later with POST /api/feeds)")
          ->expected(0, -1);
  cmd->add_option("--interval", opt->interval, "With --follow: time between rounds: 90s, 10m, 1h (default 10m)");
  cmd->add_option("--contact", opt->contact, "With --follow: URL where site owners can reach you (User-Agent)");
  cmd->add_option("--delay", opt->delay, "With --follow: seconds between two requests to one host (default 1)")
      ->check(CLI::Range(0.0, 3600.0));
  cmd->add_option("--warc", opt->warc, "With --follow: keep every response in WARC files in this folder");
  cmd->callback([opt, exit_code] { *exit_code = RunServe(*opt); });
}

}  // namespace storyfuse
