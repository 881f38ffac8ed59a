// Article: one cleaned news article and its metadata, the unit every later
// stage works on.
//
// Text is UTF-8 in NFC. An empty string field means "absent" (serialized as
// JSON null): nothing is ever guessed to fill it. `text` is the cleaned body;
// `input` is the document as read (decoded to UTF-8, before cleaning), and
// `offsets` leads from byte offsets in `text` back to byte offsets in
// `input`. Removed boilerplate is kept in `removed`, never silently lost.
#ifndef STORYFUSE_INGEST_ARTICLE_H_
#define STORYFUSE_INGEST_ARTICLE_H_

#include <string>
#include <vector>

#include "ingest/offset_map.h"
#include "text/span.h"

namespace storyfuse {

// A publication date or date-time as ISO 8601 ("2025-07-11" or
// "2025-07-11T08:30:00Z"), with the text it was read from.
struct Published {
  std::string iso;
  std::string evidence;
  bool empty() const { return iso.empty(); }
};

// A piece of the input removed by cleaning, and why ("header", "byline",
// "caption", "credit", "copyright", "prompt", "markup", "repeated", ...).
struct Removed {
  Span input;  // bytes of Article::input
  std::string kind;
};

// A correction the article prints about itself ("CORRECTION, June 29,
// 2031: An earlier version of this story misstated ..."). It is not story
// text, so cleaning cuts it from Article::text (and lists it in `removed`
// as kind "correction"), but it is kept here as data: the brief shows it
// as a correction, never as a fact.
struct ArticleCorrection {
  Span input;        // bytes of Article::input (for HTML, from its first to its last text byte)
  std::string text;  // the correction as the reader sees it, UTF-8 NFC
};

struct Article {
  std::string id;      // file name without extension, or the JSONL id
  std::string source;  // where it was read: path, "path:line", or "-"
  std::string url;
  std::string outlet;  // who published this copy, as the input names it
  std::string title;
  std::vector<std::string> authors;
  Published published;
  std::string dateline;  // place of the dateline ("KUALA LUMPUR, Malaysia")
  std::string language = "en";
  std::string wire;  // agency whose story this is ("Reuters", "AP", "ANI")

  std::string text;   // cleaned body, UTF-8 NFC
  std::string input;  // the document as read, decoded to UTF-8
  OffsetMap offsets;  // text bytes -> input bytes
  std::vector<Removed> removed;
  std::vector<ArticleCorrection> corrections;  // in input order
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_ARTICLE_H_
