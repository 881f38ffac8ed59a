// storyfuse cluster [--format jsonl|json] INPUT...
//
// Streams the articles through a StoryIndex and, once all are read (stories
// may merge late), prints per article {id, story, copy_of, origin}; json
// adds the stories with their outlets and independent sources.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>

#include "cluster/story_index.h"
#include "tools/article_source.h"
#include "tools/command.h"

namespace storyfuse {
namespace {

struct ClusterOptions {
  std::string format = "jsonl";
  std::vector<std::string> inputs;
};

struct Assigned {
  std::string id;
  std::string copy_of;
  std::string origin;
};

nlohmann::json OrNull(const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); }

std::string Dump(const nlohmann::json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::json StoriesJson(const StoryIndex& index) {
  nlohmann::json stories = nlohmann::json::array();
  for (const StoryView& s : index.Stories()) {
    stories.push_back({{"id", s.id},
                       {"articles", s.articles},
                       {"outlets", s.outlets},
                       {"independent_sources", s.independent_sources}});
  }
  return stories;
}

int RunCluster(const ClusterOptions& opt) {
  ArticleSource source;
  StoryIndex index;
  std::vector<Assigned> assigned;
  source.ForEach(opt.inputs, [&](Article&& a, const RawDoc&) {
    ClusterResult r = index.Add(a);
    assigned.push_back({a.id, r.copy_of, r.origin});
  });
  nlohmann::json rows = nlohmann::json::array();
  for (const Assigned& a : assigned) {
    nlohmann::json row = {{"id", a.id}, {"story", index.StoryOf(a.id)},
                          {"copy_of", OrNull(a.copy_of)}, {"origin", a.origin}};
    if (opt.format == "jsonl") {
      std::printf("%s\n", Dump(row, -1).c_str());
    } else {
      rows.push_back(std::move(row));
    }
  }
  if (opt.format == "json") {
    nlohmann::json all = {{"articles", rows}, {"stories", StoriesJson(index)}};
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
  cmd->add_option("inputs", opt->inputs, "Files, folders or - for stdin")->required();
  cmd->callback([opt, exit_code] { *exit_code = RunCluster(*opt); });
}

}  // namespace storyfuse
