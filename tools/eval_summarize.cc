// storyfuse eval summarize DIR [--words N] [--no-fill] [--trim] [--unigram-share X]
//                            [--exceptions FILE] [--out PEERDIR] [--per-cluster]
//
// Fills the budget by default (--fill): DUC peers are cut at exactly N
// words, so that is how systems are compared; --no-fill scores whole
// sentences only, as `storyfuse summarize` and the brief produce.
//
// For each DIR/<cluster>/docs, summarizes the documents as one story and
// scores the summary against DIR/<cluster>/refs/* with ROUGE-1.5.5's
// settings (eval/rouge.h). Prints, R-SU4 recall (plain mean and
// bootstrap Average_R) and the summarizer's throughput.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

#include "brief/summarizer.h"
#include "eval/rouge.h"
#include "eval/rouge_corpus.h"
#include "tools/article_source.h"
#include "tools/command.h"

namespace storyfuse {
namespace {

namespace fs = std::filesystem;

struct EvalSummarizeOptions {
  std::string dir;
  int words = 100;
  std::string exceptions;
  std::string out_dir;
  bool per_cluster = false;
  bool fill = true;
  bool trim = SummarizerOptions{}.trim_attribution;
  double unigram_share = SummarizerOptions{}.unigram_share;
  double number_boost = SummarizerOptions{}.number_boost;
};

using Clock = std::chrono::steady_clock;

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

// The summary as a peer file: one sentence a line.
std::string PeerText(const std::vector<SummarySentence>& summary) {
  std::string text;
  for (const SummarySentence& s : summary) {
    std::string line(s.Text());
    for (char& c : line) {
      if (c == '\n' || c == '\r') c = ' ';
    }
    text += line + "\n";
  }
  return text;
}

int RunEvalSummarize(const EvalSummarizeOptions& opt) {
  std::string exc = opt.exceptions.empty() ? RougeCorpus::DefaultExceptionsPath(opt.dir) : opt.exceptions;
  Result<Rouge> rouge = Rouge::Create(exc, Rouge::Options{opt.words});
  if (!rouge.ok()) {
    std::fprintf(stderr, "storyfuse: %s (give one with --exceptions)\n", rouge.status().message().c_str());
    return kExitBadInput;
  }
  Result<std::vector<RougeCluster>> clusters = RougeCorpus::ReadClusters(opt.dir);
  if (!clusters.ok()) {
    std::fprintf(stderr, "storyfuse: %s\n", clusters.status().message().c_str());
    return kExitBadInput;
  }
  if (!opt.out_dir.empty()) fs::create_directories(opt.out_dir);
  SummarizerOptions so;
  so.allow_partial_last = opt.fill;
  so.trim_attribution = opt.trim;
  so.unigram_share = opt.unigram_share;
  so.number_boost = opt.number_boost;
  Summarizer summarizer(so);
  Clock::duration read_time{}, summarize_time{};
  size_t articles_total = 0;
  int code = kExitOk;
  std::vector<std::pair<std::string, ClusterRouge>> scores;
  for (const RougeCluster& c : *clusters) {
    auto t0 = Clock::now();
    ArticleSource source;
    std::vector<Article> articles = source.ReadAll({(fs::path(c.path) / "docs").string()});
    if (source.had_errors()) code = kExitBadInput;
    std::vector<const Article*> ptrs;
    for (const Article& a : articles) ptrs.push_back(&a);
    articles_total += articles.size();
    auto t1 = Clock::now();
    std::string peer = PeerText(summarizer.Summarize(ptrs, opt.words));
    auto t2 = Clock::now();
    read_time += t1 - t0;
    summarize_time += t2 - t1;
    if (!opt.out_dir.empty()) std::ofstream(fs::path(opt.out_dir) / (c.name + ".txt")) << peer;
    std::vector<std::string_view> refs(c.references.begin(), c.references.end());
    ClusterRouge s = rouge->Score(peer, refs);
    if (opt.per_cluster) {
      std::printf("%s\t%.4f\t%.4f\t%.4f\n", c.name.c_str(), s.r1.Recall(), s.r2.Recall(), s.su4.Recall());
    }
    scores.emplace_back(c.name, s);
  }
  RougeReport report = Rouge::Aggregate(std::move(scores));
  double summarize_s = Seconds(summarize_time), read_s = Seconds(read_time);
  std::printf("clusters %zu (%zu articles), words %d\n%s", report.clusters, articles_total, opt.words,
              report.ToString().c_str());
  std::printf("throughput %.1f clusters/s summarizing (%.3f s), %.1f clusters/s with reading (%.3f s)\n",
              report.clusters / summarize_s, summarize_s, report.clusters / (summarize_s + read_s),
              summarize_s + read_s);
  return code;
}

}  // namespace

void RegisterEvalSummarize(CLI::App& eval, int* exit_code) {
  auto opt = std::make_shared<EvalSummarizeOptions>();
  CLI::App* cmd =
      eval.add_subcommand("summarize", "Summarize DIR/<cluster>/docs and score with ROUGE against DIR/<cluster>/refs");
  cmd->add_option("dir", opt->dir, "Folder of <cluster>/{docs,refs}/")->required();
  cmd->add_option("--words", opt->words, "Summary length in words (and ROUGE -l)")->check(CLI::PositiveNumber);
  cmd->add_option("--exceptions", opt->exceptions,
                  "WordNet exception list (default: DIR/../rouge-stem-exceptions.txt)");
  cmd->add_option("--out", opt->out_dir, "Also write the summaries as PEERDIR/<cluster>.txt");
  cmd->add_flag("--fill,!--no-fill", opt->fill,
                "Fill the budget with the start of one more sentence, as DUC systems are "
                "scored (the default here; --no-fill keeps whole sentences as `summarize` does)");
  cmd->add_flag("--trim,!--no-trim", opt->trim, "Trim short attribution tails (\", officials said.\"; default off)");
  cmd->add_option("--unigram-share", opt->unigram_share, "Weight of a content word relative to a bigram (default 0.3)");
  cmd->add_option("--number-boost", opt->number_boost,
                  "Weight multiplier of concepts holding a number (default: the library's)");
  cmd->add_flag("--per-cluster", opt->per_cluster, "Also print each cluster's R-1/R-2/R-SU4");
  cmd->callback([opt, exit_code] { *exit_code = RunEvalSummarize(*opt); });
}

}  // namespace storyfuse
