// storyfuse train <model> ...: trains a learned model (models/README.md).
#include <CLI/CLI.hpp>

#include "tools/command.h"
#include "tools/train_commands.h"

namespace storyfuse {

void RegisterTrain(CLI::App& app, int* exit_code) {
  CLI::App* train = app.add_subcommand("train", "Train a learned model on ../shared/data (writes models/<name>.vN.<ext>)");
  train->require_subcommand(1);
  RegisterTrainAlign(*train, exit_code);
}

}  // namespace storyfuse
