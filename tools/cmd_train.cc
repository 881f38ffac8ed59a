// storyfuse train <entities|...> ...: learns a model's weights from
// labelled data in ../shared/data and writes the versioned weight file
// that models/ embeds (see models/README.md). Training runs by hand, never
// in CI.
#include <CLI/CLI.hpp>

#include "tools/command.h"
#include "tools/train_commands.h"

namespace storyfuse {

// Each train_<name>.cc defines RegisterTrain<Name>; add its line here.
void RegisterTrainEntities(CLI::App& train, int* exit_code);

void RegisterTrainCommands(CLI::App& train, int* exit_code) { RegisterTrainEntities(train, exit_code); }

void RegisterTrain(CLI::App& app, int* exit_code) {
  CLI::App* train = app.add_subcommand("train", "Learn a model's weights from labelled data (see models/README.md)");
  train->require_subcommand(1);
  RegisterTrainCommands(*train, exit_code);
}

}  // namespace storyfuse
