// ExtractionScorer: the article-extraction benchmark's metric, as
// ../shared/data/README.md defines it. Tokens are Unicode `\w+` runs
// (Python's definition, UnicodeText::IsWordChar); each text is the multiset
// of its token 4-grams. Per page, tp counts 4-grams both texts hold
// (minimum multiplicity), fp those only predicted, fn those only in gold.
// Page precision tp/(tp+fp) is averaged over pages that predicted anything,
// page recall tp/(tp+fn) over pages with gold text; F1 joins the averages.
//
// Accumulates pages; not thread-safe.
#ifndef STORYFUSE_EVAL_EXTRACTION_SCORER_H_
#define STORYFUSE_EVAL_EXTRACTION_SCORER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace storyfuse {

struct ShingleCounts {
  uint64_t tp = 0;
  uint64_t fp = 0;
  uint64_t fn = 0;
  // -1 when undefined (no predicted, resp. no gold, 4-grams).
  double precision() const { return tp + fp == 0 ? -1.0 : double(tp) / double(tp + fp); }
  double recall() const { return tp + fn == 0 ? -1.0 : double(tp) / double(tp + fn); }
};

class ExtractionScorer {
 public:
  static constexpr int kShingle = 4;

  // The `\w+` tokens of UTF-8 `text`, as views into it.
  static std::vector<std::string_view> Tokens(std::string_view text);

  // The page's counts for one predicted text against its gold text.
  static ShingleCounts Compare(std::string_view predicted, std::string_view gold);

  // Scores one page and adds it to the means; returns its counts.
  ShingleCounts Add(std::string_view predicted, std::string_view gold);

  size_t pages() const { return pages_; }
  double precision() const { return precision_pages_ ? precision_sum_ / precision_pages_ : 0.0; }
  double recall() const { return recall_pages_ ? recall_sum_ / recall_pages_ : 0.0; }
  double f1() const;

 private:
  size_t pages_ = 0;
  size_t precision_pages_ = 0;
  size_t recall_pages_ = 0;
  double precision_sum_ = 0;
  double recall_sum_ = 0;
};

}  // namespace storyfuse

#endif  // STORYFUSE_EVAL_EXTRACTION_SCORER_H_
