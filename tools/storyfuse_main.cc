// storyfuse: one binary, one subcommand per job.
#include <CLI/CLI.hpp>

#include <string_view>

#include "tools/command.h"
#include "tools/huge_page_heap.h"

namespace {

// Commands that read their inputs, print and exit: they gain from a heap
// on huge pages (tools/huge_page_heap.h). The long-running ones (serve,
// worker, follow, ingest, correct) keep glibc's own heap policy, which
// returns freed memory to the system.
bool IsBatchCommand(int argc, char** argv) {
  if (argc < 2) return false;
  std::string_view c = argv[1];
  return c == "extract" || c == "brief" || c == "cluster" || c == "quotes" || c == "facts" || c == "eval" ||
         c == "summarize" || c == "train";
}

}  // namespace

int main(int argc, char** argv) {
  if (IsBatchCommand(argc, argv)) storyfuse::ReserveHugePageHeap();
  CLI::App app{"storyfuse: one attributed account per news story, from many reports"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "storyfuse 0.1.0");
  int exit_code = storyfuse::kExitOk;
  storyfuse::RegisterExtract(app, &exit_code);
  storyfuse::RegisterBrief(app, &exit_code);
  storyfuse::RegisterCluster(app, &exit_code);
  storyfuse::RegisterQuotes(app, &exit_code);
  storyfuse::RegisterIngest(app, &exit_code);
  storyfuse::RegisterCorrect(app, &exit_code);
  storyfuse::RegisterFollow(app, &exit_code);
  storyfuse::RegisterFacts(app, &exit_code);
  storyfuse::RegisterEval(app, &exit_code);
  storyfuse::RegisterTrain(app, &exit_code);
  storyfuse::RegisterSummarize(app, &exit_code);
  storyfuse::RegisterServe(app, &exit_code);
  storyfuse::RegisterWorker(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? storyfuse::kExitOk : storyfuse::kExitUsage;
  }
  return exit_code;
}
