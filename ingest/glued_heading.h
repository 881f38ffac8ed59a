// GluedHeading: a subheading that scraping ran into the paragraph after it,
// with no line break or stop between them:
//
//   Osk: “We will rebuild the pier” Mayor Dana Osk told residents ...
//   Ferry talks stall amid rising tensions Monday’s meeting in Port ...
//
// Both shapes are narrow on purpose (a false cut loses story text):
// - a kicker: at most four words and a colon, a quotation of at most 12
//   words that does not end a clause, then a capitalized word;
// - a headline: 3 to 12 bare words (no punctuation) whose last is a noun by
//   its ending alone (-tion, -ment, -ness, -ity, -ance, -ence, -ship, and
//   plurals), then a capitalized possessive ("Monday’s").
// Either way the sentence after it must have 8 or more words. A looser
// headline rule (any lower-case word before the possessive) cut real
// sentence openings on the dev sets ("Verizon agreed to buy Yahoo’s ...",
// "Defense attorney X argued Y's ..."): verbs and prepositions take a
// possessive as their object; a plain noun does not.
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
