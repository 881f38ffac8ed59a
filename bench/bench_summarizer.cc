// bench_summarizer: time to summarize one 50-article story (the brief's
// budget is 100 ms). Uses five DUC 2004 dev clusters from ../shared as one
// story of 50 articles when present, else 50 generated articles.
//
//   build/bench/bench_summarizer [--words N] [--reps R]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "brief/summarizer.h"

namespace fs = std::filesystem;

namespace {

std::vector<storyfuse::Article> SharedArticles(size_t want) {
  std::vector<storyfuse::Article> out;
  fs::path dir = fs::path(STORYFUSE_SHARED_DIR) / "data" / "summarization" / "duc2004-dev";
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& c : fs::directory_iterator(dir, ec)) {
    for (const auto& f : fs::directory_iterator(c.path() / "docs", ec)) files.push_back(f.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    if (out.size() == want) break;
    std::ifstream in(f);
    std::stringstream buf;
    buf << in.rdbuf();
    storyfuse::Article a;
    a.id = f.stem().string();
    a.text = buf.str();
    out.push_back(std::move(a));
  }
  return out;
}

// Invented filler news when ../shared is absent.
std::vector<storyfuse::Article> GeneratedArticles(size_t want) {
  const char* kSubjects[] = {"The council",   "Rescue teams",          "The ministry",
                             "Local farmers", "The harbour authority", "Engineers"};
  const char* kActs[] = {"reported heavy damage to", "began repairs on", "closed access to", "asked for more funds for",
                         "inspected"};
  const char* kObjects[] = {"the northern bridge", "three schools", "the coastal road",
                            "the water plant",     "the old dam",   "the ferry terminal"};
  std::vector<storyfuse::Article> out;
  for (size_t i = 0; i < want; ++i) {
    storyfuse::Article a;
    a.id = "gen" + std::to_string(i);
    for (int s = 0; s < 30; ++s) {
      a.text += std::string(kSubjects[(i + s) % 6]) + " " + kActs[(i * 7 + s) % 5] + " " + kObjects[(i + 3 * s) % 6] +
                " in the valley on day " + std::to_string(s + 1) + " of the storm, officials in the district said.\n";
    }
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  int words = 100, reps = 20;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--words")) words = std::atoi(argv[i + 1]);
    if (!std::strcmp(argv[i], "--reps")) reps = std::atoi(argv[i + 1]);
  }
  std::vector<storyfuse::Article> articles = SharedArticles(50);
  const char* kind = "DUC 2004 dev documents";
  if (articles.size() < 50) articles = GeneratedArticles(50), kind = "generated articles";
  std::vector<const storyfuse::Article*> ptrs;
  size_t bytes = 0;
  for (const auto& a : articles) ptrs.push_back(&a), bytes += a.text.size();
  storyfuse::Summarizer summarizer;
  std::vector<double> ms, cpu;
  size_t sentences = 0;
  for (int r = 0; r < reps; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    std::clock_t c0 = std::clock();
    sentences = summarizer.Summarize(ptrs, words).size();
    cpu.push_back(1000.0 * (std::clock() - c0) / CLOCKS_PER_SEC);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  std::sort(cpu.begin(), cpu.end());
  // CPU time is what the code costs; wall time also shows a busy machine.
  std::printf(
      "%zu %s (%zu KB), %d words -> %zu sentences: CPU median %.1f ms (min %.1f), "
      "wall median %.1f ms (min %.1f), %d runs\n",
      articles.size(), kind, bytes / 1024, words, sentences, cpu[cpu.size() / 2], cpu.front(), ms[ms.size() / 2],
      ms.front(), reps);
  return 0;
}
