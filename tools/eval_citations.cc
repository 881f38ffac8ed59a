// storyfuse eval citations [--labels FILE] [--sample N] [--template] [--stream] INPUT...
//
// Builds the briefs of each INPUT (a file or folder, clustered on its own
// as `storyfuse brief` does) and lists every citation as a pair: the item
// (summary sentence, fact, quote, number) and the span it cites, side by
// side, with the article, code-point offsets and support (eval/citation_
// audit.h). With --labels, prints the share of labelled pairs whose span
// states the item and lists the pairs that have no label (and labels that
// name no pair). --sample N keeps N pairs chosen reproducibly; --template
// prints label lines with a `?` verdict instead of the listing. --stream
// groups as `brief --stream` does (the labels of 2026-12-04 were made on
// the stream's briefs).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <map>
#include <memory>

#include "base/file.h"
#include "eval/citation_audit.h"
#include "pipeline/story_briefs.h"
#include "tools/article_source.h"
#include "tools/command.h"

namespace storyfuse {
namespace {

struct EvalCitationsOptions {
  std::vector<std::string> inputs;
  std::string labels;
  size_t sample = 0;
  bool template_lines = false;
  bool stream = false;
  int words = 150;
};

void PrintPair(const CitationPair& p, const char* label) {
  std::printf("%s #%d  support %.3f  label %s\n  item  [%s %u-%u] %s\n  cited [%s %u-%u] %s\n\n", p.section.c_str(),
              p.item, p.cited.support, label, p.item_span.article.c_str(), p.item_span.start, p.item_span.end,
              p.item_text.c_str(), p.cited.article.c_str(), p.cited.start, p.cited.end, p.cited_text.c_str());
}

int RunEvalCitations(const EvalCitationsOptions& opt) {
  std::vector<CitationLabel> labels;
  if (!opt.labels.empty()) {
    Result<std::string> content = ReadWholeFile(opt.labels);
    if (!content.ok()) {
      std::fprintf(stderr, "storyfuse: %s\n", content.status().ToString().c_str());
      return kExitBadInput;
    }
    Result<std::vector<CitationLabel>> parsed = CitationAudit::ParseLabels(*content);
    if (!parsed.ok()) {
      std::fprintf(stderr, "storyfuse: %s: %s\n", opt.labels.c_str(), parsed.status().message().c_str());
      return kExitBadInput;
    }
    labels = std::move(parsed).value();
  }
  int code = kExitOk;
  std::vector<std::vector<Article>> kept;  // the pairs' texts point into these
  std::vector<CitationPair> pairs;
  for (const std::string& input : opt.inputs) {
    ArticleSource source;
    kept.push_back(source.ReadAll({input}));
    if (source.had_errors() || kept.back().empty()) {
      std::fprintf(stderr, "storyfuse: %s: no articles read\n", input.c_str());
      code = kExitBadInput;
    }
    std::map<std::string, const Article*> by_id;
    for (const Article& a : kept.back()) by_id[a.id] = &a;
    for (const StoryBrief& b : BriefStories(kept.back(), opt.words, opt.stream)) {
      for (CitationPair& p : CitationAudit::Pairs(b, by_id)) pairs.push_back(std::move(p));
    }
  }
  if (opt.sample > 0) pairs = CitationAudit::Sample(pairs, opt.sample);
  std::map<std::string, bool> verdict;
  for (const auto& l : labels) verdict[l.key] = l.supported;
  if (opt.template_lines) {
    std::printf("item_article\titem_start\titem_end\tcited_article\tcited_start\tcited_end\tverdict\n");
    for (const CitationPair& p : pairs) {
      auto it = verdict.find(p.Key());
      std::printf("%s\n", CitationAudit::LabelLine(p, it == verdict.end() ? "?" : (it->second ? "1" : "0")).c_str());
    }
    return code;
  }
  for (const CitationPair& p : pairs) {
    auto it = verdict.find(p.Key());
    PrintPair(p, it == verdict.end() ? "-" : (it->second ? "supported" : "NOT SUPPORTED"));
  }
  std::printf("pairs %zu\n", pairs.size());
  if (!opt.labels.empty()) {
    AuditReport r = CitationAudit::Audit(pairs, labels);
    std::printf("labelled %d: supported %d (%.1f%%); unlabelled %zu; labels naming no pair %zu\n", r.labelled,
                r.supported, r.labelled ? 100.0 * r.supported / r.labelled : 0.0, r.unlabelled.size(), r.stale.size());
    for (const CitationPair* p : r.unlabelled) std::printf("unlabelled\t%s\n", p->Key().c_str());
    for (const std::string& k : r.stale) std::printf("stale\t%s\n", k.c_str());
  }
  return code;
}

}  // namespace

void RegisterEvalCitations(CLI::App& eval, int* exit_code) {
  auto opt = std::make_shared<EvalCitationsOptions>();
  CLI::App* cmd = eval.add_subcommand(
      "citations", "List every (item, cited span) pair of the inputs' briefs; audit them against labels");
  cmd->add_option("inputs", opt->inputs, "Files or folders; each is clustered and briefed on its own")->required();
  cmd->add_option("--labels", opt->labels, "Labels file (article ids, offsets, verdict): report the share supported");
  cmd->add_option("--sample", opt->sample, "Keep N pairs, chosen reproducibly");
  cmd->add_flag("--template", opt->template_lines,
                "Print label lines (verdict ? when unlabelled) instead of the pairs");
  cmd->add_flag("--stream", opt->stream, "Group as `brief --stream` does, article by article");
  cmd->add_option("--words", opt->words, "Summary length in words (default 150, as `brief`)");
  cmd->callback([opt, exit_code] { *exit_code = RunEvalCitations(*opt); });
}

}  // namespace storyfuse
