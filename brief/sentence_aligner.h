// SentenceAligner: the one mechanism behind the brief. It builds a graph
// over the sentences of one story's articles whose edges say "these two
// sentences, from different articles, state the same thing", and returns
// its connected groups: each group is one statement with its sources.
//
// Candidate pairs come from an inverted index over stemmed content words
// and numbers, so the cost follows shared vocabulary, not the square of
// the sentence count; sentences of one article are never candidates (they
// are skipped before any scoring), and a term found in more than
// kMaxPostings sentences (boilerplate repeated thousands of times) does
// not make candidates, which bounds the work per sentence. A candidate's
// similarity is the cosine of idf-weighted term vectors (rarity across the
// story's articles).
//
// What links two candidates: with a StatementMatcher, its decision (the
// candidates at cosine >= kCandidateCosine, at most kMaxCandidates per
// sentence, most similar first, are scored; the link is
// StatementMatcher::Supports); without one, cosine >= threshold.
//
// Usage: AddArticle() for each article (texts must outlive the aligner),
// then Align() once. Not thread-safe.
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
class StatementMatcher;
class MatchSentenceCache;
struct MatchSentence;

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
  uint32_t group = 0;  // index into Alignment::groups
};

struct Alignment {
  std::vector<AlignedSentence> sentences;  // in article, then position order
  // Each group lists sentence indices; a group of one article's sentences
  // only is something no other article states.
  std::vector<std::vector<uint32_t>> groups;
  // Per sentence, the sentences it is linked to and how strongly: the
  // matcher's probability (with a matcher) or the cosine (without).
  std::vector<std::vector<std::pair<uint32_t, float>>> neighbours;
  // With a matcher: per sentence, every sentence of another article the
  // matcher scored against it, with the probability (linked or not).
  std::vector<std::vector<std::pair<uint32_t, float>>> scored;
};

class SentenceAligner {
 public:
  // Candidates at or above this cosine go to the matcher, which costs
  // microseconds a pair: on the 50-article bench story and the seeds, no
  // pair below 0.55 was accepted (docs/brief.md); 0.35 leaves a margin.
  static constexpr float kCandidateCosine = 0.35f;
  // At most this many candidates of one sentence are scored (the most
  // similar): a sentence cites one span per article, and stories of more
  // articles than this rarely restate one sentence in all of them.
  static constexpr size_t kMaxCandidates = 64;
  // A term in more sentences than this makes no candidates (its pairs
  // would grow with the square of its frequency); pairs found through
  // other terms still count it in their cosine.
  static constexpr size_t kMaxPostings = 2000;

  // `threshold`: without a matcher, the cosine at or above which two
  // sentences are one statement. `segmenter`, when given, is used instead
  // of one of its own (ICU's iterators cost milliseconds to build); the
  // caller keeps it alive and unused by others while the aligner lives.
  // `matcher`, when given (and kept alive by the caller), decides links.
  // `readings`, when given (kept alive by the caller, and reading for the
  // same matcher), supplies sentences already read for the matcher.
  explicit SentenceAligner(float threshold = 0.5f, Segmenter* segmenter = nullptr,
                           const StatementMatcher* matcher = nullptr, MatchSentenceCache* readings = nullptr);
  ~SentenceAligner();

  void AddArticle(std::string_view text);
  Alignment Align();

  // Cosine similarity of sentences `a` and `b` of the last Align() result.
  float Similarity(uint32_t a, uint32_t b) const;

  // The share of sentence `a`'s term weight (idf) that sentence `b` uses:
  // how much of what `a` says `b` may state, in that direction (b may say
  // more). Cheap: a merge of two term lists.
  float Covered(uint32_t a, uint32_t b) const;
  // The sentences of other articles than `a`'s that use at least
  // `min_share` of `a`'s term weight, with that share, in sentence order
  // (through the inverted index: the cost follows shared terms, not the
  // sentence count).
  std::vector<std::pair<uint32_t, float>> Covering(uint32_t a, float min_share) const;

  // With a matcher: the probability that sentences `a` and `b` state the
  // same thing (0 without one). Reads each sentence for the matcher once.
  float Match(uint32_t a, uint32_t b) const;
  // Sentence `s` as the matcher reads it (read on first use; requires a
  // matcher).
  const MatchSentence& ForMatcher(uint32_t s) const;

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
