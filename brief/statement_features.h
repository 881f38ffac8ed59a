// StatementFeatures: what the statement matcher (brief/statement_matcher.h)
// reads of two sentences to decide whether they state the same thing.
//
// Read() turns one sentence into a MatchSentence once (its words, stems,
// n-grams, numbers, names, quotation and speaker, negation, calendar
// words); Compare() turns two of them into a fixed vector of features:
// overlap of words, stems, idf-weighted stems, bigrams, trigrams and
// character 4-grams in both directions, the longest common subsequence,
// length ratio, the heaviest word each side lacks, and the compatibility
// of numbers, names, speakers, negation, weekdays and months. The names of
// the features, in order, are FeatureNames(); a model file lists them and
// refuses to load when they differ.
//
// Stateless apart from the calling thread's stem cache; thread-safe.
#ifndef STORYFUSE_BRIEF_STATEMENT_FEATURES_H_
#define STORYFUSE_BRIEF_STATEMENT_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "brief/idf_table.h"

namespace storyfuse {

// One sentence as the matcher reads it. Sets are sorted unique hashes.
struct MatchSentence {
  int words = 0;                                    // word and number tokens
  std::vector<uint64_t> tokens;                     // folded words and numbers
  std::vector<uint64_t> sequence;                   // stems in text order (for the LCS)
  std::vector<uint64_t> stems;                      // the same, sorted unique
  std::vector<std::pair<uint64_t, float>> content;  // content stems and numbers, with idf
  std::vector<uint64_t> prefixes;                   // content words' first letters: loose stems
  std::vector<uint64_t> content_loose;              // per `content` entry, its loose stem (0 for a number)
  std::vector<uint64_t> bigrams;
  std::vector<uint64_t> trigrams;
  std::vector<uint64_t> content_bigrams;  // consecutive content stems
  std::vector<uint64_t> plain;            // loose stems of content words that are neither names nor numbers
  std::vector<uint64_t> chars;            // character 4-grams of the folded words
  std::vector<uint64_t> chars3;           // character 3-grams
  std::vector<double> numbers;            // stated values ("$2.5 billion" = 2.5e9) and other figures
  std::vector<double> word_numbers;       // number words ("six others"), counted or not (for Covers only)
  std::vector<uint64_t> names;            // capitalized words inside the sentence
  // The name beside a speech verb outside a quotation ("said Ana Ruiz"),
  // in a sentence that quotes someone; as loose stems (first letters).
  std::vector<uint64_t> speaker;
  // The capitalized word opening a sentence that a speech verb follows
  // ("Owens said ...", "Ana Ruiz told ..."): a name that names no name
  // elsewhere (the first word is never in `names`). Token hashes; for
  // Covers only, never a feature.
  std::vector<uint64_t> lead_speaker;
  std::vector<uint64_t> quoted;  // content stems inside quotation marks
  std::vector<int> weekdays;     // 0..6
  std::vector<int> months;       // 1..12
  std::vector<int> senses;       // sides of sense pairs (text/opposite_words.h): 2 * pair + (side > 0)
  int negations = 0;             // not, no, never, n't, ...
  int hedges = 0;                // appears, may, reportedly, ...: the statement is hedged
  // The plain content words (loose stems) of each clause after the first
  // one a ";" or a comma and a contrast word ("but", "while") opens.
  // For Covers only, never a feature.
  std::vector<std::vector<uint64_t>> clauses;
  float weight = 0;  // summed idf of `content`
  float norm = 0;    // Euclidean norm of the idf vector
};

// How much of what a claim says a span states, read in one direction
// (the span may say more): StatementFeatures::Covers.
struct ClaimCoverage {
  float weight_share = 0;           // idf-weighted share of the claim's content words the span has (loose stems count)
  int missing_words = 0;            // plain content words of the claim the span lacks, even as loose stems
  int missing_names = 0;            // names of the claim the span lacks (its lead speaker too)
  int extra_names = 0;              // names of the span the claim lacks (another place, person, body?)
  int missing_numbers = 0;          // figures of the claim the span does not state (rounding allowed)
  bool missing_calendar = false;    // a weekday or month of the claim the span lacks
  bool negation_differs = false;    // one is negated, the other not
  bool opposite = false;            // the span has the opposite of a claim word and not the word
  bool different_speakers = false;  // DifferentSpeakers
  bool hedged = false;              // the span hedges ("appears to") what the claim states outright
  // A later clause of the claim (MatchSentence::clauses) of at least
  // kMinClauseWords plain words, none of them in the span: "..., but the
  // plot failed" cited to a span that only has the part before "but".
  bool missing_clause = false;
};

class StatementFeatures {
 public:
  static MatchSentence Read(std::string_view sentence, const IdfTable& idf);
  // The features of the pair, in FeatureNames() order. Symmetric:
  // Compare(a, b) == Compare(b, a).
  static std::vector<float> Compare(const MatchSentence& a, const MatchSentence& b);
  static const std::vector<std::string>& FeatureNames();

  // The stems Read() weighs (content words and numbers), for building an
  // IdfTable from a body of sentences.
  static std::vector<std::string> ContentStems(std::string_view sentence);

  // Whether both sentences name a speaker and the names share no word:
  // a remark of one person never states another's.
  static bool DifferentSpeakers(const MatchSentence& a, const MatchSentence& b);
  // Whether each states a figure the other lacks, or they name different
  // weekdays or months: different quantities or days, never one statement.
  static bool DifferentFacts(const MatchSentence& a, const MatchSentence& b);
  // What of `claim` the `span` states, in that direction only.
  static ClaimCoverage Covers(const MatchSentence& claim, const MatchSentence& span);
  // Either rule above: the matcher's probability is 0 whatever the model says.
  static bool Incompatible(const MatchSentence& a, const MatchSentence& b) {
    return DifferentSpeakers(a, b) || DifferentFacts(a, b);
  }
};

}  // namespace storyfuse

#endif  // STORYFUSE_BRIEF_STATEMENT_FEATURES_H_
