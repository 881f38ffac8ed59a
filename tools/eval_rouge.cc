// storyfuse eval rouge PEERDIR REFDIR [--words N] [--exceptions FILE] [--per-cluster]
//
// Scores PEERDIR/<cluster>.txt against REFDIR/<cluster>/refs/* with
// ROUGE-1.5.5's settings (eval/rouge.h) and prints and R-SU4 recall
// as the plain mean over clusters and as the script's bootstrap Average_R.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "base/file.h"
#include "eval/rouge.h"
#include "eval/rouge_corpus.h"
#include "tools/command.h"

namespace storyfuse {
namespace {

struct EvalRougeOptions {
  std::string peer_dir;
  std::string ref_dir;
  int words = 100;
  std::string exceptions;
  bool per_cluster = false;
};

int RunEvalRouge(const EvalRougeOptions& opt) {
  auto start = std::chrono::steady_clock::now();
  std::string exc = opt.exceptions.empty() ? RougeCorpus::DefaultExceptionsPath(opt.ref_dir) : opt.exceptions;
  Result<Rouge> rouge = Rouge::Create(exc, Rouge::Options{opt.words});
  if (!rouge.ok()) {
    std::fprintf(stderr, "storyfuse: %s (give one with --exceptions)\n", rouge.status().message().c_str());
    return kExitBadInput;
  }
  Result<std::vector<RougeCluster>> clusters = RougeCorpus::ReadClusters(opt.ref_dir);
  if (!clusters.ok()) {
    std::fprintf(stderr, "storyfuse: %s\n", clusters.status().message().c_str());
    return kExitBadInput;
  }
  int code = kExitOk;
  std::vector<std::pair<std::string, ClusterRouge>> scores;
  for (const RougeCluster& c : *clusters) {
    std::string path = (std::filesystem::path(opt.peer_dir) / (c.name + ".txt")).string();
    Result<std::string> peer = ReadWholeFile(path);
    if (!peer.ok()) {  // scored as an empty summary, as a missing output deserves
      std::fprintf(stderr, "storyfuse: %s\n", peer.status().message().c_str());
      code = kExitBadInput;
    }
    std::vector<std::string_view> refs(c.references.begin(), c.references.end());
    ClusterRouge s = rouge->Score(peer.ok() ? std::string_view(*peer) : "", refs);
    if (opt.per_cluster) {
      std::printf("%s\t%.4f\t%.4f\t%.4f\n", c.name.c_str(), s.r1.Recall(), s.r2.Recall(), s.su4.Recall());
    }
    scores.emplace_back(c.name, s);
  }
  RougeReport report = Rouge::Aggregate(std::move(scores));
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("clusters %zu, words %d\n%s", report.clusters, opt.words, report.ToString().c_str());
  std::printf("throughput %.1f clusters/s (%.3f s)\n", report.clusters / secs, secs);
  return code;
}

}  // namespace

void RegisterEvalRouge(CLI::App& eval, int* exit_code) {
  auto opt = std::make_shared<EvalRougeOptions>();
  CLI::App* cmd =
      eval.add_subcommand("rouge", "ROUGE-1/2/SU4 recall of PEERDIR/<cluster>.txt against REFDIR/<cluster>/refs/*");
  cmd->add_option("peerdir", opt->peer_dir, "Folder of <cluster>.txt summaries")->required();
  cmd->add_option("refdir", opt->ref_dir, "Folder of <cluster>/refs/ references")->required();
  cmd->add_option("--words", opt->words, "Words kept per summary (ROUGE -l)")->check(CLI::PositiveNumber);
  cmd->add_option("--exceptions", opt->exceptions,
                  "WordNet exception list (default: REFDIR/../rouge-stem-exceptions.txt)");
  cmd->add_flag("--per-cluster", opt->per_cluster, "Also print each cluster's R-1/R-2/R-SU4");
  cmd->callback([opt, exit_code] { *exit_code = RunEvalRouge(*opt); });
}

}  // namespace storyfuse
