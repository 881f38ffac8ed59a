#include "tools/eval_commands.h"

#include <CLI/CLI.hpp>

namespace storyfuse {

void RegisterEvalCluster(CLI::App& eval, int* exit_code);
void RegisterEvalCopies(CLI::App& eval, int* exit_code);

// Each eval_<name>.cc defines RegisterEval<Name>; add its line here.
void RegisterEvalRouge(CLI::App& eval, int* exit_code);
void RegisterEvalExtract(CLI::App& eval, int* exit_code);
void RegisterEvalQuotes(CLI::App& eval, int* exit_code);
void RegisterEvalDates(CLI::App& eval, int* exit_code);
void RegisterEvalSummarize(CLI::App& eval, int* exit_code);
void RegisterEvalAlign(CLI::App& eval, int* exit_code);
void RegisterEvalCitations(CLI::App& eval, int* exit_code);
void RegisterEvalEntities(CLI::App& eval, int* exit_code);

void RegisterEvalCommands(CLI::App& eval, int* exit_code) {
  RegisterEvalCluster(eval, exit_code);
  RegisterEvalCopies(eval, exit_code);
  (void)eval;
  (void)exit_code;
  RegisterEvalRouge(eval, exit_code);
  RegisterEvalExtract(eval, exit_code);
  RegisterEvalQuotes(eval, exit_code);
  RegisterEvalDates(eval, exit_code);
  RegisterEvalSummarize(eval, exit_code);
  RegisterEvalAlign(eval, exit_code);
  RegisterEvalCitations(eval, exit_code);
  RegisterEvalEntities(eval, exit_code);
}

}  // namespace storyfuse
