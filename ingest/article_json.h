// JSON form of an Article, as `storyfuse extract --format jsonl` prints it:
// {id, source, url, outlet, title, authors, published, published_evidence,
//  dateline, language, wire, text}; absent values are null.
#ifndef STORYFUSE_INGEST_ARTICLE_JSON_H_
#define STORYFUSE_INGEST_ARTICLE_JSON_H_

#include <nlohmann/json.hpp>

#include "ingest/article.h"

namespace storyfuse {

// "" -> null, else the string.
nlohmann::json StringOrNull(const std::string& s);

nlohmann::json ArticleToJson(const Article& article);

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_ARTICLE_JSON_H_
