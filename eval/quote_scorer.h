// QuoteScorer: scores predicted direct quotes against PolNeAR's brat
// attributions with the direct-quote metric that ../shared/data/README.md
// specifies (read it for the exact rules). In short: each line is scanned
// for quoted pieces between matching marks (an unclosed mark runs to the
// line's end, marks excluded); gold quotes are pieces of at least three
// words lying within an attribution's content, credited to its source;
// predictions match gold greedily, one to one, when they cover half of the
// longer span; speaker accuracy counts matched, sourced gold quotes whose
// predicted speaker mention touches the gold source.
// Offsets are code points, end exclusive. Pure functions and a value-type
// accumulator; thread-compatible.
#ifndef STORYFUSE_EVAL_QUOTE_SCORER_H_
#define STORYFUSE_EVAL_QUOTE_SCORER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace storyfuse {

// A half-open code point range.
struct CpSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool operator==(const CpSpan&) const = default;
};

struct GoldQuote {
  CpSpan quote;
  std::vector<CpSpan> source;  // empty: nobody is credited
};

struct PredictedQuote {
  CpSpan quote;
  CpSpan speaker;  // empty range: no speaker mention
};

// The quoted pieces of `text` (UTF-8) by the metric's rule, in code points,
// in text order, of any length.
std::vector<CpSpan> FindMetricPieces(std::string_view text);

// Number of whitespace-separated words of code points [span) of `text`.
size_t CountWords(std::string_view text, CpSpan span);

// Gold quotes of one article from its text (UTF-8) and its brat annotation.
// Returns Corruption when an annotation line cannot be parsed.
Result<std::vector<GoldQuote>> ReadPolnearGold(std::string_view text, std::string_view ann);

// The Content and Content2 spans of every attribution (with or without a
// source) of one article's brat annotation, in code points. Corruption
// when an annotation line cannot be parsed.
Result<std::vector<CpSpan>> ReadPolnearContents(std::string_view ann);

// Why a predicted piece has no gold quote, by how it lies against the
// annotated contents (`--causes` of `eval quotes`):
//   kUnannotated     overlaps no content: nobody annotated these words;
//   kSplitContents   overlaps two or more contents and lies in none: the
//                    annotator split one quotation (mostly one content per
//                    sentence), so the metric has no gold piece for it;
//   kPartialContent  overlaps one content without lying in it: the content
//                    covers part of the piece (mostly marks paired by the
//                    metric's rule across two quotations);
//   kInsideContent   lies in a content (a gold piece of fewer than three
//                    words, or one already matched).
enum class UnmatchedCause { kUnannotated, kSplitContents, kPartialContent, kInsideContent };

UnmatchedCause ClassifyUnmatched(CpSpan piece, const std::vector<CpSpan>& contents);
std::string_view UnmatchedCauseName(UnmatchedCause c);

struct QuoteScores {
  size_t gold = 0;
  size_t predicted = 0;
  size_t matched = 0;
  size_t speaker_total = 0;    // matched gold quotes with a Source
  size_t speaker_correct = 0;  // ... whose predicted mention overlaps it

  double Precision() const;
  double Recall() const;
  double F1() const;
  double SpeakerAccuracy() const;

  // Adds another part's counts (a fold's, an article's).
  void Merge(const QuoteScores& other);
  // "P 0.9430 R 0.9990 F1 0.9701 speaker accuracy 0.9440 (5214/5485)".
  std::string Summary() const;
};

// Accumulates scores article by article.
class QuoteScorer {
 public:
  // Scores one article; returns, per prediction, the index of the gold quote
  // it matched or -1.
  std::vector<int> Add(const std::vector<GoldQuote>& gold, const std::vector<PredictedQuote>& predicted);
  const QuoteScores& scores() const { return scores_; }

 private:
  QuoteScores scores_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_EVAL_QUOTE_SCORER_H_
