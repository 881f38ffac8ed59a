// FeatureExtractor: the evidence clustering reads from one cleaned Article:
// term counts (word stems, names, numbers), the shingle sketch for copy
// detection, and the publication day. Uses only the project's own text
// layer (Segmenter, Stemmer): one tokenization serves both.
//
// Names are capitalized words inside a sentence (not its first word) that
// are not stopwords, and the words of the dateline; they count both as a
// word and as a name, since who and where tell similar events apart.
// Numbers of two or more characters count as themselves ("7.1", "2013").
//
// Not thread-safe (owns a Segmenter, a Stemmer and a word cache); one per
// thread. Term ids come from the TermDictionary passed in.
#ifndef STORYFUSE_CLUSTER_FEATURE_EXTRACTOR_H_
#define STORYFUSE_CLUSTER_FEATURE_EXTRACTOR_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

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

class FeatureExtractor {
 public:
  explicit FeatureExtractor(TermDictionary* terms);  // not owned; must outlive this

  ArticleFeatures Extract(const Article& article);

  // Days since 1970-01-01 of an ISO date ("2013-05-03", time ignored), or
  // kNoDay when `iso` does not start with a valid date.
  static int32_t DayOf(std::string_view iso);

 private:
  struct WordInfo {
    uint32_t stem = UINT32_MAX;  // UINT32_MAX: stopword
    uint32_t name = UINT32_MAX;  // UINT32_MAX: not capitalized or stopword
  };
  const WordInfo& Lookup(std::string_view word);
  void AddText(std::string_view text, bool all_names, std::vector<uint32_t>* out);
  void AddTokens(std::string_view text, const std::vector<Token>& tokens,
                 const std::vector<uint8_t>& marks, bool all_names, std::vector<uint32_t>* out);

  TermDictionary* terms_;
  Segmenter segmenter_;
  Stemmer stemmer_;
  std::unordered_map<uint64_t, WordInfo> cache_;  // by hash of the word as written
};

}  // namespace storyfuse

#endif  // STORYFUSE_CLUSTER_FEATURE_EXTRACTOR_H_
