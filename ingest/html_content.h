// HtmlContent: picks the blocks of the article's main text out of a page.
//
// The algorithm (docs/extraction.md): every paragraph-like block scores its
// ancestors (more the closer they are) by its length and commas; an
// element's score is then scaled by its class/id hint and by the share of
// its text that is not link text. The best element is the article body;
// when several strong candidates share an ancestor, that ancestor is; its
// siblings join when they score well or read as prose. Inside the chosen
// elements, link lists, the page title repeated and furniture are dropped.
//
// Stateless and thread-safe.
#ifndef STORYFUSE_INGEST_HTML_CONTENT_H_
#define STORYFUSE_INGEST_HTML_CONTENT_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "ingest/html_blocks.h"

namespace storyfuse {

class HtmlContent {
 public:
  // Returns the indexes of the main-text blocks of `blocks`, in document
  // order; empty when the page holds no prose. A block equal to `title`
  // (the article's title, may be empty) is left out.
  static std::vector<uint32_t> Select(const HtmlBlocks& blocks, std::string_view title);

  // The furniture kind of a chosen block that is page furniture by its
  // words alone, as in scraped text (CrumbClassifier: a caption with a
  // photo credit, a player line, a stamp, a promo, a correction, ...), or
  // "" when it is text. Markup and tracking shapes are left to the
  // structural rules. A "correction" is kept by the caller as data.
  static std::string_view FurnitureKind(const HtmlBlock& block);
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_HTML_CONTENT_H_
