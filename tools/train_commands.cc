#include "tools/train_commands.h"

#include <CLI/CLI.hpp>

namespace storyfuse {

// Each train_<name>.cc defines RegisterTrain<Name>; add its line here.
void RegisterTrainSpeakers(CLI::App& train, int* exit_code);

void RegisterTrainCommands(CLI::App& train, int* exit_code) { RegisterTrainSpeakers(train, exit_code); }

}  // namespace storyfuse
