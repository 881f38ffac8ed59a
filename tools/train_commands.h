// Subcommands of `storyfuse train`, one file each (train_*.cc): each
// trains one learned model on ../shared/data and writes its weight file
// for models/ (models/README.md lists them).
#ifndef STORYFUSE_TOOLS_TRAIN_COMMANDS_H_
#define STORYFUSE_TOOLS_TRAIN_COMMANDS_H_

namespace CLI {
class App;
}

namespace storyfuse {

// Each train_<name>.cc defines RegisterTrain<Name>; cmd_train.cc calls it.
void RegisterTrainAlign(CLI::App& train, int* exit_code);
void RegisterTrainEntities(CLI::App& train, int* exit_code);
void RegisterTrainQuotes(CLI::App& train, int* exit_code);
void RegisterTrainSpeakers(CLI::App& train, int* exit_code);

}  // namespace storyfuse

#endif  // STORYFUSE_TOOLS_TRAIN_COMMANDS_H_
