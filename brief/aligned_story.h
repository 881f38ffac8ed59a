// AlignedStory: one story's articles after cross-article alignment, the shared
// input of every section of the brief (summary, facts, numbers, timeline,
// quotes, exclusives).
//
// Holds pointers into the members' articles: the caller keeps them alive
// for the view's lifetime. Not thread-safe.
#ifndef STORYFUSE_BRIEF_ALIGNED_STORY_H_
#define STORYFUSE_BRIEF_ALIGNED_STORY_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/date_resolver.h"
#include "analyze/lexed_text.h"
#include "brief/citation_support.h"
#include "brief/sentence_aligner.h"
#include "brief/statement_matcher.h"
#include "brief/story_brief.h"
#include "ingest/article.h"
#include "text/utf8.h"
#include "text/word_lexer.h"

namespace storyfuse {

// One article of a story with what clustering learned about it.
struct StoryMember {
  const Article* article = nullptr;
  std::string copy_of;  // id of the article it copies, or empty
  std::string origin;   // its independent origin (see dedupe/), or empty
};

// A span of an article that supports a statement, and how strongly (the
// statement matcher's probability).
struct SpanSupport {
  uint32_t article = 0;
  int sentence = -1;  // -1: the article has no supporting sentence
  float support = 0;
};

class AlignedStory {
 public:
  // `segmenter`, when given, is lent to the aligner (see SentenceAligner).
  // `matcher` decides which sentences state the same thing (the shipped
  // model by default; the caller keeps a given one alive).
  // `readings`, when given (kept alive by the caller), supplies sentences
  // read for the matcher at earlier builds (used only when it reads for
  // `matcher`).
  explicit AlignedStory(const std::vector<StoryMember>& members, Segmenter* segmenter = nullptr,
                        const StatementMatcher* matcher = &StatementMatcher::Shipped(),
                        MatchSentenceCache* readings = nullptr);

  const std::vector<StoryMember>& members() const { return *members_; }
  const Alignment& alignment() const { return alignment_; }
  const Article& article(uint32_t index) const { return *(*members_)[index].article; }
  // The article a sentence belongs to.
  const Article& ArticleOf(uint32_t sentence) const;
  std::string_view Text(uint32_t sentence) const;
  // Its independent origin: the member's origin, else the article id.
  std::string Origin(uint32_t article) const;
  // Relative position of a sentence in its article, 0 = lead.
  float RelativePosition(uint32_t sentence) const;
  // The sentence of `article` containing byte `offset`, or -1.
  int SentenceAt(uint32_t article, uint32_t offset) const;
  // Whether byte `offset` of `article`'s text lies inside a quotation
  // (counting " “ ” from the start of its paragraph): a sentence that starts
  // inside one is a piece of a longer quote, its speaker named elsewhere.
  bool InsideQuotation(uint32_t article, uint32_t offset) const;
  bool StartsInsideQuotation(uint32_t sentence) const { return starts_quoted_[sentence] != 0; }
  // The group member shown for a group.
  uint32_t Representative(uint32_t group) const { return representative_[group]; }
  float Similarity(uint32_t a, uint32_t b) const { return aligner_->Similarity(a, b); }

