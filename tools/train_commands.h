// Subcommands of `storyfuse train`, one file each (train_*.cc). Training
// runs by hand on ../shared/data, never in CI; each writes a versioned
// weight file under models/ (models/README.md).
#ifndef STORYFUSE_TOOLS_TRAIN_COMMANDS_H_
#define STORYFUSE_TOOLS_TRAIN_COMMANDS_H_

namespace CLI {
class App;
}

namespace storyfuse {

// Registers every train subcommand on `train`; defined in train_commands.cc.
void RegisterTrainCommands(CLI::App& train, int* exit_code);

}  // namespace storyfuse

#endif  // STORYFUSE_TOOLS_TRAIN_COMMANDS_H_
