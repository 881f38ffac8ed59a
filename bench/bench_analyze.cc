// bench_analyze: quote and speaker analysis throughput (MB/s, one core) on
// the PolNeAR texts under STORYFUSE_SHARED_DIR (data/quotes/polnear/*/text).
//
//   build/bench/bench_analyze [--benchmark_min_time=2s]
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "analyze/quote_extractor.h"
#include "base/file.h"

namespace {

namespace fs = std::filesystem;

const std::vector<std::string>& Texts() {
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> out;
    fs::path root = fs::path(STORYFUSE_SHARED_DIR) / "data" / "quotes" / "polnear";
    std::error_code ec;
    std::vector<fs::path> paths;
    for (const char* split : {"train", "dev"}) {
      for (const auto& e : fs::directory_iterator(root / split / "text", ec)) paths.push_back(e.path());
    }
    std::sort(paths.begin(), paths.end());
    for (const fs::path& p : paths) {
      storyfuse::Result<std::string> text = storyfuse::ReadWholeFile(p.string());
      if (text.ok()) out.push_back(std::move(*text));
    }
    return out;
  }();
  return texts;
}

void BM_QuoteExtractor(benchmark::State& state) {
  const std::vector<std::string>& texts = Texts();
  if (texts.empty()) {
    state.SkipWithError("no PolNeAR texts under STORYFUSE_SHARED_DIR/data/quotes/polnear");
    return;
  }
  storyfuse::QuoteExtractor extractor;
  size_t bytes = 0, quotes = 0;
  for (auto _ : state) {
    for (const std::string& t : texts) {
      quotes += extractor.Extract(t).size();
      bytes += t.size();
    }
  }
  benchmark::DoNotOptimize(quotes);
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["articles"] = static_cast<double>(texts.size());
}
BENCHMARK(BM_QuoteExtractor)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
