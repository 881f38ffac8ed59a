// bench_hostile: the worst case of the largest document the server accepts
// (issue #22). For each pathological text of the issue (one sentence with
// a weekday every few words; one sentence repeated) at the server's body
// limit, CPU seconds of what the single writer does with it: cleaning,
// the cut to StoryPipeline::kMaxArticleTextBytes, and the story's brief.
// With --whole, the brief of the uncut text too (what `storyfuse brief`
// does with a file of that size; the bar: 4 MB in 10 s, 60 MB in 60 s).
//
//   build/bench/bench_hostile [--mb 16] [--whole]
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include "brief/brief_builder.h"
#include "ingest/article_extractor.h"
#include "pipeline/story_pipeline.h"

using namespace storyfuse;

namespace {

double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

std::string WeekdaySentence(size_t bytes) {
  static const char* kDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  std::string out;
  for (size_t i = 0; out.size() < bytes; ++i) out += std::string("the council met on ") + kDays[i % 7] + " and voted ";
  return out + ".";
}

std::string RepeatedSentence(size_t bytes) {
  std::string unit = "The harbour bridge reopened on Monday after eleven weeks of repairs, the council said. ";
  std::string out;
  while (out.size() < bytes) out += unit;
  return out;
}

void Run(const char* name, const std::string& text, bool whole) {
  ArticleExtractor extractor;
  RawDoc doc;
  doc.id = name;
  doc.source = name;
  doc.bytes = text;
  double t0 = CpuSeconds();
  Result<Article> a = extractor.Extract(doc);
  double t1 = CpuSeconds();
  if (!a.ok()) {
    std::printf("%-20s %s\n", name, a.status().ToString().c_str());
    return;
  }
  Article cut = *a;
  StoryPipeline::CutToLimit(&cut);
  BriefBuilder builder;
  double t2 = CpuSeconds();
  (void)builder.Build("s-1", {{&cut, "", ""}});
  double t3 = CpuSeconds();
  std::printf("%-20s %6.1f MB: clean %6.2f s, brief of the first %zu KiB %6.2f s: writer busy %6.2f s\n", name,
              static_cast<double>(text.size()) / (1 << 20), t1 - t0, cut.text.size() / 1024, t3 - t2,
              (t1 - t0) + (t3 - t2));
  if (whole) {
    double t4 = CpuSeconds();
    (void)builder.Build("s-1", {{&*a, "", ""}});
    std::printf("%-20s %6.1f MB: brief of the whole text %6.2f s\n", name,
                static_cast<double>(a->text.size()) / (1 << 20), CpuSeconds() - t4);
  }
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  double mb = 16;  // the server's default --max-body
  bool whole = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--mb") && i + 1 < argc)
      mb = std::atof(argv[++i]);
    else if (!std::strcmp(argv[i], "--whole"))
      whole = true;
    else {
      std::fprintf(stderr, "usage: bench_hostile [--mb 16] [--whole]\n");
      return 2;
    }
  }
  size_t bytes = static_cast<size_t>(mb * (1 << 20));
  Run("weekday-sentence", WeekdaySentence(bytes), whole);
  Run("repeated-sentence", RepeatedSentence(bytes), whole);
  return 0;
}
