// bench_readers: reading throughput and peak memory of InputReader alone
// (no cleaning), to check that JSONL and WARC(.gz) stream in bounded memory.
//
// usage: bench_readers INPUT...   (files, folders, or - for stdin)
// Prints documents, errors, input and document megabytes, wall and CPU
// seconds, document MB per CPU second and the process's peak RSS.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "ingest/input_reader.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_readers INPUT...\n");
    return 2;
  }
  uint64_t doc_bytes = 0, input_bytes = 0;
  storyfuse::InputReader reader(
      [&](storyfuse::RawDoc&& d) { doc_bytes += d.bytes.size(); },
      [](const storyfuse::Status& st) { std::fprintf(stderr, "error: %s\n", st.message().c_str()); });
  auto start = std::chrono::steady_clock::now();
  for (int i = 1; i < argc; ++i) {
    std::error_code ec;
    uint64_t size = std::filesystem::file_size(argv[i], ec);
    if (!ec) input_bytes += size;
    storyfuse::Status st = reader.Read(argv[i]);
    if (!st.ok()) std::fprintf(stderr, "error: %s\n", st.message().c_str());
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  // CPU time too: on a shared machine wall time measures the neighbours.
  double cpu = ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
  std::printf(
      "documents %zu errors %zu input_MB %.1f doc_MB %.1f wall_s %.2f cpu_s %.2f "
      "doc_MB_per_cpu_s %.0f peak_rss_MB %.1f\n",
      reader.documents(), reader.errors(), input_bytes / 1e6, doc_bytes / 1e6, secs, cpu, doc_bytes / 1e6 / cpu,
      ru.ru_maxrss / 1024.0);
  return 0;
}
