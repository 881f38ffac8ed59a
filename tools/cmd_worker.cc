// storyfuse worker --queue redis://HOST:PORT --db postgresql://... --role extract|assign|brief|merge
//                  [--consumer NAME] [--batch N] [--metrics-port N] [--idle-exit-ms N]
//                  [--partition-months N (extract)] [--partition KEY (assign, brief, merge)]
//                  [--declare-partitions KEY,... (extract)] [--merge-with KEY=URL (merge)]
//
// Runs one role of the distributed pipeline (issue #25, docs/scale.md) until
// SIGTERM/SIGINT, or until its input has stayed empty for --idle-exit-ms.
// The role's logic is worker/; this file parses flags, loops and reports.
// A lost engine is retried by the stateless roles; the assigner, whose
// in-memory stories may be mid-batch, is opened again instead (for up to
// 5 minutes), and resumes from PostgreSQL as a replacement does.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <cctype>
#include <csignal>
#include <cstdio>
#include <thread>

#include "store/pg_connection.h"
#include "tools/command.h"
#include "worker/metrics_server.h"
#include "worker/worker.h"

namespace storyfuse {
namespace {

struct WorkerOptions {
  WorkerConfig config;
  std::string role;
  std::string merge_with;  // KEY=URL
  int metrics_port = -1;
  int64_t idle_exit_ms = 0;
  int64_t claim_idle_ms = 30000;
};

volatile std::sig_atomic_t g_stop = 0;
void OnStopSignal(int) { g_stop = 1; }

// A stateless role retries a lost engine after this pause.
constexpr std::chrono::seconds kRetryPause{1};
// How long an assigner that lost its engine tries to open again (a
// PostgreSQL restart, a failover) before it gives up and exits.
constexpr std::chrono::minutes kReopenTimeout{5};

// Opens the role again into `w`, retrying until the engines answer;
// false (after saying why) on a stop signal or after kReopenTimeout.
bool Reopen(const std::string& role, const WorkerConfig& config, Result<std::unique_ptr<Worker>>* w) {
  auto deadline = std::chrono::steady_clock::now() + kReopenTimeout;
  for (;;) {
    *w = OpenWorker(role, config);
    if (w->ok()) {
      std::fprintf(stderr, "storyfuse worker: %s opened again\n", role.c_str());
      return true;
    }
    std::fprintf(stderr, "storyfuse worker: %s: %s\n", role.c_str(), w->status().message().c_str());
    if (g_stop || std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(kRetryPause);
  }
}

int RunWorker(WorkerOptions& opt) {
  WorkerConfig& c = opt.config;
  if (!opt.merge_with.empty()) {
    size_t eq = opt.merge_with.find('=');
    c.merge_with_partition = opt.merge_with.substr(0, eq);
    if (eq != std::string::npos) c.merge_with_db = opt.merge_with.substr(eq + 1);
  }
  c.claim_idle = std::chrono::milliseconds(opt.claim_idle_ms);
  if (c.consumer.empty()) {
    char host[256] = "host";
    gethostname(host, sizeof host - 1);
    c.consumer = opt.role + "-" + host + "-" + std::to_string(getpid());
  }
  std::signal(SIGTERM, OnStopSignal);
  std::signal(SIGINT, OnStopSignal);
  // pg_stat_activity then tells each role's sessions from serve's reads.
  PgConnection::SetApplicationName("storyfuse worker " + opt.role);
  Result<std::unique_ptr<Worker>> w = OpenWorker(opt.role, c);
  if (!w.ok()) {
    std::fprintf(stderr, "storyfuse worker: %s\n", w.status().message().c_str());
    return w.status().code() == Status::Code::kInvalidArgument ? kExitUsage : kExitUnavailable;
  }
  std::unique_ptr<MetricsServer> metrics;
  if (opt.metrics_port >= 0) {
    metrics = std::make_unique<MetricsServer>(&(*w)->metrics());
    if (Status st = metrics->Start(opt.metrics_port); !st.ok()) {
      std::fprintf(stderr, "storyfuse worker: %s\n", st.message().c_str());
      return kExitUnavailable;
    }
    std::fprintf(stderr, "storyfuse worker: %s metrics on http://127.0.0.1:%d/metrics\n", opt.role.c_str(),
                 metrics->port());
  }
  int metrics_port = metrics ? metrics->port() : -1;  // kept across a reopen
  auto idle_since = std::chrono::steady_clock::now();
  while (!g_stop) {
    Result<int> n = (*w)->RunOnce();
    if (!n.ok()) {
      (*w)->metrics().AddErrors(1);
      std::fprintf(stderr, "storyfuse worker: %s: %s\n", opt.role.c_str(), n.status().message().c_str());
      if (n.status().code() != Status::Code::kIoError) return kExitUnavailable;
      std::this_thread::sleep_for(kRetryPause);
      if (opt.role == "assign") {
        // Its state is its session's: start over as a replacement would
        // (replay the store, take over the pending entries), once the
        // engine answers again.
        bool had_metrics = metrics != nullptr;
        metrics.reset();  // it reads the old worker's counters
        w->reset();
        if (!Reopen(opt.role, c, &w)) return kExitUnavailable;
        if (had_metrics) {
          metrics = std::make_unique<MetricsServer>(&(*w)->metrics());
          if (Status st = metrics->Start(metrics_port); !st.ok()) {
            std::fprintf(stderr, "storyfuse worker: %s\n", st.message().c_str());
            return kExitUnavailable;
          }
        }
      }
      continue;
    }
    if (*n > 0) {
      idle_since = std::chrono::steady_clock::now();
    } else if (opt.idle_exit_ms > 0 &&
               std::chrono::steady_clock::now() - idle_since > std::chrono::milliseconds(opt.idle_exit_ms)) {
      Result<bool> drained = (*w)->Drained();
      if (drained.ok() && *drained) break;
    }
  }
  std::fprintf(stderr, "storyfuse worker: %s %s: %lld processed, %lld errors\n", opt.role.c_str(), c.consumer.c_str(),
               static_cast<long long>((*w)->metrics().processed()), static_cast<long long>((*w)->metrics().errors()));
  return kExitOk;
}

}  // namespace

void RegisterWorker(CLI::App& app, int* exit_code) {
  auto opt = std::make_shared<WorkerOptions>();
  CLI::App* cmd = app.add_subcommand("worker", "Run one role of the distributed pipeline (Redis Streams + PostgreSQL)");
  cmd->add_option("--queue", opt->config.queue_url, "redis://HOST:PORT")->required();
  cmd->add_option("--db", opt->config.db_url, "postgresql:// URL of the shared store")->required();
  cmd->add_option("--role", opt->role, "extract, assign, brief or merge (across two story partitions)")
      ->required()
      ->check(CLI::IsMember({"extract", "assign", "brief", "merge"}));
  cmd->add_option("--consumer", opt->config.consumer, "Name in the consumer group (default ROLE-HOST-PID)");
  cmd->add_option("--batch", opt->config.batch, "Entries per batch (default 50)")->check(CLI::Range(1, 10000));
  cmd->add_option("--metrics-port", opt->metrics_port, "Serve /metrics on 127.0.0.1:PORT (0: any free port)")
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--idle-exit-ms", opt->idle_exit_ms, "Exit once the input stayed empty this long (0: never)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--claim-idle-ms", opt->claim_idle_ms,
                  "Take over another consumer's entries pending this long (default 30000)")
      ->check(CLI::Range(1, 86400000));
  cmd->add_option("--lag-window", opt->config.lag_window,
                  "Sequence numbers extract workers may run ahead of the assigner (default 5000)")
      ->check(CLI::Range(1, 100000000));
  cmd->add_option("--partition-months", opt->config.partition_months,
                  "extract: route articles to story partitions by language and windows of N months (0: one "
                  "partition, the default)")
      ->check(CLI::Range(0, 1200));
  auto key_check = [](const std::string& key) {
    for (char c : key) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '_') {
        return std::string("a partition key holds letters, digits, '.', '-' and '_'");
      }
    }
    return std::string();
  };
  cmd->add_option("--partition", opt->config.partition,
                  "assign, brief: the story partition served, e.g. en.2031-01 (give each partition its own --db); "
                  "merge: the later of the two partitions")
      ->check(key_check);
  cmd->add_option("--declare-partitions", opt->config.declare_partitions,
                  "extract: declare these partitions (KEY,KEY,...) before the first article, so the articles stream "
                  "keeps everything for their assigners even before they start (needs --partition-months)")
      ->delimiter(',')
      ->check(key_check);
  cmd->add_option("--merge-with", opt->merge_with,
                  "merge: the earlier adjacent partition as KEY=postgresql://... (its stories are joined with "
                  "--partition's; docs/scale.md)");
  cmd->callback([opt, exit_code] { *exit_code = RunWorker(*opt); });
}

}  // namespace storyfuse
