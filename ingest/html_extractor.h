// HtmlExtractor: an HTML page -> Article (main text and metadata from the
// text, meta tags and JSON-LD). The project's one wrapper over libxml2's
// HTML parser.
//
// Stateless apart from scratch buffers; not thread-safe, one per thread.
#ifndef STORYFUSE_INGEST_HTML_EXTRACTOR_H_
#define STORYFUSE_INGEST_HTML_EXTRACTOR_H_

#include "base/status.h"
#include "ingest/article.h"

namespace storyfuse {

class HtmlExtractor {
 public:
  // Parses article->input as HTML, writes the main text to article->text
  // (paragraphs separated by blank lines) and fills empty metadata fields.
  // Malformed HTML is parsed leniently; returns InvalidArgument when no main
  // text is found.
  Status Extract(Article* article);
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_HTML_EXTRACTOR_H_
