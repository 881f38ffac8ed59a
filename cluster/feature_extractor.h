// FeatureExtractor: the evidence clustering reads from one cleaned Article:
// term counts (word stems, names, numbers), the shingle sketch for copy
// detection, and the publication day. Uses only the project's own text
// layer (Segmenter, Stemmer): one tokenization serves both.
//
// Names are capitalized words inside a sentence (not its first word) that
// are not stopwords, and the words of the dateline; they count both as a
// word and as a name, since who and where tell similar events apart.
// Numbers of two or more characters count as themselves ("7.1", "2013").
// Stopwords are dropped; other words count by their Snowball stem.
//
// Not thread-safe (owns a Segmenter, a Stemmer and a word cache); one per
// thread. Term ids come from the TermDictionary passed in.
#ifndef STORYFUSE_CLUSTER_FEATURE_EXTRACTOR_H_
#define STORYFUSE_CLUSTER_FEATURE_EXTRACTOR_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/hashed_key_map.h"
#include "cluster/term_dictionary.h"
#include "dedupe/shingle_sketch.h"
#include "ingest/article.h"
#include "text/segmenter.h"
#include "text/stemmer.h"

namespace storyfuse {

constexpr int32_t kNoDay = INT32_MIN;

struct ArticleFeatures {
  std::vector<std::pair<uint32_t, uint32_t>> counts;  // (term id, count), sorted by id
  ShingleSketch sketch;
  int32_t day = kNoDay;  // days since 1970-01-01 of Article::published, or kNoDay
};

// The distinct term ids of `f`, for document frequencies.
std::vector<uint32_t> TermIds(const ArticleFeatures& f);

class FeatureExtractor {
 public:
  // `terms` is not owned and must outlive this. The first `lead_tokens`
  // tokens of the body (headline and lead, which say what happened) count
  // twice.
  FeatureExtractor(TermDictionary* terms, size_t lead_tokens);

  ArticleFeatures Extract(const Article& article);

  // Days since 1970-01-01 of an ISO date ("2013-05-03", time ignored), or
  // kNoDay when `iso` does not start with a valid date.
  static int32_t DayOf(std::string_view iso);

 private:
  // What a token as written stands for, computed once per distinct token.
  struct WordInfo {
    uint32_t term = UINT32_MAX;  // word stem or number; UINT32_MAX: stopword
    uint32_t name = UINT32_MAX;  // UINT32_MAX: not capitalized or stopword
    uint64_t sketch_hash = 0;    // ShingleSketcher::TokenHash
  };
  // `key` is Hasher::Hash64 of the token's text.
  WordInfo Lookup(uint64_t key, const Token& token, std::string_view text);
  void AddText(std::string_view text, bool all_names, std::vector<uint32_t>* out);
  // Adds the terms of `tokens`; fills `sketch_hashes` when non-null.
  void AddTokens(std::string_view text, const std::vector<Token>& tokens, const std::vector<uint8_t>& marks,
                 bool all_names, std::vector<uint32_t>* out, std::vector<uint64_t>* sketch_hashes);

  // (term, count) of `ids`, sorted by term.
  std::vector<std::pair<uint32_t, uint32_t>> CountTerms(const std::vector<uint32_t>& ids);

  TermDictionary* terms_;
  size_t lead_tokens_;
  Segmenter segmenter_;
  Stemmer stemmer_;
  HashedKeyMap<WordInfo> cache_;       // by hash of the word as written
  std::vector<uint32_t> term_counts_;  // CountTerms' scratch, all zero between calls
  std::vector<uint64_t> keys_;         // AddTokens' scratch: each token's cache key
};

}  // namespace storyfuse

#endif  // STORYFUSE_CLUSTER_FEATURE_EXTRACTOR_H_
