// storyfuse train <model> ...: learns a model's weights from labelled data
// in ../shared/data and writes the versioned weight file that models/
// embeds (models/README.md lists them). Training runs by hand, never in CI.
#include <CLI/CLI.hpp>

#include "tools/command.h"
#include "tools/train_commands.h"

namespace storyfuse {

void RegisterTrain(CLI::App& app, int* exit_code) {
  CLI::App* train =
      app.add_subcommand("train", "Learn a model's weights from labelled data (writes models/<name>.vN.<ext>)");
  train->require_subcommand(1);
  RegisterTrainAlign(*train, exit_code);
  RegisterTrainEntities(*train, exit_code);
  RegisterTrainQuotes(*train, exit_code);
  RegisterTrainSpeakers(*train, exit_code);
}

}  // namespace storyfuse
