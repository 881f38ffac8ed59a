// PolnearCorpus: reads a PolNeAR-style folder (DIR/text/<doc>.txt and
// DIR/attributions/<doc>_<annotator>.ann; the first annotation file in
// sorted order is the gold, as ../shared/data/README.md says) into its
// articles and their gold direct quotes, and turns extracted quotes into
// the scorer's code-point spans. Shared by `eval quotes` and `train
// speakers`. Pure functions; thread-compatible.
#ifndef STORYFUSE_EVAL_POLNEAR_CORPUS_H_
#define STORYFUSE_EVAL_POLNEAR_CORPUS_H_

#include <string>
#include <string_view>
#include <vector>

#include "analyze/quote_extractor.h"
#include "base/status.h"
#include "eval/quote_scorer.h"

namespace storyfuse {

struct PolnearDoc {
  std::string id;    // the text file's stem
  std::string text;  // UTF-8, as read
  std::vector<GoldQuote> gold;
  std::vector<CpSpan> contents;  // every attribution's content spans
};

// The articles of `dir` in sorted order. InvalidArgument when `dir` lacks
// text/ or attributions/; an article whose text or annotation cannot be
// read or parsed is skipped and named in `errors`; with `errors` null, it
// is an error instead (InvalidArgument naming the first such file), as
// training wants: a model learned from part of the data must not pass
// silently.
Result<std::vector<PolnearDoc>> ReadPolnearCorpus(const std::string& dir, std::vector<std::string>* errors = nullptr);

// Quotes (byte spans of `text`) as the scorer's predictions (code points).
std::vector<PredictedQuote> ToPredictedQuotes(std::string_view text, const std::vector<Quote>& quotes);

}  // namespace storyfuse

#endif  // STORYFUSE_EVAL_POLNEAR_CORPUS_H_
