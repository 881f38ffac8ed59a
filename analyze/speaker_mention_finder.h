// SpeakerMentionFinder: in one paragraph's tokens (SpeakerTokenizer), the
// mention that is the subject of a cue verb, the way a reader finds it:
//  - before the verb: a pronoun ("she said"), a name past an appositive or
//    a relative clause ("Jane Roe, a spokeswoman for the group, said"), or
//    a descriptive phrase opened by a determiner ("the top US diplomat
//    said");
//  - after an inverted verb ("said Jane Roe", "said a spokesman");
//  - the subject of a sentence, past conjunctions and an opening adverbial
//    clause ("After the vote, Roe …").
// Also the token tests speaker attribution shares: a reporting verb used as
// a verb, possessives, sentence starts.
//
// Holds references to the text, the tokens and the registry; all must
// outlive it. The tokens may be replaced between calls (the resolver swaps
// paragraphs in and out of one vector). Const; not thread-safe only in that
// the referenced tokens must not change during a call.
#ifndef STORYFUSE_ANALYZE_SPEAKER_MENTION_FINDER_H_
#define STORYFUSE_ANALYZE_SPEAKER_MENTION_FINDER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/speaker_registry.h"
#include "analyze/speaker_tokenizer.h"

namespace storyfuse {

// A mention of a (possible) speaker: tokens [begin, end) of a paragraph.
struct SpeakerMention {
  enum Kind : uint8_t { kPronoun, kName, kDescription };
  size_t begin = 0, end = 0;
  Kind kind = kName;
};

class SpeakerMentionFinder {
 public:
  SpeakerMentionFinder(std::string_view text, const std::vector<SpeakerToken>& toks, const SpeakerRegistry& registry)
      : text_(text), toks_(toks), registry_(registry) {}

  // Token i in lower case; "" when it is past the end or no word.
  std::string Lower(size_t i) const;
  // True when token i is a reporting verb used as a verb (not the noun in
  // "a heart attack", "Roe's call", "state Sen. Roe"); weak cues (call,
  // describe) and gerunds (saying) only when allowed.
  bool IsCue(size_t i, bool allow_weak, bool allow_gerund) const;

  // The subject of the verb at token `verb`, scanning back no further
  // than token `lo`.
  bool Before(size_t verb, size_t lo, SpeakerMention* m) const;
  // The subject after an inverted verb at `verb`, scanning no further than
  // token `hi` (exclusive): "said Jane Roe", "said a spokesman".
  bool After(size_t verb, size_t hi, SpeakerMention* m) const;
  // The subject of the sentence toks[s, hi): a pronoun, a name or a
  // determiner with a speaker noun ("The email went on to say").
  bool SentenceSubject(size_t s, size_t hi, SpeakerMention* m) const;

  // "his", "her", "their" or a word ending in 's.
  bool IsPossessive(size_t i) const;
  // The first token of the sentence holding token q (after a sentence end
  // or a quoted piece).
  size_t SentenceStart(size_t q) const;

 private:
  size_t SkipVerbModifiers(size_t verb, size_t lo) const;
  size_t OpenParenBefore(size_t end, size_t lo) const;
  bool AppositiveSubject(size_t comma, size_t lo, SpeakerMention* m) const;
  bool WhichAntecedent(size_t which, size_t lo, SpeakerMention* m) const;
  bool CoordinatedSubject(size_t and_tok, size_t lo, SpeakerMention* m) const;
  bool RelativeClauseSubject(size_t t, size_t lo, SpeakerMention* m) const;
  bool DescriptiveSubject(size_t t, size_t lo, SpeakerMention* m) const;
  size_t DescriptionStart(size_t t, size_t lo, bool* opened) const;
  bool HeadBeforePreposition(size_t j, size_t t, size_t lo, SpeakerMention* m) const;
  bool PhraseAfter(size_t j, size_t hi, SpeakerMention* m) const;
  bool LowerWordsBetween(size_t b, size_t e) const;
  bool SubjectAt(size_t i, size_t hi, SpeakerMention* m) const;
  bool StartsSentence(size_t i) const;
  bool AfterPreposition(size_t i) const;

  std::string_view text_;
  const std::vector<SpeakerToken>& toks_;
  const SpeakerRegistry& registry_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_SPEAKER_MENTION_FINDER_H_
