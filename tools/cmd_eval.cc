// storyfuse eval <extract|cluster|quotes|rouge|summarize> ...
#include <CLI/CLI.hpp>

#include "tools/command.h"
#include "tools/eval_commands.h"

namespace storyfuse {

void RegisterEval(CLI::App& app, int* exit_code) {
  CLI::App* eval = app.add_subcommand("eval", "Score storyfuse on labelled data (see ../shared/data)");
  eval->require_subcommand(1);
  RegisterEvalCommands(*eval, exit_code);
}

}  // namespace storyfuse
