// storyfuse eval extract DIR [--pages]
//
// Extracts the main text of DIR/html/<id>.html with the ingest pipeline and
// scores it against DIR/gold/<id>.txt with the article-extraction
// benchmark's metric (eval/extraction_scorer.h): precision, recall, F1,
// pages, and extraction throughput (reading files is not timed).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <memory>

#include "base/file.h"
#include "eval/extraction_scorer.h"
#include "ingest/article_extractor.h"
#include "text/unicode_text.h"
#include "tools/command.h"

namespace storyfuse {
namespace {

namespace fs = std::filesystem;

struct EvalExtractOptions {
  std::string dir;
  bool pages = false;
};

std::vector<fs::path> HtmlFiles(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.is_regular_file() && e.path().extension() == ".html") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

struct PageResult {
  std::string id;
  ShingleCounts counts;
};

int RunEvalExtract(const EvalExtractOptions& opt) {
  fs::path html_dir = fs::path(opt.dir) / "html", gold_dir = fs::path(opt.dir) / "gold";
  std::vector<fs::path> files = HtmlFiles(html_dir);
  if (files.empty()) {
    std::fprintf(stderr, "storyfuse: %s: no .html files\n", html_dir.c_str());
    return kExitBadInput;
  }
  int code = kExitOk;
  ArticleExtractor extractor;
  ExtractionScorer scorer;
  std::vector<PageResult> results;
  double secs = 0, cpu_secs = 0;
  uint64_t bytes = 0;
  for (const fs::path& file : files) {
    fs::path gold_path = gold_dir / (file.stem().string() + ".txt");
    Result<std::string> raw_file = ReadWholeFile(file.string()), gold_file = ReadWholeFile(gold_path.string());
    if (!raw_file.ok() || !gold_file.ok()) {
      std::fprintf(stderr, "storyfuse: %s: cannot read it or its gold text\n", file.c_str());
      code = kExitBadInput;
      continue;
    }
    const std::string& raw = *raw_file;
    const std::string& gold = *gold_file;
    auto start = std::chrono::steady_clock::now();
    std::clock_t cpu_start = std::clock();
    RawDoc doc;
    doc.source = file.string();
    doc.id = file.stem().string();
    doc.format = DocFormat::kHtml;
    Result<std::string> utf8 = UnicodeText::ToUtf8(raw);
    doc.bytes = utf8.ok() ? std::move(*utf8) : raw;
    Result<Article> article = extractor.Extract(doc);
    secs += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    cpu_secs += double(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    bytes += raw.size();
    // A page without text is scored as an empty prediction: it costs recall.
    results.push_back({doc.id, scorer.Add(article.ok() ? std::string_view(article->text) : "", gold)});
  }
  if (opt.pages) {
    std::sort(results.begin(), results.end(), [](const PageResult& a, const PageResult& b) {
      return a.counts.tp * (b.counts.tp + b.counts.fp + b.counts.fn) <
             b.counts.tp * (a.counts.tp + a.counts.fp + a.counts.fn);
    });
    for (const PageResult& r : results) {
      std::printf("%s\tP %.3f\tR %.3f\n", r.id.c_str(), r.counts.precision(), r.counts.recall());
    }
  }
  std::printf("pages      %zu\nprecision  %.4f\nrecall     %.4f\nf1         %.4f\n", scorer.pages(), scorer.precision(),
              scorer.recall(), scorer.f1());
  // CPU time is the stable figure on a shared machine; wall time is shown too.
  std::printf("throughput %.1f pages/s, %.1f MB/s (%.3f s CPU extracting, %.3f s wall)\n", scorer.pages() / cpu_secs,
              bytes / 1e6 / cpu_secs, cpu_secs, secs);
  return code;
}

}  // namespace

void RegisterEvalExtract(CLI::App& eval, int* exit_code) {
  auto opt = std::make_shared<EvalExtractOptions>();
  CLI::App* cmd =
      eval.add_subcommand("extract", "Main-text extraction of DIR/html/*.html scored against DIR/gold/*.txt");
  cmd->add_option("dir", opt->dir, "Folder with html/ and gold/ (e.g. ../shared/data/extraction/aeb)")->required();
  cmd->add_flag("--pages", opt->pages, "Also print each page's precision and recall, worst first");
  cmd->callback([opt, exit_code] { *exit_code = RunEvalExtract(*opt); });
}

}  // namespace storyfuse
