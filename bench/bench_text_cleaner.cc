// Throughput of plain-text cleaning (TextCleaner: crumbs, metadata,
// boilerplate memory) on the raw scraped Multi-News dev documents
// (../shared/data/summarization/multinews-dev/*/docs, read once into
// memory). A fresh TextCleaner per pass, so every pass does the same work.
//
//   build/bench/bench_text_cleaner [--benchmark_repetitions=3]
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "base/file.h"
#include "ingest/text_cleaner.h"

namespace storyfuse {
namespace {

const std::vector<std::string>& Docs() {
  static const std::vector<std::string>* docs = [] {
    auto* out = new std::vector<std::string>;
    std::filesystem::path root = std::filesystem::path(STORYFUSE_SHARED_DIR) / "data/summarization/multinews-dev";
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::recursive_directory_iterator(root, ec)) {
      if (e.is_regular_file() && e.path().parent_path().filename() == "docs") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      Result<std::string> text = ReadWholeFile(f.string());
      if (text.ok()) out->push_back(std::move(*text));
    }
    return out;
  }();
  return *docs;
}

void BM_CleanAll(benchmark::State& state) {
  if (Docs().empty()) {
    state.SkipWithError("no documents under STORYFUSE_SHARED_DIR/data/summarization/multinews-dev");
    return;
  }
  int64_t bytes = 0;
  for (const std::string& d : Docs()) bytes += static_cast<int64_t>(d.size());
  for (auto _ : state) {
    TextCleaner cleaner;
    for (const std::string& doc : Docs()) {
      Article a;
      a.input = doc;
      Status st = cleaner.Clean(&a);
      benchmark::DoNotOptimize(a.text.data());
      benchmark::DoNotOptimize(st.ok());
    }
  }
  double n = static_cast<double>(Docs().size()) * static_cast<double>(state.iterations());
  state.counters["docs/s"] = benchmark::Counter(n, benchmark::Counter::kIsRate);
  state.SetBytesProcessed(bytes * static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_CleanAll)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

}  // namespace
}  // namespace storyfuse

BENCHMARK_MAIN();
