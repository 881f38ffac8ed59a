// QuoteExtractor: the direct quotes of an article and who said them.
//
// Joins QuoteFinder (the quoted pieces) and SpeakerResolver (cue verb,
// mention, canonical speaker) and drops pieces that are not quotes. Recall
// comes first: each rule below was kept only where it removed more
// non-quotes than quotes on both PolNeAR splits (docs/quotes.md has the
// figures; `storyfuse eval quotes --rules` measures them):
//  - kTooShort: under Options::min_words words (mostly scare quotes);
//  - kNoLetters: markup left in the text (a lone “">”);
//  - kMarkupValue: attribute values in leftover markup (tweet-date="…");
//  - kMispairedMarks: straight marks paired the wrong way round;
//  - kTwoQuotations: a piece holding its own attribution between inner
//    marks (“…," she said. "…”): two quotations typed with mixed marks;
//  - kQuotedCrumb: a quoted line of page furniture ("Follow X on Twitter");
//  - kSingleWithoutCue: a top-level single-quoted piece no cue touches;
//  - kDoubleApostrophe: ''…'' pieces (found only to scope their contents);
//  - kTitleOfWork: a title-shaped piece named as a show, book or venue
//    ("ABC's “Good Morning America”", "the podcast “So, Then”");
//  - kVenue: a show or paper where one appears or is told ("told “Fox and
//    Friends”");
//  - kHeadlineByline: a headline with its byline (“…,” by Jane Roe);
//  - kPieceModel: a piece the other rules keep but the learned piece
//    classifier (QuotePieceModel, models/quote_pieces.v1.tsv) scores below
//    its threshold. Applied only when such a model is embedded or given;
//    none ships (docs/quotes.md: it gained under 0.001 F1 per split).
// A piece nobody is credited with is kept (its speaker is ""): dropping
// such pieces cost as many quotes as it removed non-quotes on PolNeAR
// train, and with the learned ranker it only fired where the speaker
// candidates happened to miss.
//
// Spans are bytes of the text given to Extract(). Not thread-safe (reuses
// its resolver); one per thread.
#ifndef STORYFUSE_ANALYZE_QUOTE_EXTRACTOR_H_
#define STORYFUSE_ANALYZE_QUOTE_EXTRACTOR_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/quote_finder.h"
#include "analyze/quote_piece_model.h"
#include "analyze/speaker_resolver.h"
#include "text/span.h"

namespace storyfuse {

struct Quote {
  Span text;             // the quoted words, without the marks
  Span speaker_mention;  // the mention that cues it (name, title, pronoun); empty when none
  std::string speaker;   // canonical full name; "" when unknown
  Span cue;              // the cue verb ("said", "according to"); may be empty
  AttributionKind how = AttributionKind::kNone;
  bool cue_adjacent = false;  // the cue verb touches the quote
};

// The rules that drop a quoted piece (see the file comment).
enum class QuoteRule : uint8_t {
  kTooShort,
  kNoLetters,
  kMarkupValue,
  kMispairedMarks,
  kTwoQuotations,
  kQuotedCrumb,
  kSingleWithoutCue,
  kDoubleApostrophe,
  kTitleOfWork,
  kVenue,
  kHeadlineByline,
  kPieceModel,
  kCount,
};

// "too-short", "title-of-work", ...
const char* QuoteRuleName(QuoteRule rule);

// A quoted piece with its attribution and every rule that drops it (bit
// 1 << rule); kept when no rule is left after Options::disabled_rules.
struct JudgedPiece {
  QuotePiece piece;
  Attribution attribution;
  uint32_t rules = 0;
};

class QuoteExtractor {
 public:
  struct Options {
    size_t min_words = 3;
    uint32_t disabled_rules = 0;                   // bits 1 << QuoteRule not applied (for measuring them)
    bool rank_speakers = true;                     // false: the rules alone choose speakers
    const SpeakerModel* speaker_model = nullptr;   // nullptr: the shipped model
    bool classify_pieces = true;                   // false: the rules alone keep pieces
    const QuotePieceModel* piece_model = nullptr;  // nullptr: the shipped model (if any)
  };
  QuoteExtractor() : QuoteExtractor(Options()) {}
  explicit QuoteExtractor(Options options);

  // The quotes of `text` (UTF-8) in text order.
  std::vector<Quote> Extract(std::string_view text);

  // Every quoted piece of `text` with the rules that drop it, in text order.
  std::vector<JudgedPiece> Judge(std::string_view text);

 private:
  uint32_t Rules(std::string_view text, const QuotePiece& piece, const Attribution& a) const;
  uint32_t Applied() const;
  Options options_;
  const QuotePieceModel* piece_model_ = nullptr;  // not owned; nullptr: no classifier
  SpeakerResolver resolver_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_QUOTE_EXTRACTOR_H_
