// WorkerFleet: runs the issue #25 workers as subprocesses of a test or a
// benchmark (the built `storyfuse` binary), so that they can be killed
// with SIGKILL mid-run; and the checks the equivalence and fault runs
// share: a deterministic invented corpus, waiting for a run to finish,
// and comparing the stored result with single-machine `ingest`.
//
// Thread safety: one thread per object.
#ifndef STORYFUSE_TESTS_SERVICES_WORKER_FLEET_H_
#define STORYFUSE_TESTS_SERVICES_WORKER_FLEET_H_

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "base/status.h"
#include "tests/services/cpu_quota_group.h"

namespace storyfuse {

// Writes `n` invented news articles as JSONL to `path`: stories of a few
// articles each about fictional events, some articles word-for-word copies
// of another outlet's (copy links), in a fixed order from `seed`. Outlets
// come from a list of eight, so an outlet repeats lines across its articles
// (what cleaning's per-outlet boilerplate memory learns from), unless
// `outlet_per_article`, which gives each article an outlet of its own.
Status WriteSyntheticNews(const std::string& path, int n, uint32_t seed = 1, bool outlet_per_article = false);

// Runs `args` (argv[0] is the program) to completion; its stdout and stderr
// go to `output`. Returns the exit code (-signal when killed), or IoError.
Result<int> RunProgram(const std::vector<std::string>& args, std::string* output, double* cpu_seconds = nullptr);

class WorkerFleet {
 public:
  // `binary` is the storyfuse CLI; logs go to `log_dir`.
  WorkerFleet(std::string binary, std::string queue_url, std::string db_url, std::string log_dir);
  ~WorkerFleet();  // SIGKILLs what still runs

  // Workers started from now on run at this nice value (0: as the
  // caller). The load bench uses it to model workers on other machines
  // than `serve` on a shared 2-core one; readers keep the caller's.
  void set_worker_nice(int nice) { worker_nice_ = nice; }
  // Workers started from now on run under SCHED_IDLE (Linux): only when
  // no other task wants the CPU, whatever their nice value.
  void set_worker_idle(bool idle) { worker_idle_ = idle; }
  // Workers started from now on join `group` (not owned; must outlive
  // them), which caps their CPU together: a deployment's CPUQuota=.
  void set_worker_group(const CpuQuotaGroup* group) { worker_group_ = group; }
  // Starts `storyfuse worker --role ROLE` with `extra` flags; returns its pid.
  Result<pid_t> Start(const std::string& role, const std::vector<std::string>& extra = {});
  // Starts `storyfuse serve --read-only --db DB --port 0 --threads N` (a
  // reader beside the workers) with `extra` flags; returns its pid. Its log (the port) is
  // `LogOf(pid)`; `ReaderPort` waits for it.
  Result<pid_t> StartReader(int threads = 4, const std::vector<std::string>& extra = {});
  // Starts `storyfuse serve --read-only --port 0 ARGS...` (e.g. its
  // --partition flags, no --db); returns its pid, for ReaderPort.
  Result<pid_t> StartReaderWith(const std::vector<std::string>& args);
  // The port a reader started by StartReader listens on, once it says so
  // in its log (waits up to `timeout`); IoError otherwise.
  Result<int> ReaderPort(pid_t pid, std::chrono::milliseconds timeout = std::chrono::seconds(10)) const;
  std::string LogOf(pid_t pid) const;
  // kill -9 and reap.
  void Kill(pid_t pid);
  // SIGTERM every running worker and reap them; CPU seconds per role.
  std::map<std::string, double> StopAll();

  // The assigner's checkpoint (next sequence number), 0 when none yet.
  Result<int64_t> AssignedUpTo();
  // Waits until the assigner has passed sequence number `last` and the
  // story stream is empty (every brief built); DeadlineExceeded-style
  // IoError after `timeout`.
  // With `partition`, that partition's story stream.
  Status WaitDone(int64_t last, std::chrono::seconds timeout, const std::string& partition = "");

 private:
  std::string binary_, queue_url_, db_url_, log_dir_;
  // A worker (`worker` true) gets the worker nice value, policy and group.
  Result<pid_t> Spawn(const std::vector<std::string>& args, const std::string& name, bool worker = false);

  std::map<pid_t, std::string> running_;  // pid -> role
  std::map<pid_t, std::string> logs_;     // pid -> log file
  int started_ = 0;
  int worker_nice_ = 0;
  bool worker_idle_ = false;
  const CpuQuotaGroup* worker_group_ = nullptr;
};

// Compares the store at `got` (the workers' result) with `want` (single-
// machine ingest): the same articles (ids, versions, content hashes, stories,
// copy links, first-stored order), the same stories with the same briefs,
// versions and moves, the same article views, and the same stream log
// (revisions and corrections at the same points). "" when equal, else the first difference; `summary` gets
// the counts.
Result<std::string> CompareStores(const std::string& want, const std::string& got, std::string* summary = nullptr);

}  // namespace storyfuse

#endif  // STORYFUSE_TESTS_SERVICES_WORKER_FLEET_H_
