// storyfuse eval quotes DIR [--errors] [--dump] [--rules] [--rules-only] [--causes]
//
// Scores quote extraction on a PolNeAR-style folder (DIR/text/<doc>.txt and
// DIR/attributions/<doc>_<annotator>.ann; the first annotation file in
// sorted order is the gold) as ../shared/data/README.md defines it, and
// prints precision, recall, F1, speaker accuracy and throughput.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <memory>

#include "analyze/quote_extractor.h"
#include "eval/polnear_corpus.h"
#include "eval/quote_scorer.h"
#include "text/utf8.h"
#include "tools/command.h"

namespace storyfuse {
namespace {

struct EvalQuotesOptions {
  std::string dir;
  bool errors = false;
  bool dump = false;
  bool rules = false;
  bool rules_only = false;
  bool no_piece_model = false;
  bool causes = false;
};

// False positives by UnmatchedCause (indexed by its value).
using CauseTally = std::array<size_t, 4>;

void TallyCauses(const std::vector<PredictedQuote>& pred, const std::vector<int>& match,
                 const std::vector<CpSpan>& contents, CauseTally* tally) {
  for (size_t p = 0; p < pred.size(); ++p) {
    if (match[p] < 0) ++(*tally)[static_cast<size_t>(ClassifyUnmatched(pred[p].quote, contents))];
  }
}

// The false positives by cause, and the ceiling they leave: split and
// partial pieces have no gold quote under the metric however well they are
// found, so even dropping every other false positive (and no gold quote)
// scores at most this.
void PrintCauses(const CauseTally& tally, const QuoteScores& s) {
  for (size_t c = 0; c < tally.size(); ++c) {
    std::printf("false positives %-16s %zu\n", std::string(UnmatchedCauseName(static_cast<UnmatchedCause>(c))).c_str(),
                tally[c]);
  }
  QuoteScores ceiling = s;
  ceiling.predicted = s.matched + tally[static_cast<size_t>(UnmatchedCause::kSplitContents)] +
                      tally[static_cast<size_t>(UnmatchedCause::kPartialContent)];
  std::printf("ceiling (every other false positive dropped, no gold lost): precision %.4f  F1 %.4f\n",
              ceiling.Precision(), ceiling.F1());
}

// Per precision rule, the pieces it alone drops (what turning it off would
// add) and all it drops, split into gold quotes and others.
struct RuleTally {
  size_t alone_gold = 0, alone_other = 0, any_gold = 0, any_other = 0;
};

// Tallies the rules firing on each piece of 3+ words of one article; a
// piece is gold when it covers half of a gold quote (the metric's match).
void TallyRules(const std::string& text, const std::vector<JudgedPiece>& pieces, const std::vector<GoldQuote>& gold,
                std::vector<RuleTally>* tally) {
  CodePointIndex cps(text);
  constexpr uint32_t kTooShort = 1u << static_cast<int>(QuoteRule::kTooShort);
  for (const JudgedPiece& j : pieces) {
    if (j.rules & kTooShort) continue;
    CpSpan q{cps.ToCodePoint(j.piece.text.begin), cps.ToCodePoint(j.piece.text.end)};
    bool is_gold = false;
    for (const GoldQuote& g : gold) {
      uint32_t lo = std::max(q.begin, g.quote.begin), hi = std::min(q.end, g.quote.end);
      uint32_t longer = std::max(q.end - q.begin, g.quote.end - g.quote.begin);
      is_gold = is_gold || (hi > lo && 2 * (hi - lo) >= longer);
    }
    for (size_t r = 0; r < tally->size(); ++r) {
      if (!(j.rules & (1u << r))) continue;
      bool alone = (j.rules & ~(1u << r)) == 0;
      RuleTally& t = (*tally)[r];
      (is_gold ? t.any_gold : t.any_other)++;
      if (alone) (is_gold ? t.alone_gold : t.alone_other)++;
    }
  }
}

void PrintRules(const std::vector<RuleTally>& tally) {
  std::printf("rule                 alone: gold other   all: gold other\n");
  for (size_t r = 1; r < tally.size(); ++r) {
    const RuleTally& t = tally[r];
    std::printf("%-20s %11zu %5zu %10zu %5zu\n", QuoteRuleName(static_cast<QuoteRule>(r)), t.alone_gold, t.alone_other,
                t.any_gold, t.any_other);
  }
}

std::string Slice(const std::u32string& t, CpSpan s) {
  std::string out;
  for (uint32_t i = s.begin; i < s.end && i < t.size(); ++i) AppendUtf8(t[i], &out);
  return out;
}

void PrintErrors(const std::string& doc, const std::string& text, const std::vector<GoldQuote>& gold,
                 const std::vector<PredictedQuote>& pred, const std::vector<int>& match) {
  std::u32string t;
  size_t pos = 0;
  while (pos < text.size()) t.push_back(DecodeUtf8(text, &pos));
  std::vector<bool> hit(gold.size(), false);
  for (size_t p = 0; p < pred.size(); ++p) {
    if (match[p] < 0) {
      std::printf("FP\t%s\t%s\n", doc.c_str(), Slice(t, pred[p].quote).c_str());
      continue;
    }
    const GoldQuote& g = gold[match[p]];
    hit[match[p]] = true;
    if (g.source.empty()) continue;
    bool ok = false;
    for (CpSpan s : g.source)
      ok = ok || (std::max(s.begin, pred[p].speaker.begin) < std::min(s.end, pred[p].speaker.end));
    if (ok) continue;
    std::printf("SPK\t%s\tgold=%s\tpred=%s\t@%u\t%s\n", doc.c_str(), Slice(t, g.source[0]).c_str(),
                Slice(t, pred[p].speaker).c_str(), g.quote.begin, Slice(t, g.quote).substr(0, 80).c_str());
  }
  for (size_t g = 0; g < gold.size(); ++g) {
    if (!hit[g]) std::printf("FN\t%s\t%s\n", doc.c_str(), Slice(t, gold[g].quote).substr(0, 120).c_str());
  }
}

// One line per predicted quote: whether it matched, how it was attributed,
// and the text around it (for studying errors).
void Dump(const std::string& doc, const std::string& text, const std::vector<Quote>& quotes,
          const std::vector<GoldQuote>& gold, const std::vector<int>& match) {
  static const char* const kKinds[] = {"none", "after", "before", "carried", "subject"};
  for (size_t i = 0; i < quotes.size(); ++i) {
    const Quote& q = quotes[i];
    bool speaker_ok = false;
    if (match[i] >= 0) {
      CodePointIndex cps(text);
      CpSpan m{cps.ToCodePoint(q.speaker_mention.begin), cps.ToCodePoint(q.speaker_mention.end)};
      for (CpSpan s : gold[match[i]].source)
        speaker_ok = speaker_ok || (std::max(s.begin, m.begin) < std::min(s.end, m.end));
      if (gold[match[i]].source.empty()) speaker_ok = true;
    }
    size_t b = q.text.begin > 80 ? q.text.begin - 80 : 0;
    std::string before(text.substr(b, q.text.begin - b)), after(text.substr(q.text.end, 80));
    for (std::string* s : {&before, &after}) std::replace(s->begin(), s->end(), '\n', '/');
    std::printf("Q\t%s\t%d\t%d\t%s\t%d\t%s\t%s\t%s\t%s\t%s\n", doc.c_str(), match[i] >= 0, speaker_ok,
                kKinds[static_cast<int>(q.how)], q.cue_adjacent, std::string(q.speaker_mention.In(text)).c_str(),
                std::string(q.cue.In(text)).c_str(), before.c_str(), std::string(q.text.In(text)).c_str(),
                after.c_str());
  }
}

int RunEvalQuotes(const EvalQuotesOptions& opt) {
  std::vector<std::string> errors;
  Result<std::vector<PolnearDoc>> docs = ReadPolnearCorpus(opt.dir, &errors);
  if (!docs.ok()) {
    std::fprintf(stderr, "storyfuse: %s\n", docs.status().message().c_str());
    return kExitBadInput;
  }
  for (const std::string& e : errors) std::fprintf(stderr, "storyfuse: %s\n", e.c_str());
  QuoteExtractor::Options options;
  options.rank_speakers = !opt.rules_only;
  options.classify_pieces = !opt.no_piece_model;
  QuoteExtractor extractor(options);
  QuoteScorer scorer;
  std::vector<RuleTally> tally(static_cast<size_t>(QuoteRule::kCount));
  CauseTally causes{};
  double seconds = 0;
  size_t bytes = 0;
  for (const PolnearDoc& doc : *docs) {
    auto t0 = std::chrono::steady_clock::now();
    std::vector<Quote> quotes = extractor.Extract(doc.text);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    bytes += doc.text.size();
    std::vector<PredictedQuote> pred = ToPredictedQuotes(doc.text, quotes);
    std::vector<int> match = scorer.Add(doc.gold, pred);
    if (opt.errors) PrintErrors(doc.id, doc.text, doc.gold, pred, match);
    if (opt.dump) Dump(doc.id, doc.text, quotes, doc.gold, match);
    if (opt.rules) TallyRules(doc.text, extractor.Judge(doc.text), doc.gold, &tally);
    if (opt.causes) TallyCauses(pred, match, doc.contents, &causes);
  }
  const QuoteScores& s = scorer.scores();
  std::printf("quotes %s: %zu articles, %zu gold, %zu predicted, %zu matched\n", opt.dir.c_str(), docs->size(), s.gold,
              s.predicted, s.matched);
  std::printf("precision %.4f  recall %.4f  F1 %.4f\n", s.Precision(), s.Recall(), s.F1());
  std::printf("speaker accuracy %.4f (%zu/%zu)\n", s.SpeakerAccuracy(), s.speaker_correct, s.speaker_total);
  if (opt.rules) PrintRules(tally);
  if (opt.causes) PrintCauses(causes, s);
  if (seconds > 0) {
    std::printf("throughput %.0f articles/s, %.2f MB/s (analysis, one core)\n", docs->size() / seconds,
                bytes / seconds / 1e6);
  }
  return errors.empty() ? kExitOk : kExitBadInput;
}

}  // namespace

void RegisterEvalQuotes(CLI::App& eval, int* exit_code) {
  auto opt = std::make_shared<EvalQuotesOptions>();
  CLI::App* cmd =
      eval.add_subcommand("quotes", "Direct quotes and speakers on PolNeAR (DIR with text/, attributions/)");
  cmd->add_option("dir", opt->dir, "e.g. ../shared/data/quotes/polnear/dev")->required();
  cmd->add_flag("--errors", opt->errors, "Also list false positives (FP), misses (FN) and wrong speakers (SPK)");
  cmd->add_flag("--dump", opt->dump, "Also print every predicted quote with its attribution (tab-separated)");
  cmd->add_flag("--rules", opt->rules,
                "Also count, per precision rule, the gold and other pieces it drops alone and in all");
  cmd->add_flag("--rules-only", opt->rules_only, "Choose speakers by the rules alone, without the learned ranker");
  cmd->add_flag("--no-piece-model", opt->no_piece_model,
                "Keep every piece the rules keep, without the learned piece classifier");
  cmd->add_flag("--causes", opt->causes,
                "Also count the false positives by how they lie against the annotated contents, and the ceiling "
                "that leaves");
  cmd->callback([opt, exit_code] { *exit_code = RunEvalQuotes(*opt); });
}

}  // namespace storyfuse
