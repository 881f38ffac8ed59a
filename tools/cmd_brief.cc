// storyfuse brief [--format md|json|html] [--words N] [--stream] INPUT...
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>

#include "brief/brief_builder.h"
#include "brief/brief_html.h"
#include "brief/brief_json.h"
#include "brief/brief_markdown.h"
#include "cluster/batch_clusterer.h"
#include "cluster/stream_grouper.h"
#include "tools/article_source.h"
#include "tools/brief_stories.h"
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
  Print(BriefStories(articles, opt.words, opt.stream), opt.format);
  return source.had_errors() ? kExitBadInput : kExitOk;
}

}  // namespace

// Groups the articles (all at once, or as a stream), then builds one brief
// per story, biggest story first.
std::vector<StoryBrief> BriefStories(const std::vector<Article>& articles, int words, bool stream) {
  std::unique_ptr<Grouper> grouper;
  if (stream) {
    grouper = std::make_unique<StreamGrouper>();
  } else {
    grouper = std::make_unique<BatchClusterer>();
  }
  for (const Article& a : articles) grouper->Add(a);
  Grouping g = grouper->Finish();
  std::map<std::string, size_t> index_of;
  for (size_t i = 0; i < articles.size(); ++i) index_of[articles[i].id] = i;
  BriefBuilder builder(BriefOptions{words});
  std::vector<StoryBrief> briefs;
  for (const StoryView& story : g.stories) {
    std::vector<StoryMember> members;
    for (const std::string& id : story.articles) {
      size_t i = index_of[id];
      members.push_back({&articles[i], g.articles[i].copy_of, g.articles[i].origin});
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
  cmd->add_flag("--stream", opt->stream, "Group as a stream, article by article, instead of all at once");
  cmd->add_option("inputs", opt->inputs, "Files, folders or - for stdin")->required();
  cmd->callback([opt, exit_code] { *exit_code = RunBrief(*opt); });
}

}  // namespace storyfuse
