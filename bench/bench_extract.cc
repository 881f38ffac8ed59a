// Throughput of HTML main-text extraction on the article-extraction
// benchmark's pages (../shared/data/extraction/aeb/html, read once into
// memory). Reports pages/s and MB/s of input for the whole extractor and,
// as the floor it is built on, for libxml2 parsing alone (HtmlDocument).
//
//   build/bench/bench_extract [--benchmark_repetitions=3]
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "base/file.h"
#include "ingest/html_document.h"
#include "ingest/html_extractor.h"

namespace storyfuse {
namespace {

const std::vector<std::string>& Pages() {
  static const std::vector<std::string>* pages = [] {
    auto* out = new std::vector<std::string>;
    std::filesystem::path dir = std::filesystem::path(STORYFUSE_SHARED_DIR) / "data/extraction/aeb/html";
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      Result<std::string> text = ReadWholeFile(f.string());
      if (text.ok()) out->push_back(std::move(*text));
    }
    return out;
  }();
  return *pages;
}

int64_t TotalBytes() {
  int64_t n = 0;
  for (const std::string& p : Pages()) n += static_cast<int64_t>(p.size());
  return n;
}

void SetRates(benchmark::State& state) {
  double pages = static_cast<double>(Pages().size()) * static_cast<double>(state.iterations());
  state.counters["pages/s"] = benchmark::Counter(pages, benchmark::Counter::kIsRate);
  state.SetBytesProcessed(TotalBytes() * static_cast<int64_t>(state.iterations()));
}

void BM_ExtractAll(benchmark::State& state) {
  if (Pages().empty()) {
    state.SkipWithError("no pages under STORYFUSE_SHARED_DIR/data/extraction/aeb/html");
    return;
  }
  HtmlExtractor extractor;
  for (auto _ : state) {
    for (const std::string& page : Pages()) {
      Article a;
      a.input = page;
      Status st = extractor.Extract(&a);
      benchmark::DoNotOptimize(a.text.data());
      benchmark::DoNotOptimize(st.ok());
    }
  }
  SetRates(state);
}
BENCHMARK(BM_ExtractAll)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

void BM_ParseOnly(benchmark::State& state) {
  if (Pages().empty()) {
    state.SkipWithError("no pages under STORYFUSE_SHARED_DIR/data/extraction/aeb/html");
    return;
  }
  for (auto _ : state) {
    for (const std::string& page : Pages()) {
      Result<HtmlDocument> doc = HtmlDocument::Parse(page);
      benchmark::DoNotOptimize(doc.ok());
    }
  }
  SetRates(state);
}
BENCHMARK(BM_ParseOnly)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

}  // namespace
}  // namespace storyfuse

BENCHMARK_MAIN();
