// EntityFeatures: what the entity recognizer sees of each token that may be
// part of a name, as 64-bit feature hashes.
//
// Only *candidate* tokens get features: words with a capital letter, a
// number beside one, and anything lying between two of them on a line
// ("Bank of England", "Marks & Spencer"). Every other token is outside any
// name, which costs a missed name only for the rare lower-case ones
// ("dpa") and spares the model four tokens in five of running text.
// Candidates form *segments*, maximal runs on one line; the recognizer
// decodes each segment on its own (a name never spans two).
//
// Features of a candidate token (templates are documented in
// docs/analyzers.md): its form, lower-case form, prefixes and suffixes,
// word shape, the lower-case forms and shapes of two tokens either side
// and their pairs with it, its place in the sentence and the line (a
// capital opening a sentence or in an all-capitals headline says little),
// whether the same word appears elsewhere in the document in lower case
// or capitalized inside a sentence, and gazetteer and cue-list hits: phrases of the
// gazetteer with their kinds, country names and demonyms
// (text/country_names.h), city names (text/city_names.h), and the project's cue words (titles before the
// token, organisation and place head words, speech verbs after it;
// analyze/entity_cues.h).
//
// The hashes are stable across runs and platforms (XXH3 via
// base/hasher.h and fixed mixing); kFeatureSetVersion names the
// templates so that a model trained with other templates is refused.
//
// Thread-safe: Extract is const and keeps its scratch on the stack.
#ifndef STORYFUSE_ANALYZE_ENTITY_FEATURES_H_
#define STORYFUSE_ANALYZE_ENTITY_FEATURES_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "analyze/name_gazetteer.h"
#include "text/word_lexer.h"

namespace storyfuse {

// Tokens [begin, end) of one segment.
struct CandidateSegment {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool operator==(const CandidateSegment&) const = default;
};

// The features of one text's candidate tokens, segment by segment: row r
// is candidate token `token[r]`, its hashes are
// hashes[offsets[r] .. offsets[r + 1]).
struct TokenFeatures {
  std::vector<CandidateSegment> segments;
  std::vector<uint32_t> token;
  std::vector<uint32_t> offsets;
  std::vector<uint64_t> hashes;

  size_t rows() const { return token.size(); }
  void Clear();
};

class EntityFeatures {
 public:
  // Names the feature templates; stored in model files and checked.
  static constexpr uint32_t kFeatureSetVersion = 2;
  // Longest gazetteer phrase looked up, in tokens.
  static constexpr size_t kMaxPhraseTokens = 6;

  // `gazetteer` may be null (no gazetteer features); it must outlive
  // this object.
  explicit EntityFeatures(const NameGazetteer* gazetteer = nullptr);

  // Candidate segments of a lexed text.
  static std::vector<CandidateSegment> Candidates(std::string_view text, const std::vector<LexToken>& tokens);

  // Fills *out (cleared first) with the features of `tokens` (from
  // WordLexer::Lex(text)).
  void Extract(std::string_view text, const std::vector<LexToken>& tokens, TokenFeatures* out) const;

  // The hash of each token's lower-case form, with typographic quotes,
  // apostrophes and dashes read as ASCII ones and every possessive as
  // "'s" (so curly-quoted news and CoNLL's ASCII look alike); and of a
  // phrase from the hashes of its tokens: how gazetteer entries are keyed.
  static std::vector<uint64_t> WordHashes(std::string_view text, const std::vector<LexToken>& tokens);
  static uint64_t PhraseHash(const uint64_t* word_hashes, size_t count);

 private:
  const NameGazetteer* gazetteer_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_ENTITY_FEATURES_H_
