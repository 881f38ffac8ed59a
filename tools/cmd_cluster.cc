// storyfuse cluster [--format jsonl|json] [--stream] INPUT...
//
// Groups the articles into stories, all at once once every input is read
// (BatchClusterer) or, with --stream, as a stream (StoryStream), and prints
// per article {id, story, copy_of, origin}; json adds the stories with
// their outlets and independent sources.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>

#include "pipeline/story_briefs.h"
#include "tools/article_source.h"
#include "tools/command.h"

namespace storyfuse {
namespace {

struct ClusterOptions {
  std::string format = "jsonl";
  bool stream = false;
  std::vector<std::string> inputs;
};

nlohmann::json OrNull(const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); }

std::string Dump(const nlohmann::json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::json StoriesJson(const Grouping& g) {
  nlohmann::json stories = nlohmann::json::array();
  for (const StoryView& s : g.stories) {
    stories.push_back({{"id", s.id},
                       {"articles", s.articles},
                       {"outlets", s.outlets},
                       {"independent_sources", s.independent_sources}});
  }
  return stories;
}

int RunCluster(const ClusterOptions& opt) {
  ArticleSource source;
  std::unique_ptr<Grouper> grouper = MakeGrouper(opt.stream);
  std::vector<std::string> ids;
  source.ForEach(opt.inputs, [&](Article&& a, const RawDoc&) {
    grouper->Add(a);
    ids.push_back(a.id);
  });
  Grouping g = grouper->Finish();
  nlohmann::json rows = nlohmann::json::array();
  for (size_t i = 0; i < ids.size(); ++i) {
    const ClusterResult& r = g.articles[i];
    nlohmann::json row = {{"id", ids[i]}, {"story", r.story_id}, {"copy_of", OrNull(r.copy_of)}, {"origin", r.origin}};
    if (opt.format == "jsonl") {
      std::printf("%s\n", Dump(row, -1).c_str());
    } else {
      rows.push_back(std::move(row));
    }
  }
  if (opt.format == "json") {
    nlohmann::json all = {{"articles", rows}, {"stories", StoriesJson(g)}};
    std::printf("%s\n", Dump(all, 2).c_str());
  }
  return source.had_errors() ? kExitBadInput : kExitOk;
}

}  // namespace

void RegisterCluster(CLI::App& app, int* exit_code) {
  auto opt = std::make_shared<ClusterOptions>();
  CLI::App* cmd = app.add_subcommand("cluster", "Group articles into stories and find copies");
  cmd->add_option("--format", opt->format, "jsonl (one line per article) or json (with stories)")
      ->check(CLI::IsMember({"jsonl", "json"}));
  cmd->add_flag("--stream", opt->stream, "Group as a stream, article by article, instead of all at once");
  cmd->add_option("inputs", opt->inputs, "Files, folders or - for stdin")->required();
  cmd->callback([opt, exit_code] { *exit_code = RunCluster(*opt); });
}

}  // namespace storyfuse
