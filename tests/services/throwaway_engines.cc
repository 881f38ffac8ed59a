#include "tests/services/throwaway_engines.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <grp.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

namespace storyfuse {
namespace {

namespace fs = std::filesystem;

// A cold initdb plus start-up takes 1-3 s on a loaded 2-core machine;
// 60 s means "it is not coming".
constexpr auto kStartTimeout = std::chrono::seconds(60);
constexpr auto kPollInterval = std::chrono::milliseconds(20);
// A port picked free can be taken before the server binds it; try again.
constexpr int kPortAttempts = 3;
constexpr size_t kLogTailBytes = 1500;

// A port the kernel says is free on 127.0.0.1 right now.
Result<int> FreeLoopbackPort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return Status::IoError("socket() failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof(addr);
  int port = -1;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    port = ntohs(addr.sin_port);
  }
  close(fd);
  if (port < 0) return Status::IoError("no free loopback port");
  return port;
}

Result<std::string> MakeTempDir(const char* prefix) {
  std::string pattern = (fs::temp_directory_path() / (std::string(prefix) + "XXXXXX")).string();
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  if (mkdtemp(buf.data()) == nullptr) return Status::IoError("mkdtemp " + pattern);
  return std::string(buf.data());
}

std::string LogTail(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  if (s.size() > kLogTailBytes) s = "..." + s.substr(s.size() - kLogTailBytes);
  return s;
}

struct Identity {
  bool switch_user = false;
  uid_t uid = 0;
  gid_t gid = 0;
};

// Forks and execs `argv` with stdout and stderr appended to `log`, as
// `who` when asked, dying with the test process. Returns the child's pid.
Result<pid_t> Spawn(const std::vector<std::string>& argv, const std::string& log, const std::string& cwd,
                    const Identity& who) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) return Status::IoError("fork failed");
  if (pid == 0) {
    int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd >= 0) {
      dup2(fd, 1);
      dup2(fd, 2);
      close(fd);
    }
    int null_fd = open("/dev/null", O_RDONLY);
    if (null_fd >= 0) dup2(null_fd, 0);
    if (who.switch_user) {
      if (setgroups(0, nullptr) != 0 || setgid(who.gid) != 0 || setuid(who.uid) != 0) _exit(126);
    }
    // After the identity change, which clears it.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(125);
    if (chdir(cwd.c_str()) != 0) _exit(126);
    execv(args[0], args.data());
    _exit(127);
  }
  return pid;
}

// True once `pid` has exited (reaping it); `status` gets its wait status.
bool Exited(pid_t pid, int* status) { return waitpid(pid, status, WNOHANG) == pid; }

void StopChild(pid_t pid, int signal) {
  if (pid <= 0) return;
  kill(pid, signal);
  int status = 0;
  waitpid(pid, &status, 0);
}

// Runs `argv` to completion; IoError with the log tail unless it exits 0.
Status RunToEnd(const std::vector<std::string>& argv, const std::string& log, const std::string& cwd,
                const Identity& who) {
  STORYFUSE_ASSIGN_OR_RETURN(pid_t pid, Spawn(argv, log, cwd, who));
  int status = 0;
  if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return Status::IoError(argv[0] + " failed: " + LogTail(log));
  }
  return Status::Ok();
}

bool Executable(const std::string& path) { return access(path.c_str(), X_OK) == 0; }

std::string FindOnPath(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::stringstream ss(path ? path : "/usr/bin:/bin");
  std::string dir;
  while (std::getline(ss, dir, ':')) {
    std::string candidate = dir + "/" + name;
    if (Executable(candidate)) return candidate;
  }
  return "";
}

// The folder holding initdb and postgres, or "".
std::string PostgresBindir() {
  if (const char* env = std::getenv("STORYFUSE_PG_BINDIR"); env && *env) return env;
  std::vector<std::string> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    std::string bin = (entry.path() / "bin").string();
    if (Executable(bin + "/initdb") && Executable(bin + "/postgres")) found.push_back(bin);
  }
  if (!found.empty()) {
    // Versions sort numerically: "15" before "16", and "9.6" before "10".
    std::sort(found.begin(), found.end(), [](const std::string& a, const std::string& b) {
      return std::atof(fs::path(a).parent_path().filename().c_str()) <
             std::atof(fs::path(b).parent_path().filename().c_str());
    });
    return found.back();
  }
  std::string initdb = FindOnPath("initdb");
  return initdb.empty() ? "" : fs::path(initdb).parent_path().string();
}

// Chowns the tree to `who` when running as another user.
Status GiveTo(const std::string& dir, const Identity& who) {
  if (!who.switch_user) return Status::Ok();
  if (chown(dir.c_str(), who.uid, who.gid) != 0) return Status::IoError("chown " + dir);
  return Status::Ok();
}

