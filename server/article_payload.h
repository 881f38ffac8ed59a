// ArticlePayload: the body of POST /api/articles -> RawDocs.
//
// Accepted bodies: one JSON object, a JSON array of objects, or JSON Lines
// (Content-Type application/x-ndjson or application/jsonl). Each object
// is read by ArticleObject (ingest/article_object.h), the rules the CLI's
// JSONL reader uses too: "text" or "html" required and non-empty, an id
// or "a-" + a hash of the text, so posting the same text twice stores it
// once.
//
// Pure functions; thread-safe.
#ifndef STORYFUSE_SERVER_ARTICLE_PAYLOAD_H_
#define STORYFUSE_SERVER_ARTICLE_PAYLOAD_H_

#include <string_view>
#include <vector>

#include "base/status.h"
#include "ingest/raw_doc.h"

namespace storyfuse {

// Returns InvalidArgument saying what is wrong and where ("invalid UTF-8
// at byte 12", "line 3: invalid JSON: ...", "article 2: missing text",
// "empty body"). The whole body is rejected if any article is bad.
Result<std::vector<RawDoc>> ParseArticlePayload(std::string_view content_type, std::string_view body);

}  // namespace storyfuse

#endif  // STORYFUSE_SERVER_ARTICLE_PAYLOAD_H_
