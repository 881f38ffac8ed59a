// FurnitureSentence: whether one sentence of an article is page furniture
// that the cleaner left inside a paragraph, so that no part of a brief
// (summary, facts, exclusives, the numbers' sentences) states it. The
// cleaner (ingest/text_cleaner.h) drops furniture that stands on its own
// line; this reads a sentence among others:
//   - what the cleaner's CrumbClassifier calls a copyright notice, a
//     correction or update note, a media label, navigation, a caption or a
//     prompt, read on the sentence alone (one set of rules for both stages);
//   - a link, a credit or a media label ("www.", "Getty Images", "Video:");
//   - the page speaking to its reader: "you" outside quotation marks;
//   - a link's text: a short sentence that ends on "here", opened by a
//     call to act ("Read more about the case here.", "Watch it here.") or
//     made of nothing else ("Media coverage here and here.").
//
// Pure functions; thread-safe.
#ifndef STORYFUSE_BRIEF_FURNITURE_SENTENCE_H_
#define STORYFUSE_BRIEF_FURNITURE_SENTENCE_H_

#include <string_view>

namespace storyfuse {

class FurnitureSentence {
 public:
  // `sentence` as the article has it (any case, trimmed or not).
  static bool Is(std::string_view sentence);

  // For the summary, which reads every sentence of every article: the
  // same marks, reader address and link text, and instead of the cleaner's
  // line rules (a sixth of the summarizer's time) any word of a prompt or
  // a copyright notice at all ("newsletter", "sign up", "read more"), as
  // news text may use them too ("a nonpartisan newsletter"): stricter on
  // those words, for the brief's most read part, which has sentences to
  // spare. `lower` is the sentence ASCII lower-cased.
  static bool IsByWords(std::string_view lower);
};

}  // namespace storyfuse

#endif  // STORYFUSE_BRIEF_FURNITURE_SENTENCE_H_
