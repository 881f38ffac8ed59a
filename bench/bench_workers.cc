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
// Needs the built CLI at $STORYFUSE (default build/tools/storyfuse).
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

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

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // progress as it comes
  int n = argc > 1 ? std::atoi(argv[1]) : 20000;
  int extract = argc > 2 ? std::atoi(argv[2]) : 3;
  int brief = argc > 3 ? std::atoi(argv[3]) : 2;
  const char* bin_env = std::getenv("STORYFUSE");
  std::string bin = bin_env ? bin_env : "build/tools/storyfuse";
  bin = fs::absolute(bin).string();
  auto pg = ThrowawayPostgres::Start();
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
