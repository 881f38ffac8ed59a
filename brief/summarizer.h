// Summarizer: an extractive multi-document summary of one story's articles,
// at most N words, as whole sentences traced to their article and bytes.
//
// Method (docs/summarization.md has the figures):
//  - Sentences and tokens come from text/segmenter (ICU); tokens are
//    lower-cased and stemmed with text/stemmer.
//  - "Concepts" are stemmed word bigrams (not both function words) and
//    content-word unigrams. A concept's weight is the number of the story's
//    articles that state it (document frequency), so what several reports
//    say outweighs what one says; near-identical articles count once.
//  - Sentences that read badly out of context are not candidates: too short
//    or too long, questions, boilerplate (links, sharing and subscription
//    prompts, cookie notices, lines without an end mark), markup, and those
//    opening on a pronoun or connective that needs the previous sentence.
//  - Selection maximizes the weight of concepts covered (each counted once,
//    which is the redundancy control) plus a small prior for early and
//    central sentences, under the word budget: budgeted submodular greedy
//    (gain per word^r) followed by swap/add local search. Cost is linear in
//    the sentences times the selection size.
//  - Compression stays extractive and contiguous: a wire dateline is cut
//    off a sentence's start (and, optionally, a short attribution tail off
//    its end).
//  - The chosen sentences are ordered as a reader expects: by article date
//    (when known), then article order, then position in the article.
//
// Holds pointers to the articles only during Summarize(); the caller owns
// them. Not thread-safe (owns a Segmenter): one per thread.
#ifndef STORYFUSE_BRIEF_SUMMARIZER_H_
#define STORYFUSE_BRIEF_SUMMARIZER_H_

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "brief/segmented_text.h"
#include "ingest/article.h"
#include "text/span.h"

namespace storyfuse {

// One sentence of a summary.
struct SummarySentence {
  const Article* article = nullptr;  // the article it came from (caller-owned)
  uint32_t article_index = 0;        // index of that article in the input
  uint32_t position = 0;             // index of the sentence within its article
  Span span;                         // bytes of article->text
  int words = 0;                     // white-space separated words
  bool partial = false;              // cut at the word budget (allow_partial_last)

  std::string_view Text() const { return span.In(article->text); }
};

struct SummarizerOptions {
  int min_sentence_words = 10;  // shorter sentences are crumbs or fragments
  int max_sentence_words = 55;  // longer ones are run-ons that eat the budget
  // Weight of the lead prior against concept coverage (see summarizer.cc).
  double prior_weight = 1.0;
  // How fast the lead prior decays with the sentence's position p in its
  // article: 1 / (1 + p)^lead_decay.
  double lead_decay = 0.75;
  // Weight of a content word relative to a bigram of the same frequency.
  double unigram_share = 0.3;
  // Weight multiplier of a concept holding a number ("50 minute", "400
  // drone"): a figure several outlets state is the hard core of a story
  // (how many, how long, how much).
  double number_boost = 1.0;
  // In stories of three articles or fewer, weight per extra sentence that
  // repeats a concept (document frequency alone says little there).
  double repeat_weight = 0.5;
  // A sentence whose concept weight is already covered by the summary
  // beyond this share is a repeat and is not chosen.
  double max_repeat = 0.5;
  // When true, the words the whole sentences leave of the budget are filled
  // with the start of one more sentence (SummarySentence::partial), as
  // DUC-style systems do for ROUGE; the sentence is chosen by what its
  // first words (the part shown) add, not by the whole sentence. Off by default: a brief shows whole
  // sentences.
  bool allow_partial_last = false;
  // Sentences opening on a person named only by a title ("The secretary of
  // state said ...") are not candidates: out of context the reader does not
  // know who that is.
  bool reject_bare_titles = true;
  // Sentences with more than this share of their bytes inside quotation
  // marks are not candidates. 1 (off) by default: direct speech often
  // matches ROUGE references (Multi-News R-2 -1.3 without quote-led
  // sentences); a brief sets it lower, its quotes having their own table.
  // Below 1, a sentence that starts inside a quotation opened by an earlier
  // sentence of its paragraph, or ends inside one it opens, counts as
  // wholly quoted (half a quote).
  double max_quoted_share = 1.0;
  // Trims a short attribution tail (", officials said.", ", according to
  // police.") off the end of a sentence: the span then ends before the
  // comma, so it stays a contiguous, extractive piece of the article (and
  // loses its full stop). Off by default: it cost DUC ROUGE-1 0.1-0.15
  // (docs/summarization.md) and drops who said it.
  bool trim_attribution = false;
};

class Summarizer {
 public:
  explicit Summarizer(SummarizerOptions options = {});
  ~Summarizer();
  Summarizer(const Summarizer&) = delete;
  Summarizer& operator=(const Summarizer&) = delete;

  // Selects sentences of `articles` totalling at most `max_words` words
  // (white-space separated), in reading order. Null articles are skipped.
  // Returns an empty vector when no article has a usable sentence or
  // max_words is not positive. Deterministic for the same input.
  std::vector<SummarySentence> Summarize(const std::vector<const Article*>& articles, int max_words);
  // The same, reusing a segmentation the caller already has:
  // `segmented[i]` is the SegmentedText of articles[i]->text (null: segment
  // it here). Empty `segmented` means none.
  std::vector<SummarySentence> Summarize(const std::vector<const Article*>& articles, int max_words,
                                         const std::vector<const SegmentedText*>& segmented);

  // Words of `text` as ROUGE and the budget count them (white-space fields).
  static int CountWords(std::string_view text);

 private:
  struct Impl;
  SummarizerOptions options_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_BRIEF_SUMMARIZER_H_
