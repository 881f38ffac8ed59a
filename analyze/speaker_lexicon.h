// SpeakerLexicon: the closed word classes speaker attribution relies on:
// cue verbs (every inflection of say, tell, add, write, ...: the one table
// of reporting verbs, which the entity recognizer reads too), pronouns,
// determiners, and words that are capitalized at a
// sentence start without being names. Hand-written lists of English
// function words and reporting verbs (which reporting verbs matter was
// measured on the PolNeAR train split; no names come from data).
//
// Lookups take a word as written and are case-insensitive where noted.
// Immutable static tables; thread-safe.
#ifndef STORYFUSE_ANALYZE_SPEAKER_LEXICON_H_
#define STORYFUSE_ANALYZE_SPEAKER_LEXICON_H_

#include <string>
#include <string_view>

namespace storyfuse {

enum class CueStrength : uint8_t {
  kNone,
  kStrong,  // say, tell, add, write, ...: a speech act on its own
  kWeak,    // call, describe, praise, ...: attribute only with a quote nearby
};

struct CueVerb {
  CueStrength strength = CueStrength::kNone;
  bool invertible = false;  // may precede its subject: "said Smith"
  bool gerund = false;      // "saying", "adding": subject is the clause's
  bool finite = false;      // past, participle or third person: "said", "written", "says"
};

enum class Gender : uint8_t { kUnknown, kMale, kFemale, kPlural, kNeuter };

class SpeakerLexicon {
 public:
  // The cue verb `word` (lower case) is, if any.
  static CueVerb Cue(std::string_view lower);
  // A finite or participle form of any reporting verb ("said", "told",
  // "writes", "described"): what follows a speaking person's name.
  static bool IsFiniteCue(std::string_view lower) { return Cue(lower).finite; }
  // Subject pronouns that can speak, with their gender; kUnknown for "who",
  // "I", "we"; returns false for other words.
  static bool SpeakerPronoun(std::string_view lower, Gender* gender);
  // Possessive/object pronouns (his, him, her, hers, their, them): used to
  // learn a person's gender.
  static Gender PronounGender(std::string_view lower);
  // Determiners and possessives that open a descriptive noun phrase.
  static bool IsDeterminer(std::string_view lower);
  // Words that are capitalized at a sentence start or in headlines but are
  // not names (the, but, in, according, ...), and month and weekday names.
  static bool IsNonNameCapital(std::string_view lower);
  // Adverbs and auxiliaries allowed between a subject and its cue verb
  // ("also", "later", "has", "would") and time words ("Thursday").
  static bool IsVerbModifier(std::string_view lower);
  // Lowercase words that end a noun phrase scan (prepositions, verbs,
  // conjunctions, relative words).
  static bool IsPhraseBreaker(std::string_view lower);
  // Nouns that describe a speaker ("spokesman", "official", "source",
  // "campaign", "statement"): a descriptive phrase is a speaker only when
  // its head is one of these or a title.
  static bool IsSpeakerNoun(std::string_view lower);
  // Words that open an adverbial clause before a sentence's subject ("when",
  // "after", "speaking", "asked").
  static bool OpensAdverbial(std::string_view lower);
  // Conjunctions and sentence adverbs before a subject ("but", "also",
  // "meanwhile").
  static bool IsSentenceAdverb(std::string_view lower);
  // Head nouns of organizations that title words may precede ("ministry",
  // "department", "office", "council").
  static bool IsOrganizationHead(std::string_view lower);
  // Prepositions ("in", "on", "during", "after").
  static bool IsPreposition(std::string_view lower);
};

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_SPEAKER_LEXICON_H_
