// storyfuse train <speakers> ...
#include <CLI/CLI.hpp>

#include "tools/command.h"
#include "tools/train_commands.h"

namespace storyfuse {

void RegisterTrain(CLI::App& app, int* exit_code) {
  CLI::App* train = app.add_subcommand("train", "Train a model on labelled data (see ../shared/data, models/README.md)");
  train->require_subcommand(1);
  RegisterTrainCommands(*train, exit_code);
}

}  // namespace storyfuse
