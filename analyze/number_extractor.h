// NumberExtractor: quantities stated in an article, with what they count.
//
// "18 missiles and about 400 drones" gives two quantities: 18 (exact,
// noun "missiles") and 400 (hedge "about", noun "drones"). Also handled:
// hedges ("a record 728", "more than 700", "at least", "up to", "nearly"),
// separators and scales ("100,000", "$1.2 billion", "5bn"), number words
// ("ten member states", "a dozen", "two hundred", "thousands of"), ranges
// ("30-40%", "between 30 and 40"), percentages, currencies (as ISO codes:
// "$" -> "USD"), measure units ("50 minutes", "a 50-minute meeting" ->
// unit "minute", noun "meeting"), and partitives ("eight of the 10
// countries": both count "countries").
//
// Not quantities (skipped): years and any number inside a date
// (DateResolver decides), times of day ("10:30", "9 a.m."), ordinals
// ("10th", "second"), phone numbers, list markers at line starts ("1."),
// ages in appositions ("Ana Ruiz, 45,") and "aged 45", identifiers after a
// name ("Flight 17", "F-16", "G7"), footnote marks glued to a closing
// quotation mark ("times.”5"), fractions ("3/4"), decades ("1990s"),
// and the word "one", which is far more often a pronoun than a count.
//
// Stateless; thread-safe. Linear in the text's size.
#ifndef STORYFUSE_ANALYZE_NUMBER_EXTRACTOR_H_
#define STORYFUSE_ANALYZE_NUMBER_EXTRACTOR_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/date_resolver.h"
#include "analyze/lexed_text.h"
#include "text/span.h"
#include "text/word_lexer.h"

namespace storyfuse {

enum class Hedge : uint8_t {
  kExact,     // "400 drones"
  kAbout,     // about, around, roughly, approximately, some, an estimated
  kMoreThan,  // more than, over, above, upwards of, in excess of
  kAtLeast,   // at least, no fewer than; also "dozens of", "thousands of"
  kLessThan,  // less than, fewer than, under, below
  kUpTo,      // up to, as many as, at most, no more than
  kNearly,    // nearly, almost, close to, just under
  kRecord,    // "a record 728": exact, and the largest of its kind so far
};

// "exact", "about", "more than", "at least", "less than", "up to",
// "nearly", "record".
std::string_view HedgeName(Hedge h);

struct Quantity {
  Span span;         // the whole expression: "about 400 drones", "$1.2 billion"
  Span figure;       // the figure alone: "400", "1.2 billion", "30-40"
  double value = 0;  // the stated figure (the low end of a range)
  double min = 0;    // equal to value unless `range`
  double max = 0;
  bool range = false;
  bool part = false;   // counts a part: "eight of the 10", "two of the dead", "all but five",
                       // an addition: "another 13", "a further 20"
  bool vague = false;  // a vague plural ("dozens of", "thousands"): value is its floor
  Hedge hedge = Hedge::kExact;
  std::string unit;  // "percent", "USD", "minute", "km", ... or ""
  std::string noun;  // what is counted, lower case: "drones", "member states"
  Span noun_span;    // where the noun is (may lie after "of the ...")
  Span clause;       // the clause the quantity belongs to
  Span sentence;     // the sentence that contains it

  // The unit when there is one, else the noun.
  const std::string& Counted() const { return unit.empty() ? noun : unit; }
};

class NumberExtractor {
 public:
  // Quantities of `text` in text order, without overlaps.
  static std::vector<Quantity> Extract(std::string_view text);
  // The same over tokens already produced by WordLexer::Lex(text).
  static std::vector<Quantity> Extract(std::string_view text, const std::vector<LexToken>& tokens);
  // The same, reusing date mentions the caller already has from
  // DateResolver::Extract(text, tokens, ...) (numbers inside them are
  // dates, not counts).
  static std::vector<Quantity> Extract(std::string_view text, const std::vector<LexToken>& tokens,
                                       const std::vector<DateMention>& dates);
  // The same over the article's shared lexed view (built once for all
  // analyzers).
  static std::vector<Quantity> Extract(const LexedText& lexed, const std::vector<DateMention>& dates);
  // The value of a case-folded number word from "two" to "ninety"
  // ("six", "forty"), else 0: the words Extract() reads as figures.
  static double WordValue(std::string_view folded);
};

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_NUMBER_EXTRACTOR_H_
