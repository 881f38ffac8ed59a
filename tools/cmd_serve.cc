// storyfuse serve --db PATH [--port 8080] [--host 127.0.0.1] [--threads 64] [--max-body BYTES] [--check]
#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdio>
#include <memory>
#include <thread>

#include "server/api_router.h"
#include "server/http_server.h"
#include "server/server_metrics.h"
#include "server/store_story_repository.h"
#include "server/story_repository_factory.h"
#include "tools/command.h"

namespace storyfuse {
namespace {

struct ServeOptions {
  std::string db;
  bool check = false;
  HttpServerOptions http;
};

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
    return kExitBadInput;
  }
  std::string summary;
  Status st = (*repo)->Verify(&summary);
  std::printf("%s: %s, %d stories repaired on open: %s\n", opt.db.c_str(), summary.c_str(), (*repo)->repaired(),
              st.ok() ? "consistent" : "INCONSISTENT");
  if (!st.ok()) std::fprintf(stderr, "storyfuse serve: %s: %s\n", opt.db.c_str(), st.message().c_str());
  return st.ok() ? kExitOk : kExitBadInput;
}

int RunServe(const ServeOptions& opt) {
  if (opt.check) return RunCheck(opt);
  sigset_t stop_signals = BlockStopSignals();  // before any thread starts
  Result<std::unique_ptr<StoryRepository>> repo = OpenStoryRepository(opt.db, opt.http.threads);
  if (!repo.ok()) {
    std::fprintf(stderr, "storyfuse serve: %s\n", repo.status().message().c_str());
    return kExitBadInput;
  }
  ServerMetrics metrics;
  ApiRouter router(repo->get(), &metrics);
  HttpServer server(opt.http, [&router](const HttpRequest& r) { return router.Handle(r); });
  if (Status st = server.Bind(); !st.ok()) {
    std::fprintf(stderr, "storyfuse serve: %s\n", st.message().c_str());
    return kExitBadInput;
  }
  std::thread stopper([&server, stop_signals] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    server.Stop();
  });
  std::fprintf(stderr, "storyfuse serve: http://%s:%d/ (database %s, %d threads)\n", opt.http.host.c_str(),
               server.port(), opt.db.c_str(), opt.http.threads);
  Status st = server.Serve();
  pthread_kill(stopper.native_handle(), SIGTERM);  // wakes the stopper if Serve ended on its own
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
  cmd->add_option("--db", opt->db, "SQLite database (created if absent); :memory: keeps it in memory")->required();
  cmd->add_option("--port", opt->http.port, "TCP port (0: any free port)")->check(CLI::Range(0, 65535));
  cmd->add_option("--host", opt->http.host, "Address to listen on");
  cmd->add_option("--threads", opt->http.threads, "Worker threads (one per open connection; default 64)")->check(CLI::Range(1, 1024));
  cmd->add_option("--max-body", opt->http.max_body, "Largest request body in bytes")->check(CLI::PositiveNumber);
  cmd->add_flag("--check", opt->check,
                "Open the database, repair stories an interrupted ingest left, verify every brief and exit");
  cmd->callback([opt, exit_code] { *exit_code = RunServe(*opt); });
}

}  // namespace storyfuse