// postmaster.pid's eighth line is the server's state; "ready" once it
// accepts connections (PostgreSQL 10 and later).
bool PostmasterReady(const std::string& data_dir) {
  std::ifstream in(data_dir + "/postmaster.pid");
  std::string line;
  for (int i = 0; i < 8 && std::getline(in, line); ++i) {
  }
  return line.rfind("ready", 0) == 0;
}

// Sends `command` (inline protocol) to Redis on `port`; its first reply
// line, or "" when it cannot connect.
std::string RedisInline(int port, const std::string& command) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return "";
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  std::string reply;
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0) {
    std::string line = command + "\r\n";
    char buf[64] = {};
    if (write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) &&
        read(fd, buf, sizeof(buf) - 1) > 0) {
      reply = buf;
    }
  }
  close(fd);
  return reply;
}

bool RedisPong(int port) { return RedisInline(port, "PING").rfind("+PONG", 0) == 0; }

}  // namespace

double ProcessCpuSeconds(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string stat;
  std::getline(in, stat);
  // Fields after the parenthesized command name: state is field 3; utime,
  // stime, cutime, cstime are fields 14 to 17.
  size_t close = stat.rfind(')');
  if (close == std::string::npos) return 0;
  std::istringstream fields(stat.substr(close + 2));
  std::string f;
  double ticks = 0;
  for (int field = 3; field <= 17 && fields >> f; ++field) {
    if (field >= 14) ticks += std::atof(f.c_str());
  }
  return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

Result<std::unique_ptr<ThrowawayPostgres>> ThrowawayPostgres::Start(const std::vector<std::string>& settings) {
  std::unique_ptr<ThrowawayPostgres> pg(new ThrowawayPostgres());
  pg->settings_ = settings;
  pg->bindir_ = PostgresBindir();
  if (pg->bindir_.empty() || !Executable(pg->bindir_ + "/initdb") || !Executable(pg->bindir_ + "/postgres")) {
    return Status::Unsupported(
        "PostgreSQL server binaries (initdb, postgres) not found: install postgresql-15 (scripts/setup.sh) or set "
        "STORYFUSE_PG_BINDIR");
  }
  Identity who;
  if (geteuid() == 0) {
    passwd* pw = getpwnam("postgres");
    if (pw == nullptr)
      return Status::Unsupported("running as root and there is no `postgres` user to run PostgreSQL as");
    who = {true, pw->pw_uid, pw->pw_gid};
  }
  pg->switch_user_ = who.switch_user;
  pg->uid_ = who.uid;
  pg->gid_ = who.gid;
  STORYFUSE_ASSIGN_OR_RETURN(pg->dir_, MakeTempDir("storyfuse-pg-"));
  STORYFUSE_RETURN_IF_ERROR(GiveTo(pg->dir_, who));
  std::string log = pg->dir_ + "/initdb.log";
  STORYFUSE_RETURN_IF_ERROR(RunToEnd({pg->bindir_ + "/initdb", "-D", pg->dir_ + "/data", "-U", "postgres",
                                      "--auth=trust", "--no-sync", "--encoding=UTF8", "--locale=C.UTF-8"},
                                     log, pg->dir_, who));
  Status launched;
  for (int attempt = 0; attempt < kPortAttempts; ++attempt) {
    STORYFUSE_ASSIGN_OR_RETURN(pg->port_, FreeLoopbackPort());
    launched = pg->Launch();
    if (launched.ok()) return pg;
  }
  return launched;
}

Status ThrowawayPostgres::Launch() {
  Identity who{switch_user_, uid_, gid_};
  std::string data = dir_ + "/data";
  std::string log = dir_ + "/postgres.log";
  // Durability is of no use to a throwaway server; fsync off keeps the
  // tests' (and the measurements') cost in the engine, not the disk.
  std::vector<std::string> args = {bindir_ + "/postgres",
                                   "-D",
                                   data,
                                   "-k",
                                   dir_,
                                   "-p",
                                   std::to_string(port_),
                                   "-c",
                                   "listen_addresses=127.0.0.1",
                                   "-c",
                                   "fsync=off",
                                   "-c",
                                   "full_page_writes=off",
                                   "-c",
                                   "synchronous_commit=off",
                                   "-c",
                                   "max_connections=50",
                                   "-c",
                                   "shared_buffers=32MB"};
  for (const std::string& s : settings_) args.insert(args.end(), {"-c", s});
  STORYFUSE_ASSIGN_OR_RETURN(pid_, Spawn(args, log, dir_, who));
  auto deadline = std::chrono::steady_clock::now() + kStartTimeout;
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (Exited(pid_, &status)) {
      pid_ = -1;
      return Status::IoError("postgres exited on start (port " + std::to_string(port_) + "): " + LogTail(log));
    }
    if (PostmasterReady(data)) return Status::Ok();
    std::this_thread::sleep_for(kPollInterval);
  }
  Stop();
  return Status::IoError("postgres did not become ready: " + LogTail(log));
}

