// SentenceAligner: the one mechanism behind the brief. It builds a graph
// over the sentences of one story's articles whose edges say "these two
// sentences, from different articles, state the same thing", and returns
// its connected groups: each group is one statement with its sources.
//
// Similarity is the cosine of sentence vectors over stemmed content words
// and numbers, weighted by rarity across the story's articles (idf).
// Candidate pairs come from an inverted index over terms, so the cost
// follows shared vocabulary, not the square of the sentence count.
//
// Usage: AddArticle() for each article (texts must outlive Align()), then
// Align() once. Not thread-safe.
#ifndef STORYFUSE_BRIEF_SENTENCE_ALIGNER_H_
#define STORYFUSE_BRIEF_SENTENCE_ALIGNER_H_

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "brief/segmented_text.h"
#include "text/span.h"

namespace storyfuse {

class Segmenter;

struct AlignedSentence {
  uint32_t article = 0;   // index in AddArticle() order
  uint32_t position = 0;  // index of the sentence within its article
  Span span;              // bytes of that article's text
  float weight = 0;       // sum of its terms' idf: how much it says
  // How much of what it says other articles say too: the sum over its
  // distinct terms of the share of the other articles that use the term.
  float shared = 0;
  // What only its own article says: the summed idf of its terms that no
  // other article uses.
  float unique = 0;
  uint32_t group = 0;     // index into Alignment::groups
};

struct Alignment {
  std::vector<AlignedSentence> sentences;  // in article, then position order
  // Each group lists sentence indices; a group of one article's sentences
  // only is something no other article states.
  std::vector<std::vector<uint32_t>> groups;
  // Cosine similarity of two sentences (0 when they share no term).
  std::vector<std::vector<std::pair<uint32_t, float>>> neighbours;  // per sentence, sim ≥ link threshold
};

class SentenceAligner {
 public:
  // `threshold`: the cosine at or above which two sentences are one statement.
  // `segmenter`, when given, is used instead of one of its own (ICU's
  // iterators cost milliseconds to build); the caller keeps it alive and
  // unused by others while the aligner lives.
  explicit SentenceAligner(float threshold = 0.5f, Segmenter* segmenter = nullptr);
  ~SentenceAligner();

  void AddArticle(std::string_view text);
  Alignment Align();

  // Cosine similarity of sentences `a` and `b` of the last Align() result.
  float Similarity(uint32_t a, uint32_t b) const;

  // The sentences and tokens of the `article`-th added text, as segmented
  // for alignment (valid until the aligner is destroyed).
  const SegmentedText& Segmented(uint32_t article) const;

  // Number of added articles using `word` (by stem); 0 for function words.
  // May stem, through the calling thread's StemCache.
  int ArticlesUsing(std::string_view word) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_BRIEF_SENTENCE_ALIGNER_H_
