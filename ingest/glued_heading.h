// GluedHeading: a kicker subheading that scraping ran into the paragraph
// after it, with no line break or stop between them:
//
//   Osk: “We will rebuild the pier” Mayor Dana Osk told residents ...
//
// The shape is narrow on purpose (a false cut loses story text): at most
// four words and a colon, a quotation of at most 12 words that does not end
// a sentence, then a capitalized word opening a sentence of 8 or more words.
// Headings run into prose without such marks ("Talks stall amid rising costs
// Monday’s meeting ...") are not cut: on the dev sets every rule tried for
// them (a capitalized possessive after a content word, headline words without
// articles) cut real sentence openings ("Verizon agreed to buy Yahoo’s ...",
// "Defense attorney X argued Y's ...") far more often than headings.
//
// Pure and thread-safe.
#ifndef STORYFUSE_INGEST_GLUED_HEADING_H_
#define STORYFUSE_INGEST_GLUED_HEADING_H_

#include <cstddef>
#include <string_view>

namespace storyfuse {

class GluedHeading {
 public:
  // Bytes of `paragraph` taken by a glued heading (up to the first byte of
  // the sentence after it), or 0 when there is none.
  static size_t Length(std::string_view paragraph);
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_GLUED_HEADING_H_
