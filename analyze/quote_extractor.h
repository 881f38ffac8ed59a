// QuoteExtractor: the direct quotes of an article and who said them.
//
// Joins QuoteFinder (the quoted pieces) and SpeakerResolver (cue verb,
// mention, canonical speaker) and drops pieces that are not quotes:
//  - pieces shorter than Options::min_words words (mostly scare quotes and
//    nicknames: "the so-called “deal”");
//  - titles of works and names (“The Art of the Deal”, "Big Tent Brunch"):
//    pieces whose words are capitalized, unless a cue verb touches them;
//  - attribute values in leftover markup (tweet-date="…");
//  - top-level single-quoted pieces without a cue verb touching them;
//  - pieces nobody can be credited with (no cue, no carried speaker, no
//    sentence subject), unless Options::keep_unattributed.
//
// Spans are bytes of the text given to Extract(). Not thread-safe (reuses
// its resolver); one per thread.
#ifndef STORYFUSE_ANALYZE_QUOTE_EXTRACTOR_H_
#define STORYFUSE_ANALYZE_QUOTE_EXTRACTOR_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

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

class QuoteExtractor {
 public:
  struct Options {
    size_t min_words = 3;
    bool keep_unattributed = false;
  };
  QuoteExtractor() = default;
  explicit QuoteExtractor(Options options) : options_(options) {}

  // The quotes of `text` (UTF-8) in text order.
  std::vector<Quote> Extract(std::string_view text);

 private:
  bool Keep(std::string_view text, const QuotePiece& piece, const Attribution& a) const;
  Options options_;
  SpeakerResolver resolver_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_QUOTE_EXTRACTOR_H_
