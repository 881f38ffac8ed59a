// storyfuse extract [--format text|json|jsonl] INPUT...
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>

#include "ingest/article_json.h"
#include "tools/article_source.h"
#include "tools/command.h"

namespace storyfuse {
namespace {

struct ExtractOptions {
  std::string format = "text";
  std::vector<std::string> inputs;
};

void PrintText(const Article& a) {
  std::printf("== %s\n", a.id.c_str());
  if (!a.title.empty()) std::printf("# %s\n", a.title.c_str());
  std::printf("%s\n\n", a.text.c_str());
}

int RunExtract(const ExtractOptions& opt) {
  ArticleSource source;
  nlohmann::json all = nlohmann::json::array();
  source.ForEach(opt.inputs, [&](Article&& a, const RawDoc&) {
    if (opt.format == "text") return PrintText(a);
    nlohmann::json j = ArticleToJson(a);
    if (opt.format == "jsonl") {
      std::printf("%s\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    } else {
      all.push_back(std::move(j));
    }
  });
  if (opt.format == "json") {
    std::printf("%s\n", all.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  }
  return source.had_errors() ? kExitBadInput : kExitOk;
}

}  // namespace

void RegisterExtract(CLI::App& app, int* exit_code) {
  auto opt = std::make_shared<ExtractOptions>();
  CLI::App* cmd = app.add_subcommand("extract", "Clean articles and print their text and metadata");
  cmd->add_option("--format", opt->format, "text, json or jsonl")->check(CLI::IsMember({"text", "json", "jsonl"}));
  cmd->add_option("inputs", opt->inputs, "Files, folders or - for stdin")->required();
  cmd->callback([opt, exit_code] { *exit_code = RunExtract(*opt); });
}

}  // namespace storyfuse
