// ThrowawayPostgres and ThrowawayRedis: real database and queue servers,
// started for a test binary on free loopback ports in a temporary folder
// and stopped (folder removed) when the object is destroyed (issue #25: no
// mocks stand in for either engine).
//
// PostgreSQL: `initdb` (trust authentication, no fsync) then `postgres -k
// DIR -p PORT -c listen_addresses=127.0.0.1`. PostgreSQL refuses to run as
// root, so when the test runs as root (CI) both run as the `postgres` user.
// Its binaries are found in $STORYFUSE_PG_BINDIR, else the newest
// /usr/lib/postgresql/*/bin, else on PATH.
// Redis: `redis-server --port PORT --bind 127.0.0.1 --save '' --appendonly
// no`, found on PATH or as $STORYFUSE_REDIS_SERVER.
//
// Start() returns Unsupported when the engine is not installed (tests then
// GTEST_SKIP with its message) and IoError, with the server's log tail,
// when it is installed but does not start (tests then fail). The servers
// are children that receive SIGKILL if the test process dies, so a crashed
// test leaves no server behind.
//
// Shared*() start one instance per process on first use (engine start-up
// costs about a second of CPU; a binary pays it once) and stop it at exit.
// Thread safety: Start/Shared from one thread; the accessors are const.
#ifndef STORYFUSE_TESTS_SERVICES_THROWAWAY_ENGINES_H_
#define STORYFUSE_TESTS_SERVICES_THROWAWAY_ENGINES_H_

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include "base/status.h"

namespace storyfuse {

// CPU seconds (user + system) of process `pid` and of the children it has
// reaped, from /proc; 0 when the process is gone.
double ProcessCpuSeconds(pid_t pid);

class ThrowawayPostgres {
 public:
  // `settings` are extra `-c name=value` server settings, after (so
  // overriding) the throwaway defaults: fsync off, 50 connections,
  // shared_buffers 32MB.
  static Result<std::unique_ptr<ThrowawayPostgres>> Start(const std::vector<std::string>& settings = {});
  // The process-wide instance (started on the first call; the same error
  // again on later calls when it could not start).
  static Result<ThrowawayPostgres*> Shared();
  ~ThrowawayPostgres();
  ThrowawayPostgres(const ThrowawayPostgres&) = delete;
  ThrowawayPostgres& operator=(const ThrowawayPostgres&) = delete;

  int port() const { return port_; }
  // postgresql://postgres@127.0.0.1:PORT/postgres
  std::string url() const;
  // The same server's database `name` (create it with CREATE DATABASE).
  std::string url(const std::string& name) const;

  // Stops the server (fast shutdown) and starts it again on the same port
  // and data, for tests of a lost connection.
  Status Restart();
  // CPU seconds the server has used so far: the postmaster's own plus its
  // ended sessions' (a session's CPU counts once its connection closed).
  double CpuSeconds() const;
  // CpuSeconds plus the sessions still running (each backend's own
  // utime + stime from /proc): what a phase of a run cost while its
  // connections stay open (bench_workers' readers-alone phase).
  double LiveCpuSeconds() const;

 private:
  ThrowawayPostgres() = default;
  Status Launch();
  void Stop();

  std::string bindir_, dir_;
  std::vector<std::string> settings_;
  int port_ = 0;
  pid_t pid_ = -1;
  uid_t uid_ = 0;  // run as this user and group when root
  gid_t gid_ = 0;
  bool switch_user_ = false;
};

class ThrowawayRedis {
 public:
  static Result<std::unique_ptr<ThrowawayRedis>> Start();
  static Result<ThrowawayRedis*> Shared();
  ~ThrowawayRedis();
  ThrowawayRedis(const ThrowawayRedis&) = delete;
  ThrowawayRedis& operator=(const ThrowawayRedis&) = delete;

  int port() const { return port_; }
  // redis://127.0.0.1:PORT
  std::string url() const;
  // CPU seconds the server has used so far.
  double CpuSeconds() const;
  // CLIENT KILL TYPE normal: the server drops every client connection, for
  // tests of a lost connection.
  Status KillClients();

 private:
  ThrowawayRedis() = default;
  std::string dir_;
  int port_ = 0;
  pid_t pid_ = -1;
};

// In a test body: the shared engine, or GTEST_SKIP when it is not
// installed, or a test failure when it is installed but does not start.
#define STORYFUSE_SHARED_ENGINE_OR_SKIP(var, Engine)                                         \
  Engine* var = nullptr;                                                                     \
  do {                                                                                       \
    auto _engine = Engine::Shared();                                                         \
    if (!_engine.ok() && _engine.status().code() == ::storyfuse::Status::Code::kUnsupported) \
      GTEST_SKIP() << _engine.status().message();                                            \
    ASSERT_TRUE(_engine.ok()) << _engine.status().ToString();                                \
    var = *_engine;                                                                          \
  } while (0)

}  // namespace storyfuse

#endif  // STORYFUSE_TESTS_SERVICES_THROWAWAY_ENGINES_H_
