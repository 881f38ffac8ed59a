// Subcommands of `storyfuse eval`, one file each (eval_*.cc).
#ifndef STORYFUSE_TOOLS_EVAL_COMMANDS_H_
#define STORYFUSE_TOOLS_EVAL_COMMANDS_H_

namespace CLI {
class App;
}

namespace storyfuse {

// Registers every eval subcommand on `eval`; defined in eval_commands.cc.
void RegisterEvalCommands(CLI::App& eval, int* exit_code);

}  // namespace storyfuse

#endif  // STORYFUSE_TOOLS_EVAL_COMMANDS_H_
