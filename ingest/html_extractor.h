// HtmlExtractor: an HTML page -> Article: the main text (docs/extraction.md
// describes the algorithm) and the metadata the page declares.
//
// Built from the ingest/html_* helpers: HtmlDocument (the one libxml2
// wrapper), HtmlMetadata, HtmlBlocks and HtmlContent.
//
// Stateless; thread-safe (each call parses its own document).
#ifndef STORYFUSE_INGEST_HTML_EXTRACTOR_H_
#define STORYFUSE_INGEST_HTML_EXTRACTOR_H_

#include "base/status.h"
#include "ingest/article.h"

namespace storyfuse {

class HtmlExtractor {
 public:
  // Parses article->input (UTF-8) as HTML and replaces article->text with
  // the main text: one block (paragraph, heading, list item, ...) per
  // paragraph, paragraphs separated by "\n\n", white space collapsed.
  // article->offsets maps every copied text byte to its input byte (text
  // decoded from a character reference maps to the reference's start);
  // article->removed gets the furniture left out (navigation, footer,
  // captions, ...). Fills empty metadata fields (HtmlMetadata::Fill).
  // Malformed HTML is parsed leniently; returns InvalidArgument for an
  // empty document or when no main text is found.
  Status Extract(Article* article);
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_HTML_EXTRACTOR_H_
