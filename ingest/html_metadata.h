// HtmlMetadata: an article's metadata as a page declares it: meta tags
// (Open Graph, article:*, name=author, ...), JSON-LD (schema.org Article
// and its kinds, also inside @graph), <link rel=canonical>, <html lang>,
// <title>, and as a last resort the body (<h1>, <time datetime>, bylines).
//
// Stateless and thread-safe.
#ifndef STORYFUSE_INGEST_HTML_METADATA_H_
#define STORYFUSE_INGEST_HTML_METADATA_H_

#include <string>
#include <string_view>
#include <vector>

#include "ingest/article.h"
#include "ingest/html_document.h"

namespace storyfuse {

class HtmlMetadata {
 public:
  // Fills the fields of *article that are empty (title, authors, published,
  // outlet, url) from `doc`; language is set from <html lang> unless the
  // article's language differs from the default "en" already. Never fails:
  // what the page does not say stays empty.
  static void Fill(const HtmlDocument& doc, Article* article);

  // "Storm hits coast | The Daily Example" -> "Storm hits coast": drops a
  // trailing (or leading) site name after " | ", " - ", " — ", " :: " when
  // it is short or equals `outlet`.
  static std::string CleanTitle(std::string_view title, std::string_view outlet);

  // ISO 8601 form of a date or date-time as pages write it in metadata
  // ("2019-11-20", "2019-11-20T08:30:00+01:00" -> "2019-11-20T07:30:00Z");
  // empty when `raw` does not start with a YYYY-MM-DD date.
  static std::string IsoDate(std::string_view raw);

  // Names in a byline or author field: "By Ann Lee and Bo Ray" -> {"Ann
  // Lee", "Bo Ray"}. URLs and e-mail addresses are dropped.
  static std::vector<std::string> SplitAuthors(std::string_view byline);
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_HTML_METADATA_H_
