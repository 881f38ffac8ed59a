// TitleLexicon: the one table of titles and honorifics that precede a
// person's name ("Secretary of State", "Prime Minister", "Sen.", "Mr.",
// "spokeswoman"), read by both the entity recognizer and speaker
// attribution. General English, never names of any particular story.
//
// Views derived from the table:
//  - TitleLength: the longest (multi-word) title at a position, for the
//    entity side, which keeps titles out of names ("President Bill
//    Clinton" -> "Bill Clinton");
//  - IsTitleWord: a word that is a title or opens one ("president",
//    "prime", "secretary"), for speaker attribution, which splits titles
//    from names word by word;
//  - IsHonorific and TitleGender: the entries a person always follows
//    (Mr., Dr., Sir) and those that tell a gender (Mrs., congressman).
//
// All lookups take lower-case words; a trailing period is ignored ("sen."
// is "sen"). Immutable static tables; thread-safe.
#ifndef STORYFUSE_ANALYZE_TITLE_LEXICON_H_
#define STORYFUSE_ANALYZE_TITLE_LEXICON_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "analyze/speaker_lexicon.h"

namespace storyfuse {

class TitleLexicon {
 public:
  // Number of words of the longest title starting at words[i] ("secretary
  // of state", "prime minister", "president", "sen."), at most `end - i`;
  // 0 when none.
  static size_t TitleLength(const std::vector<std::string_view>& words, size_t i, size_t end);
  // A one-word title or the first word of a longer one.
  static bool IsTitleWord(std::string_view lower);
  // "mr", "mrs", "ms", "dr", "sir", "prof", ...: a person follows.
  static bool IsHonorific(std::string_view lower);
  // The gender a title word gives (Mr., Mrs., congresswoman, king), or
  // kUnknown.
  static Gender TitleGender(std::string_view lower);
};

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_TITLE_LEXICON_H_
