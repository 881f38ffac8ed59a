// storyfuse eval dates FILE.jsonl [--predictions OUT] [--part I/K] [--errors]
//
// Resolves the dates of each labelled document (dates JSONL: id, dct, text,
// timexes) against its `dct` and scores them with the calendar-date metric
// of ../shared/data/README.md: precision, recall, F1. The predictions are
// the resolved calendar dates (day, month, year): weeks are not calendar
// dates by the metric, and approximate mentions ("days earlier") state no
// date. --predictions writes them, one JSON line per document, {id, dates:
// [{start, end, value}]}, offsets in code points into `text`, values ISO
// cut to their granularity. --part I/K keeps the I-th of K equal runs of the
// documents sorted by id, so that a tuned-on part and a held-out part can
// be reported apart.
#include <time.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "analyze/date_resolver.h"
#include "base/file.h"
#include "eval/date_scorer.h"
#include "text/utf8.h"
#include "tools/command.h"

namespace storyfuse {
namespace {

struct EvalDatesOptions {
  std::string input;
  std::string predictions;
  std::string part;  // "I/K", empty: all
  bool errors = false;
};

double ThreadCpuSeconds() {
  timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

// Parses "I/K" with 1 <= I <= K.
bool ParsePart(const std::string& s, size_t* i, size_t* k) {
  unsigned a = 0, b = 0;
  char tail = 0;
  if (std::sscanf(s.c_str(), "%u/%u%c", &a, &b, &tail) != 2 || a < 1 || a > b) return false;
  *i = a, *k = b;
  return true;
}

// Code points [s) of `text`.
std::string Slice(std::string_view text, CpSpan s) {
  std::string out;
  size_t pos = 0;
  uint32_t cp = 0;
  while (pos < text.size() && cp < s.end) {
    size_t before = pos;
    DecodeUtf8(text, &pos);
    if (cp >= s.begin) out.append(text.substr(before, pos - before));
    ++cp;
  }
  return out;
}

// Lines for studying errors: FP (wrong value or no gold), FN (a gold
// calendar date no prediction paired right).
void PrintErrors(const DateDocument& doc, const std::vector<PredictedDate>& pred,
                 const std::vector<DateOutcome>& outcomes, const std::vector<int>& paired) {
  std::vector<bool> right(doc.timexes.size(), false);
  for (size_t p = 0; p < pred.size(); ++p) {
    if (outcomes[p] == DateOutcome::kTruePositive) right[paired[p]] = true;
    if (outcomes[p] != DateOutcome::kFalsePositive) continue;
    std::string gold = paired[p] >= 0 ? doc.timexes[paired[p]].value : "-";
    std::printf("FP\t%s\t%s\t%s\tgold=%s\t%s\n", doc.id.c_str(), doc.dct.c_str(), Slice(doc.text, pred[p].span).c_str(),
                gold.c_str(), pred[p].value.c_str());
  }
  for (size_t g = 0; g < doc.timexes.size(); ++g) {
    if (right[g] || CalendarValue(doc.timexes[g]).empty()) continue;
    const CpSpan s = doc.timexes[g].span;
    CpSpan around{s.begin > 60 ? s.begin - 60 : 0, s.end + 40};
    std::string context = Slice(doc.text, around);
    std::replace(context.begin(), context.end(), '\n', ' ');
    std::printf("FN\t%s\t%s\t%s\t%s\t%s\n", doc.id.c_str(), doc.dct.c_str(), Slice(doc.text, s).c_str(),
                doc.timexes[g].value.c_str(), context.c_str());
  }
}

int RunEvalDates(const EvalDatesOptions& opt) {
  size_t part = 1, parts = 1;
  if (!opt.part.empty() && !ParsePart(opt.part, &part, &parts)) {
    std::fprintf(stderr, "storyfuse: --part %s: expected I/K with 1 <= I <= K\n", opt.part.c_str());
    return kExitUsage;
  }
  Result<std::string> file = ReadWholeFile(opt.input);
  if (!file.ok()) {
    std::fprintf(stderr, "storyfuse: %s\n", file.status().ToString().c_str());
    return kExitBadInput;
  }
  std::vector<DateDocument> docs;
  size_t line_no = 0, pos = 0;
  const std::string& all = *file;
  while (pos < all.size()) {
    size_t nl = all.find('\n', pos);
    if (nl == std::string::npos) nl = all.size();
    std::string_view line(all.data() + pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    Result<DateDocument> doc = ParseDateDocument(line);
    if (!doc.ok()) {
      std::fprintf(stderr, "storyfuse: %s:%zu: %s\n", opt.input.c_str(), line_no, doc.status().message().c_str());
      return kExitBadInput;
    }
    docs.push_back(std::move(*doc));
  }
  std::sort(docs.begin(), docs.end(), [](const DateDocument& a, const DateDocument& b) { return a.id < b.id; });
  size_t first = docs.size() * (part - 1) / parts, last = docs.size() * part / parts;
  std::unique_ptr<std::ofstream> out;
  if (!opt.predictions.empty()) {
    out = std::make_unique<std::ofstream>(opt.predictions);
    if (!*out) {
      std::fprintf(stderr, "storyfuse: %s: cannot write\n", opt.predictions.c_str());
      return kExitBadInput;
    }
  }
  DateScorer scorer;
  double cpu = 0;
  size_t bytes = 0;
  for (size_t d = first; d < last; ++d) {
    const DateDocument& doc = docs[d];
    double t0 = ThreadCpuSeconds();
    std::vector<DateMention> mentions = DateResolver::Extract(doc.text, doc.dct);
    cpu += ThreadCpuSeconds() - t0;
    bytes += doc.text.size();
    CodePointIndex cps(doc.text);
    std::vector<PredictedDate> pred;
    nlohmann::json dates = nlohmann::json::array();
    for (const DateMention& m : mentions) {
      // Calendar dates only, as the metric defines them: a week is not one
      // (README), and a vague span ("weeks ago") states none.
      if (m.iso.empty() || m.granularity == DateGranularity::kWeek || m.approximate) continue;
      std::string value = IsoValue(m);
      CpSpan s{cps.ToCodePoint(m.span.begin), cps.ToCodePoint(m.span.end)};
      dates.push_back({{"start", s.begin}, {"end", s.end}, {"value", value}});
      pred.push_back({s, std::move(value)});
    }
    std::vector<int> paired;
    std::vector<DateOutcome> outcomes = scorer.Add(doc.timexes, pred, &paired);
    if (opt.errors) PrintErrors(doc, pred, outcomes, paired);
    if (out) *out << nlohmann::json{{"id", doc.id}, {"dates", dates}}.dump() << '\n';
  }
  const DateScores& s = scorer.scores();
  std::printf("dates %s%s%s: %zu documents, %zu gold calendar dates, %zu true and %zu false positives, %zu ignored\n",
              opt.input.c_str(), opt.part.empty() ? "" : " part ", opt.part.c_str(), last - first, s.gold,
              s.true_positives, s.false_positives, s.ignored);
  std::printf("precision %.4f  recall %.4f  F1 %.4f\n", s.Precision(), s.Recall(), s.F1());
  if (cpu > 0) std::printf("throughput %.2f MB/s (resolution, CPU time of one core)\n", bytes / cpu / 1e6);
  if (out && !out->flush()) {
    std::fprintf(stderr, "storyfuse: %s: write failed\n", opt.predictions.c_str());
    return kExitBadInput;
  }
  return kExitOk;
}

}  // namespace

void RegisterEvalDates(CLI::App& eval, int* exit_code) {
  auto opt = std::make_shared<EvalDatesOptions>();
  CLI::App* cmd = eval.add_subcommand("dates", "Calendar dates resolved against each document's date (dates JSONL)");
  cmd->add_option("file", opt->input, "e.g. ../shared/data/dates/aquaint.jsonl")->required();
  cmd->add_option("--predictions", opt->predictions, "Write {id, dates: [{start, end, value}]} per document");
  cmd->add_option("--part", opt->part, "Score only part I of K (documents sorted by id), e.g. 2/2");
  cmd->add_flag("--errors", opt->errors, "Also list false positives (FP) and missed dates (FN)");
  cmd->callback([opt, exit_code] { *exit_code = RunEvalDates(*opt); });
}

}  // namespace storyfuse