  // Citations (the public API the brief's sections share; see
  // StatementMatcher). A citation is a claim about a span: these say which
  // span of an article states a statement, and how surely.
  const StatementMatcher& matcher() const { return *matcher_; }
  // The probability that sentences `a` and `b` state the same thing.
  float Match(uint32_t a, uint32_t b) const { return aligner_->Match(a, b); }
  // Per article other than `sentence`'s own, the sentence that best states
  // what `sentence` states, when the matcher says it does (Supports), in
  // article order. Looks at the candidates the aligner scored.
  std::vector<SpanSupport> Supporters(uint32_t sentence) const;
  // Per article other than `sentence`'s own, the sentence that best states
  // what `sentence` states in the direction a citation needs (the cited
  // sentence may say more: CitationSupport), when one does, in article
  // order; `support` is CitationSupport's score. Looks at every sentence
  // of the other articles that uses at least kCitationCoverage of its
  // term weight. `claim`, when given, is what is shown of the sentence
  // (a piece of it) as ReadClaim() read it.
  std::vector<SpanSupport> Citations(uint32_t sentence, const MatchSentence* claim = nullptr) const;
  // Sentences using less of a claim's term weight are not read for a
  // citation: CitationSupport asks at least half of it (kParaphraseShare;
  // counted there with loose stems too, a rare gain not worth reading
  // every sentence for).
  static constexpr float kCitationCoverage = 0.5f;
  // The same for sentences the aligner did not score against the claim:
  // only CitationSupport's containment can accept them (kContainedShare
  // 0.85 of the weight, with loose stems; 0.7 of exact stems leaves room).
  static constexpr float kContainmentCoverage = 0.7f;
  const CitationSupport& citation_support() const { return support_; }
  // Whether an article of another origin than `sentence`'s may state it in
  // any words: a sentence the matcher scores at or above its recall point,
  // or one this close in cosine. Scans every sentence of other origins.
  bool StatedElsewhere(uint32_t sentence) const;
  // The sentence of `article` that best states `claim` (any text: a
  // quotation, a number's sentence) and its CitationSupport score;
  // sentence -1 when none supports it. Reads the claim once per
  // call and compares it with each of the article's sentences.
  SpanSupport BestSupport(const MatchSentence& claim, uint32_t article) const;
  // Sentence `sentence` as the matcher reads it (read once, on first use).
  const MatchSentence& ForMatcher(uint32_t sentence) const { return aligner_->ForMatcher(sentence); }
  // `claim` read for the matcher (for BestSupport).
  MatchSentence ReadClaim(std::string_view claim) const { return matcher_->Read(claim); }
  // The article's sentences and tokens (the aligner's segmentation).
  const SegmentedText& Segmented(uint32_t article) const { return aligner_->Segmented(article); }
  // Number of the story's articles using `word` (by stem).
  int ArticlesUsing(std::string_view word) const { return aligner_->ArticlesUsing(word); }
  // Distinct origins among a group's sentences.
  int Support(uint32_t group) const;
  // A span of `article`'s text, in code points, for output.
  SourceSpan ToSourceSpan(uint32_t article, Span bytes) const;
  // The date to resolve relative dates against in articles that carry none:
  // the latest publication date among the story's articles. Reports come
  // after what they report, so "Friday" in an undated report means the
  // Friday on or before the story's latest report, not its first.
  const std::string& anchor() const { return anchor_; }
  // The article's WordLexer tokens and its dates, computed once for every
  // analyzer of the brief. Dates resolve against the article's own date,
  // else anchor(); a copy (StoryMember::copy_of) and its source both
  // resolve against the source's date, so that they agree.
  const std::vector<LexToken>& Lexed(uint32_t article) const { return lexed_[article]; }
  const std::vector<DateMention>& Dates(uint32_t article) const { return dates_[article]; }
  // The article's lexed view (lower-case text, sentence bounds), shared by
  // the analyzers.
  const LexedText& View(uint32_t article) const { return views_[article]; }

 private:
  uint32_t PickRepresentative(const std::vector<uint32_t>& group) const;
  // Fills starts_quoted_ in one pass over each article.
  void MarkQuotations();
  // Per member, the date its relative dates resolve against.
  std::vector<std::string> CopyGroupAnchors() const;

  const std::vector<StoryMember>* members_;
  const StatementMatcher* matcher_;
  CitationSupport support_;
  std::unique_ptr<SentenceAligner> aligner_;
  Alignment alignment_;
  std::vector<CodePointIndex> code_points_;
  std::vector<uint32_t> first_sentence_;  // per article, plus one past the end
  std::vector<uint32_t> representative_;
  std::vector<uint8_t> starts_quoted_;  // per sentence
  std::string anchor_;
  std::vector<std::vector<LexToken>> lexed_;
  std::vector<LexedText> views_;  // over lexed_, which never reallocates after they are built
  std::vector<std::vector<DateMention>> dates_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_BRIEF_ALIGNED_STORY_H_
