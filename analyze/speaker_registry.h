// SpeakerRegistry: the people (and organizations) one article names, so a
// speaker mention can be resolved to a canonical full name.
//
// Name detection needs no name lists: a name is a run of capitalized words
// (with connectors such as "of", "de", "bin") outside quotes, minus leading
// sentence words ("But", "The") and titles ("Secretary of State", "Sen.",
// "Russian Foreign Minister"). A run of two or more name words is a full
// name; a single word ("Rubio") resolves to the full name it ends or begins.
// Titles seen before a name teach aliases ("secretary of state" -> Marco
// Rubio), so a later description ("the U.S. secretary of state") resolves.
// Genders come from honorifics and from the pronouns that follow a mention;
// pronouns resolve to the latest compatible mention.
//
// Usage: Learn() every paragraph in order, then Resolve*(). Not
// thread-safe; one per article.
#ifndef STORYFUSE_ANALYZE_SPEAKER_REGISTRY_H_
#define STORYFUSE_ANALYZE_SPEAKER_REGISTRY_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analyze/speaker_lexicon.h"
#include "analyze/speaker_tokenizer.h"

namespace storyfuse {

// A run of capitalized tokens [begin, end) whose name proper starts at
// `name` (after any titles).
struct NameRun {
  size_t begin = 0;
  size_t name = 0;
  size_t end = 0;
};

class SpeakerRegistry {
 public:
  // The name runs of toks[lo, hi) that contain at least one name word.
  static std::vector<NameRun> FindNameRuns(std::string_view text, const std::vector<SpeakerToken>& toks, size_t lo,
                                           size_t hi);
  // The name run that ends at token `last` (inclusive), if any.
  static bool NameRunEndingAt(std::string_view text, const std::vector<SpeakerToken>& toks, size_t lo, size_t last,
                              NameRun* run);

  // `i`, or i + 2 when toks[i, e) opens with a capitalized modifier and a
  // lower-case title before a name ("Harbor master Ilse Vandermeer").
  static size_t AfterTitleModifier(std::string_view text, const std::vector<SpeakerToken>& toks, size_t i, size_t e);
  // The token of the subject of the sentence toks[s, e): after leading
  // conjunctions and an adverbial clause closed by a comma; e when none.
  static size_t SubjectPosition(std::string_view text, const std::vector<SpeakerToken>& toks, size_t s, size_t e);

  // Learns full names, title aliases and genders from one paragraph.
  void Learn(std::string_view text, const std::vector<SpeakerToken>& toks);

  // Records the name mentions of one paragraph (in text order, after the
  // paragraphs before it) for pronoun resolution.
  void Index(std::string_view text, const std::vector<SpeakerToken>& toks);

  // False for a one-word run at a sentence start whose word the article
  // also writes in lower case ("Early", "Critics"): a capitalized common
  // word, not a name.
  bool IsNameLike(std::string_view text, const std::vector<SpeakerToken>& toks, const NameRun& run,
                  bool sentence_start) const;

  // Canonical name of the person a name run names, or "" when the article
  // has named no such person (unlike ResolveName, creates nobody).
  std::string LookupName(std::string_view text, const std::vector<SpeakerToken>& toks, const NameRun& run) const;
  // Canonical name of the person one name word ("Pence") names, or "".
  std::string LookupWord(const std::string& word) const;
  // Canonical name for a name run, or "" when none.
  std::string ResolveName(std::string_view text, const std::vector<SpeakerToken>& toks, const NameRun& run);
  // Canonical name for a descriptive phrase toks[b, e) ("the U.S.
  // secretary of state"), or "".
  std::string ResolveDescription(std::string_view text, const std::vector<SpeakerToken>& toks, size_t b,
                                 size_t e) const;
  // Canonical name of the latest person named before byte `pos` whose
  // gender fits, or "".
  std::string ResolvePronoun(uint32_t pos, Gender gender) const;

 private:
  struct Person {
    std::string name;
    int male = 0;
    int female = 0;
    Gender gender() const;
  };
  // The words of the person a run names, past a page label ("CLOSE"), or
  // false when the run is a sentence word, a label or an adjective instead
  // ("Citing", "WASHINGTON", "Democratic"): such runs name nobody.
  static bool NameWords(std::string_view text, const std::vector<SpeakerToken>& toks, const NameRun& run,
                        std::vector<std::string_view>* words);
  int FindPerson(std::string_view text, const std::vector<SpeakerToken>& toks, const NameRun& run) const;
  int PersonFor(std::string_view text, const std::vector<SpeakerToken>& toks, const NameRun& run, bool create);
  void AddAliases(std::string_view text, const std::vector<SpeakerToken>& toks, size_t b, size_t e, int person);

  std::vector<Person> people_;
  std::unordered_map<std::string, int> by_name_;     // full name
  std::unordered_map<std::string, int> by_surname_;  // last name word
  std::unordered_map<std::string, int> by_first_;    // first name word
  // One use of a title before a name ("U.S. Secretary of State Marco Rubio").
  struct AliasUse {
    uint32_t at;  // byte of the teaching mention
    int person;
    std::string qualifier;  // its country ("United States"), or ""
  };
  // Lower-case title phrase -> every use that taught it, in text order.
  std::unordered_map<std::string, std::vector<AliasUse>> by_alias_;
  struct Mention {
    uint32_t pos;
    int person;
    bool subject;  // the subject of its sentence (a name or a resolved pronoun)
    bool operator<(const Mention& o) const { return pos < o.pos; }
  };
  int PronounPerson(uint32_t pos, Gender gender) const;
  int AliasPerson(const std::vector<AliasUse>& uses, uint32_t pos, const std::string& qualifier) const;
  std::vector<Mention> mentions_;                       // in text order
  std::unordered_set<std::string> lower_words_;         // words written in lower case
  std::unordered_set<std::string> capitalized_inside_;  // capitalized words not opening a sentence
};

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_SPEAKER_REGISTRY_H_
