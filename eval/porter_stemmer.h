// PorterStemmer: the stemmer ROUGE-1.5.5 applies under `-m`.
//
// It is Martin Porter's 1980 algorithm as in his reference implementation
// (whose step 2 also maps "bli" -> "ble" and "logi" -> "log"), with ROUGE's
// one change in step 4: its suffix list lacks "ment" and "ent", which are
// tried afterwards ("ment" first, then "ent", each needing m > 1 for the
// stem), and the "ion" rule ("sion"/"tion" -> "s"/"t") only fires for a word
// that had no "ent" ending.
//
// This is deliberately not Snowball's `porter` (text/stemmer.h wraps that for
// the pipeline): ROUGE figures must match the official script exactly.
//
// Input is one lower-case ASCII word ([a-z0-9]); other bytes are treated as
// consonants. Words of 2 bytes or fewer are returned unchanged. Stateless and
// thread-safe.
#ifndef STORYFUSE_EVAL_PORTER_STEMMER_H_
#define STORYFUSE_EVAL_PORTER_STEMMER_H_

#include <string>
#include <string_view>

namespace storyfuse {

class PorterStemmer {
 public:
  // Returns the stem of `word`.
  static std::string Stem(std::string_view word);
};

}  // namespace storyfuse

#endif  // STORYFUSE_EVAL_PORTER_STEMMER_H_
