// storyfuse: one binary, one subcommand per job.
#include <CLI/CLI.hpp>

#include "tools/command.h"
#include "tools/huge_page_heap.h"

int main(int argc, char** argv) {
  storyfuse::ReserveHugePageHeap();
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
