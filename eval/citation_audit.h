// CitationAudit: every citation of a brief as a pair (the item, the span
// it cites) with both texts side by side, and the share of labelled pairs
// whose span states the item.
//
// A pair is identified by the item's own span (where the item's text comes
// from) and the cited span, both as article id and code-point offsets, so
// labels hold no text (HELPERS.md): a labels file is tab-separated
//   item_article  item_start  item_end  cited_article  cited_start  cited_end  verdict
// with verdict 1 (the span states the item) or 0, one header line, and
// `#` comments.
//
// Pairs whose cited span is the item's own span (the sentence shown) are
// not listed: they state it by construction.
//
// Stateless; thread-safe.
#ifndef STORYFUSE_EVAL_CITATION_AUDIT_H_
#define STORYFUSE_EVAL_CITATION_AUDIT_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "brief/story_brief.h"
#include "ingest/article.h"

namespace storyfuse {

struct CitationPair {
  std::string section;  // "summary", "facts", "quotes", "numbers"
  int item = 0;         // index in its section
  std::string item_text;
  SourceSpan item_span;  // the item's own span
  SourceSpan cited;
  std::string cited_text;

  // "item_article item_start item_end cited_article cited_start cited_end".
  std::string Key() const;
};

struct CitationLabel {
  std::string key;  // as CitationPair::Key()
  bool supported = false;
};

struct AuditReport {
  int labelled = 0;   // pairs of the briefs that carry a label
  int supported = 0;  // of those, labelled as supported
  std::vector<const CitationPair*> unlabelled;
  std::vector<std::string> stale;  // labels naming no pair of the briefs
};

class CitationAudit {
 public:
  // The brief's citation pairs, in section and item order. `articles`
  // gives each cited article's text by id.
  static std::vector<CitationPair> Pairs(const StoryBrief& brief,
                                         const std::map<std::string, const Article*>& articles);
  // `n` pairs chosen reproducibly (by a hash of their keys, so a pair's
  // selection does not depend on the others), in their original order.
  static std::vector<CitationPair> Sample(const std::vector<CitationPair>& pairs, size_t n);

  static Result<std::vector<CitationLabel>> ParseLabels(std::string_view content);
  static std::string LabelLine(const CitationPair& pair, std::string_view verdict);

  static AuditReport Audit(const std::vector<CitationPair>& pairs, const std::vector<CitationLabel>& labels);

  // The code points [start, end) of `text`.
  static std::string Slice(std::string_view text, uint32_t start, uint32_t end);
};

}  // namespace storyfuse

#endif  // STORYFUSE_EVAL_CITATION_AUDIT_H_
