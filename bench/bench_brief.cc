// bench_brief: CPU time to build the whole brief (alignment, summary, facts,
// quotes, numbers, timeline, entities, exclusives) of one 50-article story.
// The story is the first 50 documents of ../shared's DUC 2004 dev clusters,
// read and cleaned through the real ingest path. The bar is 100 ms. Also
// prints the same story rebuilt by a builder that built it before (what a
// brief worker does as a story grows).
//
//   build/bench/bench_brief [--articles N] [--reps R]
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "brief/brief_builder.h"
#include "ingest/article_extractor.h"
#include "ingest/input_reader.h"

namespace fs = std::filesystem;
using namespace storyfuse;

namespace {

double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

std::vector<Article> ReadStory(size_t want) {
  std::vector<Article> out;
  ArticleExtractor extractor;
  InputReader reader(
      [&](RawDoc&& doc) {
        if (out.size() >= want) return;
        Result<Article> a = extractor.Extract(doc);
        if (a.ok()) out.push_back(std::move(a).value());
      },
      [](const Status&) {});
  fs::path dir = fs::path(STORYFUSE_SHARED_DIR) / "data" / "summarization" / "duc2004-dev";
  if (!reader.Read(dir.string()).ok()) return {};
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  size_t articles = 50;
  int reps = 10;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--articles")) articles = std::stoul(argv[i + 1]);
    if (!std::strcmp(argv[i], "--reps")) reps = std::stoi(argv[i + 1]);
  }
  std::vector<Article> story = ReadStory(articles);
  if (story.empty()) {
    std::fprintf(stderr, "bench_brief: %s/data/summarization/duc2004-dev not found; skipped\n", STORYFUSE_SHARED_DIR);
    return 0;
  }
  std::vector<StoryMember> members;
  size_t bytes = 0;
  for (const auto& a : story) {
    members.push_back({&a, "", ""});
    bytes += a.text.size();
  }
  // A new builder per cold run: a builder keeps the sentences it read for
  // the next build (brief/match_sentence_cache.h), as a brief worker
  // rebuilding a growing story does; the warm runs reuse one builder.
  std::vector<double> cold, warm;
  size_t summary = 0;
  BriefBuilder reused;
  for (int r = 0; r < reps; ++r) {
    BriefBuilder fresh;
    double start = CpuSeconds();
    StoryBrief b = fresh.Build("s-bench", members);
    cold.push_back(CpuSeconds() - start);
    summary = b.summary.size();
    if (r == 0) reused.Build("s-bench", members);
    start = CpuSeconds();
    reused.Build("s-bench", members);
    warm.push_back(CpuSeconds() - start);
  }
  std::sort(cold.begin(), cold.end());
  std::sort(warm.begin(), warm.end());
  std::printf(
      "brief of a %zu-article story (%.0f KB): median %.1f ms CPU, min %.1f ms, max %.1f ms over %d runs; %zu summary "
      "sentences\n",
      members.size(), bytes / 1024.0, cold[cold.size() / 2] * 1e3, cold.front() * 1e3, cold.back() * 1e3, reps,
      summary);
  std::printf("rebuilt by a builder that built it before: median %.1f ms CPU, min %.1f ms, max %.1f ms\n",
              warm[warm.size() / 2] * 1e3, warm.front() * 1e3, warm.back() * 1e3);
  return 0;
}
