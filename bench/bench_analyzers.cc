// Throughput of the quote, number, date and entity analyzers on real news
// text.
//
// Usage: bench_analyzers [ROOT] [REPEATS]
// ROOT holds one folder per story with the story's articles as docs/*.txt
// (default: the Multi-News dev clusters under STORYFUSE_SHARED_DIR). Each
// analyzer runs over every article; the EntityLinker (which runs the
// learned EntityRecognizer) is fed one story at a time, and the recognizer
// is also timed alone. Prints MB/s per analyzer and for all four together: the best of
// REPEATS runs, in thread CPU time (one core).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "analyze/date_resolver.h"
#include "analyze/entity_linker.h"
#include "analyze/entity_recognizer.h"
#include "analyze/number_extractor.h"
#include "analyze/quote_extractor.h"
#include "text/word_lexer.h"

namespace fs = std::filesystem;
using storyfuse::DateResolver;
using storyfuse::EntityLinker;
using storyfuse::NumberExtractor;
using storyfuse::WordLexer;

namespace {

using Story = std::vector<std::string>;

std::vector<Story> ReadStories(const fs::path& root, size_t* bytes) {
  std::map<std::string, Story> stories;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file() || e.path().extension() != ".txt") continue;
    if (e.path().parent_path().filename() != "docs") continue;
    std::ifstream f(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    *bytes += ss.str().size();
    stories[e.path().parent_path().parent_path().string()].push_back(ss.str());
  }
  std::vector<Story> out;
  for (auto& [k, v] : stories) out.push_back(std::move(v));
  return out;
}

// CPU time of this thread: the machine is shared, wall time is not ours.
double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

template <typename F>
double Seconds(int repeats, F&& f) {
  double best = 1e30;
  for (int r = 0; r < repeats; ++r) {
    double t0 = CpuSeconds();
    f();
    best = std::min(best, CpuSeconds() - t0);
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path root = argc > 1 ? fs::path(argv[1]) : fs::path(STORYFUSE_SHARED_DIR) / "data/summarization/multinews-dev";
  int repeats = argc > 2 ? std::atoi(argv[2]) : 3;
  size_t bytes = 0;
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    std::fprintf(stderr, "bench_analyzers: %s: not a directory\n", root.c_str());
    return 1;
  }
  std::vector<Story> stories = ReadStories(root, &bytes);
  size_t sink = 0;
  double lex = Seconds(repeats, [&] {
    for (const Story& s : stories)
      for (const std::string& t : s) sink += WordLexer::Lex(t).size();
  });
  double numbers = Seconds(repeats, [&] {
    for (const Story& s : stories)
      for (const std::string& t : s) sink += NumberExtractor::Extract(t).size();
  });
  double dates = Seconds(repeats, [&] {
    for (const Story& s : stories)
      for (const std::string& t : s) sink += DateResolver::Extract(t, "2025-07-11").size();
  });
  double quotes = Seconds(repeats, [&] {
    storyfuse::QuoteExtractor extractor;
    for (const Story& s : stories)
      for (const std::string& t : s) sink += extractor.Extract(t).size();
  });
  // The learned recognizer alone (part of the entities stage below).
  auto recognizer = storyfuse::EntityRecognizer::Shipped();
  if (!recognizer.ok()) {
    std::fprintf(stderr, "bench_analyzers: entity model: %s\n", recognizer.status().message().c_str());
    return 1;
  }
  double recognize = Seconds(repeats, [&] {
    for (const Story& s : stories)
      for (const std::string& t : s) sink += (*recognizer)->Recognize(t).size();
  });
  double entities = Seconds(repeats, [&] {
    for (const Story& s : stories) {
      EntityLinker linker;
      for (size_t i = 0; i < s.size(); ++i) linker.AddArticle(std::to_string(i), s[i]);
      sink += linker.Entities().size();
    }
  });
  // The pipeline's way: lex once, dates once, numbers reuse the dates.
  double shared = Seconds(repeats, [&] {
    for (const Story& s : stories) {
      EntityLinker linker;
      for (size_t i = 0; i < s.size(); ++i) {
        std::vector<storyfuse::LexToken> tokens = WordLexer::Lex(s[i]);
        std::vector<storyfuse::DateMention> d = DateResolver::Extract(s[i], tokens, "2025-07-11");
        sink += NumberExtractor::Extract(s[i], tokens, d).size() + d.size();
        linker.AddArticle(std::to_string(i), s[i], tokens);
      }
      sink += linker.Entities().size();
    }
  });
  double mb = bytes / 1e6;
  std::printf("input: %s, %zu stories, %.2f MB, %d repeats\n", root.c_str(), stories.size(), mb, repeats);
  std::printf("%-10s %8.3f s  %7.2f MB/s\n", "lexer", lex, mb / lex);
  std::printf("%-10s %8.3f s  %7.2f MB/s\n", "numbers", numbers, mb / numbers);
  std::printf("%-10s %8.3f s  %7.2f MB/s\n", "dates", dates, mb / dates);
  std::printf("%-10s %8.3f s  %7.2f MB/s\n", "recognizer", recognize, mb / recognize);
  std::printf("%-10s %8.3f s  %7.2f MB/s\n", "entities", entities, mb / entities);
  std::printf("%-10s %8.3f s  %7.2f MB/s\n", "quotes", quotes, mb / quotes);
  double all = numbers + dates + entities + quotes;
  std::printf("%-10s %8.3f s  %7.2f MB/s  (quotes + numbers + dates + entities)\n", "together", all, mb / all);
  std::printf("%-10s %8.3f s  %7.2f MB/s  (one lexing shared by all three)\n", "shared", shared, mb / shared);
  return sink == 0 ? 1 : 0;
}
