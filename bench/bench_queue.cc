// bench_queue: Redis Streams throughput through queue/RedisStream (issue
// #25, docs/scale.md): N entries of about 2 KB (an article's worth) added,
// then read by one consumer of a group in batches and acknowledged with
// delete (the lossless-stream discipline).
//
// usage: bench_queue N [BATCH]     (starts its own throwaway redis-server)
// Prints wall and CPU seconds of the client and the server for each half.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "queue/redis_stream.h"
#include "tests/services/throwaway_engines.h"

namespace storyfuse {
namespace {

constexpr size_t kEntryBytes = 2000;

double CpuSeconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

int Run(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_queue N [BATCH]\n");
    return 2;
  }
  int n = std::atoi(argv[1]);
  int batch = argc > 2 ? std::atoi(argv[2]) : 100;
  Result<std::unique_ptr<ThrowawayRedis>> redis = ThrowawayRedis::Start();
  if (!redis.ok()) {
    std::fprintf(stderr, "bench_queue: %s\n", redis.status().ToString().c_str());
    return 1;
  }
  Result<std::unique_ptr<RedisStream>> s = RedisStream::Connect((*redis)->url(), "docs");
  if (!s.ok() || !(*s)->CreateGroup("extract").ok()) return 1;
  std::string body(kEntryBytes, 'x');
  double server0 = (*redis)->CpuSeconds(), cpu0 = CpuSeconds();
  auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < n; ++i) {
    if (!(*s)->Add({{"id", "doc-" + std::to_string(i)}, {"body", body}}).ok()) return 1;
  }
  double add_wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  double add_cpu = CpuSeconds() - cpu0, add_server = (*redis)->CpuSeconds() - server0;
  server0 = (*redis)->CpuSeconds();
  cpu0 = CpuSeconds();
  t0 = std::chrono::steady_clock::now();
  int read = 0;
  while (read < n) {
    Result<std::vector<StreamEntry>> got = (*s)->ReadGroup("extract", "c1", batch, std::chrono::milliseconds(0));
    if (!got.ok() || got->empty()) return 1;
    std::vector<std::string> ids;
    for (const StreamEntry& e : *got) ids.push_back(e.id);
    if (!(*s)->Ack("extract", ids, /*delete_entries=*/true).ok()) return 1;
    read += static_cast<int>(got->size());
  }
  double read_wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  double read_cpu = CpuSeconds() - cpu0, read_server = (*redis)->CpuSeconds() - server0;
  std::printf(
      "entries %d bytes %zu batch %d add_per_wall_s %.0f add_client_cpu_s %.2f add_server_cpu_s %.2f "
      "read_ack_per_wall_s %.0f read_client_cpu_s %.2f read_server_cpu_s %.2f left %lld\n",
      n, kEntryBytes, batch, n / add_wall, add_cpu, add_server, n / read_wall, read_cpu, read_server,
      static_cast<long long>(*(*s)->Length()));
  return 0;
}

}  // namespace
}  // namespace storyfuse

int main(int argc, char** argv) { return storyfuse::Run(argc, argv); }
