// storyfuse eval cluster FILE.jsonl...
//
// Clusters labelled articles (JSONL with a gold `label` per line) in one
// streaming pass and prints BCubed precision, recall and F1, the number of
// stories predicted and gold, and throughput (clustering alone, and end to
// end with reading and cleaning) in CPU time of this thread, which a busy
// machine disturbs far less than wall time.
#include <CLI/CLI.hpp>
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <memory>

#include "cluster/story_index.h"
#include "eval/bcubed.h"
#include "tools/article_source.h"
#include "tools/command.h"

namespace storyfuse {
namespace {

struct EvalClusterOptions {
  std::vector<std::string> inputs;
  StoryIndexOptions index;
  std::string predictions;  // file for "id<TAB>gold<TAB>predicted" lines, when set
};

// One line per labelled article, for error analysis. False when `path`
// cannot be written.
bool WritePredictions(const std::string& path, const std::vector<std::string>& ids,
                      const std::vector<std::string>& gold, const std::vector<std::string>& predicted) {
  FILE* out = std::fopen(path.c_str(), "w");
  if (out == nullptr) return false;
  for (size_t i = 0; i < ids.size(); ++i) {
    std::fprintf(out, "%s\t%s\t%s\n", ids[i].c_str(), gold[i].c_str(), predicted[i].c_str());
  }
  return std::fclose(out) == 0;
}

double ThreadCpuSeconds() {
  timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

int RunEvalCluster(const EvalClusterOptions& opt) {
  double start = ThreadCpuSeconds();
  ArticleSource source;
  StoryIndex index(opt.index);
  std::vector<std::string> ids, gold;
  size_t copies = 0;
  double clustering = 0;
  source.ForEach(opt.inputs, [&](Article&& a, const RawDoc& doc) {
    double t0 = ThreadCpuSeconds();
    ClusterResult r = index.Add(a);
    clustering += ThreadCpuSeconds() - t0;
    copies += !r.copy_of.empty();
    if (doc.label.empty()) return;
    ids.push_back(a.id);
    gold.push_back(doc.label);
  });
  double total = ThreadCpuSeconds() - start;
  if (ids.empty()) {
    std::fprintf(stderr, "storyfuse: eval cluster: no labelled articles in the input\n");
    return kExitBadInput;
  }
  std::vector<std::string> predicted;
  for (const std::string& id : ids) predicted.push_back(index.StoryOf(id));
  if (!opt.predictions.empty() && !WritePredictions(opt.predictions, ids, gold, predicted)) {
    std::fprintf(stderr, "storyfuse: eval cluster: cannot write %s\n", opt.predictions.c_str());
    return kExitBadInput;
  }
  BCubedScore s = BCubed::Score(predicted, gold);
  size_t n = index.article_count();
  std::printf("articles     %zu (%zu labelled), copy links %zu\n", n, ids.size(), copies);
  std::printf("stories      predicted %zu, gold %zu\n", s.predicted_clusters, s.gold_clusters);
  std::printf("BCubed       P %.4f  R %.4f  F1 %.4f\n", s.precision, s.recall, s.f1);
  std::printf("throughput   %.0f articles/s clustering (%.3f s CPU), %.0f articles/s end to end (%.3f s CPU)\n",
              n / std::max(clustering, 1e-9), clustering, n / std::max(total, 1e-9), total);
  return source.had_errors() ? kExitBadInput : kExitOk;
}

}  // namespace

void RegisterEvalCluster(CLI::App& eval, int* exit_code) {
  auto opt = std::make_shared<EvalClusterOptions>();
  CLI::App* cmd = eval.add_subcommand("cluster", "BCubed scores of story clustering on labelled JSONL");
  cmd->add_option("inputs", opt->inputs, "JSONL files with id, text, label")->required();
  // Clustering parameters, for studying their effect (defaults are the library's).
  cmd->add_option("--scan-postings", opt->index.scan_postings, "Newest stories looked at per query term")->capture_default_str();
  cmd->add_option("--join-threshold", opt->index.join_threshold, "Cosine to join a story")->capture_default_str();
  cmd->add_option("--merge-threshold", opt->index.merge_threshold, "Cosine to merge two stories")->capture_default_str();
  cmd->add_option("--name-boost", opt->index.name_boost, "Weight of name features")->capture_default_str();
  cmd->add_option("--conflict-factor", opt->index.conflict_factor, "Score factor on name conflict")->capture_default_str();
  cmd->add_option("--salient-names", opt->index.salient_names, "Names compared for conflicts")->capture_default_str();
  cmd->add_option("--lead-tokens", opt->index.lead_tokens, "Leading tokens counted twice")->capture_default_str();
  cmd->add_option("--number-boost", opt->index.number_boost, "Weight of number features")->capture_default_str();
  cmd->add_option("--merge-names", opt->index.merge_names, "Leading story names checked before a merge")->capture_default_str();
  cmd->add_option("--predictions", opt->predictions, "Write id, gold and predicted story per line to FILE");
  cmd->callback([opt, exit_code] { *exit_code = RunEvalCluster(*opt); });
}

}  // namespace storyfuse
