// storyfuse eval copies [--stream] [--seed N] [--write FILE] FILE.jsonl...
//
// Builds a partial-copy test set from labelled articles (PartialCopySet:
// a run of one article's paragraphs pasted into another article of the
// same story, which replaces it), groups the set as `cluster` would (all
// at once, or --stream), and prints the recall of the pasted articles'
// copy links and the precision of all copy links. --write saves the set as
// JSONL (id, text, label, pasted_from) for a look outside the repository;
// it holds the data's text, so it never goes into the repository.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>

#include "cluster/batch_clusterer.h"
#include "cluster/story_index.h"
#include "cluster/stream_grouper.h"
#include "eval/partial_copy_set.h"
#include "tools/article_source.h"
#include "tools/command.h"

namespace storyfuse {
namespace {

struct EvalCopiesOptions {
  std::vector<std::string> inputs;
  bool stream = false;
  uint64_t seed = 1;
  NearDuplicateOptions dedupe;
  std::string write;
};

bool WriteSet(const std::string& path, const PartialCopySet& set) {
  FILE* out = std::fopen(path.c_str(), "w");
  if (out == nullptr) return false;
  for (size_t i = 0; i < set.articles.size(); ++i) {
    nlohmann::json row = {
        {"id", set.articles[i].id},
        {"text", set.articles[i].text},
        {"label", set.labels[i]},
        {"pasted_from", set.pasted_from[i].empty() ? nlohmann::json() : nlohmann::json(set.pasted_from[i])}};
    std::fprintf(out, "%s\n", row.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  }
  return std::fclose(out) == 0;
}

int RunEvalCopies(const EvalCopiesOptions& opt) {
  ArticleSource source;
  std::vector<Article> articles;
  std::vector<std::string> labels;
  source.ForEach(opt.inputs, [&](Article&& a, const RawDoc& doc) {
    articles.push_back(std::move(a));
    labels.push_back(doc.label);
  });
  PartialCopySet set = PartialCopySet::Build(articles, labels, opt.seed);
  if (set.cases() == 0) {
    std::fprintf(stderr, "storyfuse: eval copies: no story with two articles to build a case from\n");
    return kExitBadInput;
  }
  if (!opt.write.empty() && !WriteSet(opt.write, set)) {
    std::fprintf(stderr, "storyfuse: eval copies: cannot write %s\n", opt.write.c_str());
    return kExitBadInput;
  }
  Grouping g;
  if (opt.stream) {
    StoryStreamOptions o;
    o.batch.dedupe = opt.dedupe;
    g = GroupAsStream(set.articles, o);
  } else {
    BatchClusterOptions o;
    o.dedupe = opt.dedupe;
    BatchClusterer batch(o);
    for (const Article& a : set.articles) batch.Add(a);
    g = batch.Finish();
  }
  std::vector<std::string> copy_of;
  for (const ClusterResult& r : g.articles) copy_of.push_back(r.copy_of);
  CopyLinkScore s = ScoreCopyLinks(set, copy_of);
  std::printf("mode         %s\n", opt.stream ? "stream (revising a recent window)" : "batch (all at once)");
  std::printf("set          %zu articles, %zu pasted (seed %llu)\n", set.articles.size(), s.cases,
              static_cast<unsigned long long>(opt.seed));
  std::printf("recall       %.4f (%zu of %zu pasted articles name their source)\n", s.recall(), s.found, s.cases);
  std::printf("precision    %.4f (%zu of %zu copy links)\n", s.precision(), s.correct_links, s.links);
  return source.had_errors() ? kExitBadInput : kExitOk;
}

}  // namespace

void RegisterEvalCopies(CLI::App& eval, int* exit_code) {
  auto opt = std::make_shared<EvalCopiesOptions>();
  CLI::App* cmd =
      eval.add_subcommand("copies", "Copy-link recall and precision on partial copies built from labelled JSONL");
  cmd->add_option("inputs", opt->inputs, "JSONL files with id, text, label")->required();
  cmd->add_flag("--stream", opt->stream, "Group as the stream that revises a recent window instead of all at once");
  cmd->add_option("--partial-shared", opt->dedupe.partial_shared, "Shared sampled shingles for a partial copy")
      ->capture_default_str();
  cmd->add_option("--partial-containment", opt->dedupe.partial_containment,
                  "Share of either text a partial copy covers")
      ->capture_default_str();
  cmd->add_option("--seed", opt->seed, "Seed of the choices that build the set")->capture_default_str();
  cmd->add_option("--write", opt->write,
                  "Also write the set as JSONL to FILE (holds the data's text: keep it out of the repo)");
  cmd->callback([opt, exit_code] { *exit_code = RunEvalCopies(*opt); });
}

}  // namespace storyfuse
