// storyfuse summarize [--words N] [--fill] INPUT...
//
// Reads the inputs (files, folders) as the articles of one story and prints
// an extractive summary of at most N words, one sentence per line.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>

#include "brief/summarizer.h"
#include "tools/article_source.h"
#include "tools/command.h"

namespace storyfuse {
namespace {

struct SummarizeOptions {
  int words = 100;
  bool fill = false;
  std::vector<std::string> inputs;
};

// A sentence on one line: internal line breaks become spaces.
void PrintLine(std::string_view s) {
  std::string line(s);
  for (char& c : line) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  std::printf("%s\n", line.c_str());
}

int RunSummarize(const SummarizeOptions& opt) {
  ArticleSource source;
  std::vector<Article> articles = source.ReadAll(opt.inputs);
  if (articles.empty()) {
    std::fprintf(stderr, "storyfuse: no articles in the inputs\n");
    return kExitBadInput;
  }
  std::vector<const Article*> ptrs;
  for (const Article& a : articles) ptrs.push_back(&a);
  SummarizerOptions so;
  so.allow_partial_last = opt.fill;
  Summarizer summarizer(so);
  for (const SummarySentence& s : summarizer.Summarize(ptrs, opt.words)) PrintLine(s.Text());
  return source.had_errors() ? kExitBadInput : kExitOk;
}

}  // namespace

void RegisterSummarize(CLI::App& app, int* exit_code) {
  auto opt = std::make_shared<SummarizeOptions>();
  CLI::App* cmd =
      app.add_subcommand("summarize", "Print an extractive summary of the inputs (one story), one sentence a line");
  cmd->add_option("--words", opt->words, "Most words in the summary")->check(CLI::PositiveNumber);
  cmd->add_flag("--fill", opt->fill, "Fill the budget with the start of one more sentence (DUC-style)");
  cmd->add_option("inputs", opt->inputs, "Files, folders or - for stdin")->required();
  cmd->callback([opt, exit_code] { *exit_code = RunSummarize(*opt); });
}

}  // namespace storyfuse
