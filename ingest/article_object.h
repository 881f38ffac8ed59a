// ArticleObject: one JSON object describing an article, as a JSONL line
// (the CLI's readers) or a POST /api/articles body carries it, read into a
// RawDoc by one set of rules, so a line the CLI accepts the API accepts too.
//
// Fields (absent or null is the same):
//   "text" or "html"   string; one of them non-blank (html wins when both)
//   "id"               string or integer (42 -> "42"), at most 256 bytes;
//                      absent: DefaultId(the document's bytes)
//   "url", "outlet", "title", "published", "language"   string
//   "authors"          string, or array of strings (empty ones dropped)
//   "label"            string or number: a gold label of evaluation data
// Other fields are ignored.
//
// Pure functions; thread-safe.
#ifndef STORYFUSE_INGEST_ARTICLE_OBJECT_H_
#define STORYFUSE_INGEST_ARTICLE_OBJECT_H_

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "ingest/raw_doc.h"

namespace storyfuse {

class ArticleObject {
 public:
  static constexpr size_t kMaxIdBytes = 256;

  // Fills doc's id, bytes, format, url, outlet, title, authors, published,
  // language and label; leaves doc->source to the caller. Returns
  // InvalidArgument naming the field ('field "title" is not a string',
  // 'missing text: no non-empty "text" or "html" field', 'not a JSON
  // object'); doc is then unspecified.
  static Status Read(const nlohmann::json& obj, RawDoc* doc);

  // Read(nlohmann::json::parse(line), doc) for a JSONL line that FlatJson
  // reads (flat, every field of the type Read wants), without the JSON
  // tree: true with `doc` filled exactly as Read fills it. False (doc then
  // unspecified) for any other line, and for a line Read refuses: the
  // caller then parses it in full, which also words the error.
  static bool ReadFlat(std::string_view line, RawDoc* doc);

  // "a-" and 16 hex digits of the bytes' hash: the same text gets the same
  // id wherever it comes from, so posting or ingesting it twice stores it
  // once.
  static std::string DefaultId(std::string_view bytes);
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_ARTICLE_OBJECT_H_
