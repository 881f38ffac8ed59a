// storyfuse brief [--format md|json|html] [--words N] [--stream] INPUT...
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>

#include "brief/brief_html.h"
#include "brief/brief_json.h"
#include "brief/brief_markdown.h"
#include "pipeline/story_briefs.h"
#include "pipeline/story_pipeline.h"
#include "tools/article_source.h"
#include "tools/command.h"

namespace storyfuse {
namespace {

struct BriefCmdOptions {
  std::string format = "md";
  int words = 150;
  bool stream = false;
  std::vector<std::string> inputs;
};

void Print(const std::vector<StoryBrief>& briefs, const std::string& format) {
  if (format == "json") {
    std::printf("%s\n", BriefsToJson(briefs).dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  } else if (format == "html") {
    std::printf("%s", BriefsToHtml(briefs).c_str());
  } else {
    for (const auto& b : briefs) std::printf("%s\n", BriefToMarkdown(b).c_str());
  }
}

int RunBrief(const BriefCmdOptions& opt) {
  ArticleSource source;
  std::vector<Article> articles = source.ReadAll(opt.inputs);
  if (articles.empty()) {
    std::fprintf(stderr, "storyfuse: no articles in the inputs\n");
    return kExitBadInput;
  }
  // Each text is cut to the limit the server and `ingest` apply: aligning
  // a text's sentences grows faster than its length when they repeat, so
  // an uncut 60 MB text would cost minutes (issue #22).
  for (Article& a : articles) {
    std::string warning = StoryPipeline::CutToLimit(&a);
    if (!warning.empty()) std::fprintf(stderr, "storyfuse: %s: %s\n", a.source.c_str(), warning.c_str());
  }
  Print(BriefStories(articles, opt.words, opt.stream), opt.format);
  return source.had_errors() ? kExitBadInput : kExitOk;
}

}  // namespace

void RegisterBrief(CLI::App& app, int* exit_code) {
  auto opt = std::make_shared<BriefCmdOptions>();
  CLI::App* cmd = app.add_subcommand("brief", "Cluster the inputs into stories and print a sourced brief of each");
  cmd->add_option("--format", opt->format, "md, json or html")->check(CLI::IsMember({"md", "json", "html"}));
  cmd->add_option("--words", opt->words, "Summary length in words (default 150)")->check(CLI::PositiveNumber);
  cmd->add_flag("--stream", opt->stream, "Group as a stream, article by article, instead of all at once");
  cmd->add_option("inputs", opt->inputs, "Files, folders or - for stdin")->required();
  cmd->callback([opt, exit_code] { *exit_code = RunBrief(*opt); });
}

}  // namespace storyfuse