void ThrowawayPostgres::Stop() {
  // SIGINT is PostgreSQL's fast shutdown: sessions are cut, no waiting.
  StopChild(pid_, SIGINT);
  pid_ = -1;
}

Status ThrowawayPostgres::Restart() {
  Stop();
  return Launch();
}

ThrowawayPostgres::~ThrowawayPostgres() {
  Stop();
  std::error_code ec;
  if (!dir_.empty()) fs::remove_all(dir_, ec);
}

double ThrowawayPostgres::CpuSeconds() const { return ProcessCpuSeconds(pid_); }

double ThrowawayPostgres::LiveCpuSeconds() const {
  double total = ProcessCpuSeconds(pid_);
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/proc", ec)) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream in(entry.path() / "stat");
    std::string stat;
    std::getline(in, stat);
    size_t close = stat.rfind(')');
    if (close == std::string::npos) continue;
    // After the command name: state (3), ppid (4), ... utime (14), stime (15).
    std::istringstream fields(stat.substr(close + 2));
    std::string f;
    pid_t ppid = -1;
    double ticks = 0;
    for (int field = 3; field <= 15 && fields >> f; ++field) {
      if (field == 4) ppid = static_cast<pid_t>(std::atol(f.c_str()));
      if (field >= 14) ticks += std::atof(f.c_str());
    }
    if (ppid == pid_) total += ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
  }
  return total;
}

std::string ThrowawayPostgres::url() const { return url("postgres"); }

std::string ThrowawayPostgres::url(const std::string& name) const {
  return "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/" + name;
}

Result<ThrowawayPostgres*> ThrowawayPostgres::Shared() {
  // Destroyed at exit, which stops the server.
  static Result<std::unique_ptr<ThrowawayPostgres>> started = Start();
  if (!started.ok()) return started.status();
  return started->get();
}

Result<std::unique_ptr<ThrowawayRedis>> ThrowawayRedis::Start() {
  std::string server;
  if (const char* env = std::getenv("STORYFUSE_REDIS_SERVER"); env && *env) {
    server = env;
  } else {
    server = FindOnPath("redis-server");
  }
  if (server.empty() || !Executable(server)) {
    return Status::Unsupported(
        "redis-server not found: install redis-server (scripts/setup.sh) or set STORYFUSE_REDIS_SERVER");
  }
  std::unique_ptr<ThrowawayRedis> redis(new ThrowawayRedis());
  STORYFUSE_ASSIGN_OR_RETURN(redis->dir_, MakeTempDir("storyfuse-redis-"));
  std::string log = redis->dir_ + "/redis.log";
  for (int attempt = 0; attempt < kPortAttempts; ++attempt) {
    STORYFUSE_ASSIGN_OR_RETURN(redis->port_, FreeLoopbackPort());
    STORYFUSE_ASSIGN_OR_RETURN(
        redis->pid_, Spawn({server, "--port", std::to_string(redis->port_), "--bind", "127.0.0.1", "--save", "",
                            "--appendonly", "no", "--dir", redis->dir_, "--daemonize", "no"},
                           log, redis->dir_, Identity{}));
    auto deadline = std::chrono::steady_clock::now() + kStartTimeout;
    bool exited = false;
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (Exited(redis->pid_, &status)) {
        exited = true;
        redis->pid_ = -1;
        break;
      }
      if (RedisPong(redis->port_)) return redis;
      std::this_thread::sleep_for(kPollInterval);
    }
    if (!exited) return Status::IoError("redis-server did not answer PING: " + LogTail(log));
  }
  return Status::IoError("redis-server exited on start: " + LogTail(log));
}

ThrowawayRedis::~ThrowawayRedis() {
  StopChild(pid_, SIGTERM);
  std::error_code ec;
  if (!dir_.empty()) fs::remove_all(dir_, ec);
}

Status ThrowawayRedis::KillClients() {
  // SKIPME yes spares this very connection; the reply is the count killed.
  std::string reply = RedisInline(port_, "CLIENT KILL TYPE normal SKIPME yes");
  if (reply.rfind(":", 0) != 0) return Status::IoError("CLIENT KILL failed: " + reply);
  return Status::Ok();
}

double ThrowawayRedis::CpuSeconds() const { return ProcessCpuSeconds(pid_); }

std::string ThrowawayRedis::url() const { return "redis://127.0.0.1:" + std::to_string(port_); }

Result<ThrowawayRedis*> ThrowawayRedis::Shared() {
  static Result<std::unique_ptr<ThrowawayRedis>> started = Start();
  if (!started.ok()) return started.status();
  return started->get();
}

}  // namespace storyfuse
