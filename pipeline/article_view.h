// ArticleView: the JSON of GET /api/articles/{id}.
//
// {id, story, outlet, title, url, published, authors, dateline, language,
//  wire, text (cleaned), sentences: [{start, end}], analyses: {statements,
//  quotes, numbers, exclusives, timeline}, versions}
// Spans are Unicode code points into `text`, end exclusive, the unit the
// brief's spans use. `analyses` is what the story's brief cites from this
// article, so the page can show it beside the text.
//
// Thread-safe (a Segmenter per thread).
#ifndef STORYFUSE_PIPELINE_ARTICLE_VIEW_H_
#define STORYFUSE_PIPELINE_ARTICLE_VIEW_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ingest/article.h"
#include "store/story_store.h"

namespace storyfuse {

// `brief` is the story's brief JSON (null when unknown); `versions` an
// array of {version, ingested_at, ...} as the repository keeps them.
nlohmann::json ArticleView(const Article& article, const std::string& story_id, const nlohmann::json& versions,
                           const nlohmann::json& brief);

// The view of a stored article: ArticleView with `versions` from its
// history (oldest first, then the current one) and its `copy_of`.
nlohmann::json StoredArticleView(const StoredArticle& article, const std::vector<ArticleVersion>& history,
                                 const nlohmann::json& brief);

}  // namespace storyfuse

#endif  // STORYFUSE_PIPELINE_ARTICLE_VIEW_H_
