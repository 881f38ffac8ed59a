// storyfuse brief [--format md|json] [--words N] INPUT...
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>

#include "brief/brief_builder.h"
#include "brief/brief_html.h"
#include "brief/brief_json.h"
#include "brief/brief_markdown.h"
#include "tools/article_source.h"
#include "tools/command.h"

namespace storyfuse {
namespace {

struct BriefCmdOptions {
  std::string format = "md";
  int words = 150;
  std::vector<std::string> inputs;
};

int RunBrief(const BriefCmdOptions& opt) {
  ArticleSource source;
  std::vector<Article> articles = source.ReadAll(opt.inputs);
  if (articles.empty()) {
    std::fprintf(stderr, "storyfuse: no articles in the inputs\n");
    return kExitBadInput;
  }
  std::vector<StoryMember> members;
  for (const auto& a : articles) members.push_back({&a, "", ""});
  BriefBuilder builder(BriefOptions{opt.words});
  std::vector<StoryBrief> briefs = {builder.Build("s1", members)};
  if (opt.format == "json") {
    std::printf("%s\n", BriefsToJson(briefs).dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  } else if (opt.format == "html") {
    std::printf("%s", BriefsToHtml(briefs).c_str());
  } else {
    for (const auto& b : briefs) std::printf("%s\n", BriefToMarkdown(b).c_str());
  }
  return source.had_errors() ? kExitBadInput : kExitOk;
}

}  // namespace

void RegisterBrief(CLI::App& app, int* exit_code) {
  auto opt = std::make_shared<BriefCmdOptions>();
  CLI::App* cmd = app.add_subcommand("brief", "Print a sourced brief of each story in the inputs");
  cmd->add_option("--format", opt->format, "md, json or html")->check(CLI::IsMember({"md", "json", "html"}));
  cmd->add_option("--words", opt->words, "Summary length in words")->check(CLI::PositiveNumber);
  cmd->add_option("inputs", opt->inputs, "Files, folders or - for stdin")->required();
  cmd->callback([opt, exit_code] { *exit_code = RunBrief(*opt); });
}

}  // namespace storyfuse
