// RawDoc: one document as read from an input, before cleaning.
#ifndef STORYFUSE_INGEST_RAW_DOC_H_
#define STORYFUSE_INGEST_RAW_DOC_H_

#include <string>
#include <vector>

namespace storyfuse {

enum class DocFormat { kText, kHtml };

struct RawDoc {
  std::string source;  // path, "path:line" for JSONL, "path#record" for WARC, "-" for stdin
  std::string id;      // file name without extension, the JSONL id, or the WARC record's URL
  std::string bytes;   // the document, UTF-8 (readers decode other charsets)
  DocFormat format = DocFormat::kText;
  // Metadata the container supplied (JSONL fields, WARC target URI); empty
  // when absent. Cleaning prefers these over what it reads from the text.
  std::string url;
  std::string outlet;
  std::string title;
  std::vector<std::string> authors;
  std::string published;
  std::string language;
  std::string label;  // a gold label carried by evaluation JSONL, else empty
  // What a listing (a feed item, a sitemap entry) said of this page: used
  // only where the page says less, since the page wins where it says more
  // (issue #24). The published date is UTC, as FeedDate gives it.
  std::string listed_title;
  std::vector<std::string> listed_authors;
  std::string listed_published;
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_RAW_DOC_H_
