// bench_store: StoryStore insert and search throughput per engine (issue
// #25, docs/scale.md), on synthetic articles of about 2 KB.
//
// usage: bench_store sqlite|postgresql|DB N [THREADS]
//   sqlite      a fresh SQLite file in the temporary folder
//   postgresql  a fresh throwaway PostgreSQL server (tests/services/)
//   DB          an existing --db location (path or postgresql:// URL)
// THREADS writers (one connection each, default 1) Put N articles between
// them, then 200 two-term prefix searches run on one connection. Prints
// wall and CPU seconds (this process; for the throwaway PostgreSQL also
// the server's) and articles per second of each.
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "store/story_store.h"
#include "tests/services/throwaway_engines.h"

namespace storyfuse {
namespace {

constexpr int kSearches = 200;
constexpr int kWordsPerArticle = 320;  // about 2 KB, a short news article

// Invented vocabulary; the article number picks words so every text differs.
const char* const kWords[] = {"harbour", "ferry",   "council", "bridge", "storm",  "minister", "port",    "fog",
                              "vote",    "budget",  "schools", "river",  "market", "police",   "court",   "strike",
                              "airport", "railway", "mayor",   "clinic", "rescue", "festival", "drought", "tunnel"};
constexpr int kVocabulary = sizeof(kWords) / sizeof(kWords[0]);
// Body words come from a larger invented vocabulary with a log-uniform
// (roughly Zipfian) frequency, as in real text, so that the search index
// sees a few very common words and many rare ones.
constexpr int kBodyVocabulary = 20000;
const char* const kSyllables[] = {"ka", "lo", "mi", "ne",  "ru",  "sa",  "ti",
                                  "vo", "ze", "po", "dar", "fen", "gul", "hom"};
constexpr int kSyllableCount = sizeof(kSyllables) / sizeof(kSyllables[0]);

std::string BodyWord(uint64_t random) {
  double u = static_cast<double>(random % 1000003) / 1000003.0;
  int index = static_cast<int>(std::pow(static_cast<double>(kBodyVocabulary), u)) - 1;
  if (index < kVocabulary) return kWords[index];
  std::string w;
  for (int i = index; i > 0; i /= kSyllableCount) w += kSyllables[i % kSyllableCount];
  return w;
}

Article Synthetic(int n) {
  Article a;
  a.id = "bench-" + std::to_string(n);
  a.url = "https://bench.example/" + std::to_string(n);
  a.outlet = "Bench Courier " + std::to_string(n % 50);
  a.title = std::string(kWords[n % kVocabulary]) + " " + kWords[(n / 7) % kVocabulary] + " report " + std::to_string(n);
  uint64_t x = static_cast<uint64_t>(n) * 2654435761u + 1;
  for (int w = 0; w < kWordsPerArticle; ++w) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    a.text += BodyWord(x >> 20);
    a.text += (w % 17 == 16) ? ". " : " ";
  }
  a.text += "Reference " + std::to_string(n) + ".";
  a.input = a.text;
  a.published.iso = "2031-03-14";
  return a;
}

double CpuSeconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

int Run(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: bench_store sqlite|postgresql|DB N [THREADS]\n");
    return 2;
  }
  std::string engine = argv[1];
  int n = std::atoi(argv[2]);
  int threads = argc > 3 ? std::atoi(argv[3]) : 1;
  std::unique_ptr<ThrowawayPostgres> pg;
  std::string db = engine;
  if (engine == "sqlite") {
    db = (std::filesystem::temp_directory_path() / ("bench_store_" + std::to_string(getpid()) + ".db")).string();
  } else if (engine == "postgresql") {
    Result<std::unique_ptr<ThrowawayPostgres>> started = ThrowawayPostgres::Start();
    if (!started.ok()) {
      std::fprintf(stderr, "bench_store: %s\n", started.status().ToString().c_str());
      return 1;
    }
    pg = std::move(*started);
    db = pg->url();
  }
  std::vector<std::unique_ptr<StoryStore>> stores;
  for (int t = 0; t < threads; ++t) {
    Result<std::unique_ptr<StoryStore>> s = OpenStoryStore(db);
    if (!s.ok()) {
      std::fprintf(stderr, "bench_store: %s\n", s.status().ToString().c_str());
      return 1;
    }
    stores.push_back(std::move(*s));
  }
  std::vector<Article> articles;
  for (int i = 0; i < n; ++i) articles.push_back(Synthetic(i));
  double server0 = pg ? pg->CpuSeconds() : 0;
  double cpu0 = CpuSeconds();
  auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> workers;
  std::vector<int> errors(threads, 0);
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      for (int i = t; i < n; i += threads) errors[t] += !stores[t]->Put(articles[i], "2031-03-14T10:00:00Z").ok();
    });
  }
  for (std::thread& w : workers) w.join();
  double put_wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double put_cpu = CpuSeconds() - cpu0;
  int failed = 0;
  for (int e : errors) failed += e;

  // The writers' sessions end here so the server's CPU for the Puts is
  // counted apart from the searches'.
  stores.resize(1);
  Result<std::unique_ptr<StoryStore>> reopened = OpenStoryStore(db);
  if (!reopened.ok()) return 1;
  stores[0] = std::move(*reopened);
  double put_server_cpu = 0;
  if (pg) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // let the postmaster reap its sessions
    put_server_cpu = pg->CpuSeconds() - server0;
    server0 = pg->CpuSeconds();
  }
  cpu0 = CpuSeconds();
  start = std::chrono::steady_clock::now();
  size_t hits = 0;
  for (int q = 0; q < kSearches; ++q) {
    std::vector<std::string> terms = {std::string(kWords[q % kVocabulary]).substr(0, 4),
                                      std::string(kWords[(q * 5 + 3) % kVocabulary]).substr(0, 4)};
    Result<std::vector<ArticleSearchHit>> r = stores[0]->SearchArticles(terms, 20, nullptr);
    if (r.ok()) hits += r->size();
  }
  double search_wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double search_cpu = CpuSeconds() - cpu0;
  stores.clear();  // sessions end, so the server's CPU includes them
  double search_server_cpu = 0;
  if (pg) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    search_server_cpu = pg->CpuSeconds() - server0;
  }
  std::printf(
      "engine %s articles %d threads %d errors %d put_wall_s %.2f put_per_wall_s %.0f client_cpu_s %.2f "
      "server_cpu_s %.2f put_per_cpu_s %.0f searches %d hits %zu search_ms_mean %.2f search_cpu_ms_mean %.2f\n",
      engine.c_str(), n, threads, failed, put_wall, n / put_wall, put_cpu, put_server_cpu,
      n / (put_cpu + put_server_cpu), kSearches, hits, search_wall * 1000 / kSearches,
      (search_cpu + search_server_cpu) * 1000 / kSearches);
  if (engine == "sqlite") {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
  }
  return failed == 0 ? 0 : 1;
}

}  // namespace
}  // namespace storyfuse

int main(int argc, char** argv) { return storyfuse::Run(argc, argv); }
