// storyfuse brief [--format md|json|html] [--words N] INPUT...
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>

#include "brief/brief_builder.h"
#include "brief/brief_html.h"
#include "brief/brief_json.h"
#include "brief/brief_markdown.h"
#include "cluster/story_index.h"
#include "tools/article_source.h"
#include "tools/brief_stories.h"
#include "tools/command.h"

namespace storyfuse {
namespace {

struct BriefCmdOptions {
  std::string format = "md";
  int words = 150;
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
  Print(BriefStories(articles, opt.words), opt.format);
  return source.had_errors() ? kExitBadInput : kExitOk;
}

}  // namespace

// Clusters the articles as a stream, then builds one brief per story,
// biggest story first.
std::vector<StoryBrief> BriefStories(const std::vector<Article>& articles, int words) {
  StoryIndex index;
  std::map<std::string, ClusterResult> results;
  std::map<std::string, const Article*> by_id;
  for (const Article& a : articles) {
    results[a.id] = index.Add(a);
    by_id[a.id] = &a;
  }
  BriefBuilder builder(BriefOptions{words});
  std::vector<StoryBrief> briefs;
  for (const auto& story : index.Stories()) {
    std::vector<StoryMember> members;
    for (const auto& id : story.articles) {
      const ClusterResult& r = results[id];
      members.push_back({by_id[id], r.copy_of, r.origin});
    }
    briefs.push_back(builder.Build(story.id, members));
  }
  std::stable_sort(briefs.begin(), briefs.end(),
                   [](const StoryBrief& a, const StoryBrief& b) { return a.articles.size() > b.articles.size(); });
  return briefs;
}

void RegisterBrief(CLI::App& app, int* exit_code) {
  auto opt = std::make_shared<BriefCmdOptions>();
  CLI::App* cmd = app.add_subcommand("brief", "Cluster the inputs into stories and print a sourced brief of each");
  cmd->add_option("--format", opt->format, "md, json or html")->check(CLI::IsMember({"md", "json", "html"}));
  cmd->add_option("--words", opt->words, "Summary length in words (default 150)")->check(CLI::PositiveNumber);
  cmd->add_option("inputs", opt->inputs, "Files, folders or - for stdin")->required();
  cmd->callback([opt, exit_code] { *exit_code = RunBrief(*opt); });
}

}  // namespace storyfuse
