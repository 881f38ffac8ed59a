// StatementMatcher: the probability that two sentences (spans of article
// texts) state the same thing. The brief's alignment and every citation
// rest on it: a source is cited for an item only when the span it cites
// states the item (docs/brief.md).
//
// A logistic model over StatementFeatures (word, stem, n-gram and character
// overlap, what each side lacks, numbers, names, speaker, negation,
// calendar words), trained on human-judged news sentence pairs by
// `storyfuse train align` (eval/align_trainer.h); its weights, word
// rarities and operating points live in models/align.v1.tsv, embedded in
// the binary. Beyond the model, rules (probability 0): two sentences that
// name different speakers of a quotation, or state different figures,
// weekdays or months (StatementFeatures::Incompatible), are never the same
// statement; nor are pairs unlike any the model learned from: a sentence
// shorter than the shortest it saw, or less than the smallest share of
// the other's length it saw (a short sentence cannot state all a long one
// does, and there the model would only extrapolate).
//
// Usage (the public API the brief's sections share):
//
//   const StatementMatcher& m = StatementMatcher::Shipped();
//   MatchSentence a = m.Read(text_a), b = m.Read(text_b);  // once per sentence
//   float p = m.Probability(a, b);
//   if (m.Supports(p)) ...        // the brief's operating point (precision)
//   if (p >= m.recall_threshold()) ...  // "someone else may say this" (recall)
//
// Immutable after construction; const methods are thread-safe.
#ifndef STORYFUSE_BRIEF_STATEMENT_MATCHER_H_
#define STORYFUSE_BRIEF_STATEMENT_MATCHER_H_

#include <string>
#include <string_view>

#include "base/status.h"
#include "brief/idf_table.h"
#include "brief/logistic_model.h"
#include "brief/statement_features.h"

namespace storyfuse {

class StatementMatcher {
 public:
  // The name of the model file in models/ that Shipped() reads.
  static constexpr std::string_view kModelFile = "align.v1.tsv";

  // A matcher with no model: every probability is 0 (nothing is the same).
  StatementMatcher() = default;
  // The pairs the model knows: each sentence at least `min_words` words,
  // the shorter at least `min_length_ratio` of the longer.
  struct Domain {
    int min_words = 0;
    float min_length_ratio = 0;
  };
  StatementMatcher(IdfTable idf, LogisticModel model, Domain domain, float threshold, float recall_threshold);

  // The embedded model. If it were missing or corrupt (a build error that
  // statement_matcher_test catches) this is a matcher that matches nothing.
  static const StatementMatcher& Shipped();

  // Reads a model file (format in docs/brief.md). InvalidArgument names
  // the line at fault; Unsupported for another format version or another
  // feature list than this build computes.
  static Result<StatementMatcher> Parse(std::string_view file);
  // The model file; Parse(Serialize()) gives an equal matcher. Idf
  // entries seen in fewer than `min_df` documents are left out (they read
  // as unseen, which differs by one document).
  std::string Serialize(uint32_t min_df = 2) const;

  MatchSentence Read(std::string_view sentence) const { return StatementFeatures::Read(sentence, idf_); }
  float Probability(const MatchSentence& a, const MatchSentence& b) const;
  float Probability(std::string_view a, std::string_view b) const { return Probability(Read(a), Read(b)); }

  // The brief's operating point: at or above it, "same statement".
  float threshold() const { return threshold_; }
  bool Supports(float probability) const { return loaded_ && probability >= threshold_; }
  // A lower operating point for questions where missing a paraphrase costs
  // more than a false one ("does anyone else report this?").
  float recall_threshold() const { return recall_threshold_; }

  const IdfTable& idf() const { return idf_; }
  const LogisticModel& model() const { return model_; }
  const Domain& domain() const { return domain_; }

 private:
  bool loaded_ = false;
  IdfTable idf_;
  LogisticModel model_;
  Domain domain_;
  float threshold_ = 1;
  float recall_threshold_ = 1;
};

}  // namespace storyfuse

#endif  // STORYFUSE_BRIEF_STATEMENT_MATCHER_H_
