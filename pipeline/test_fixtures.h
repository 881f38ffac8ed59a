// Invented articles for the pipeline's and the server's tests: two outlets reporting one
// fictional event (a bridge reopening in the town of Velmora).
#ifndef STORYFUSE_PIPELINE_TEST_FIXTURES_H_
#define STORYFUSE_PIPELINE_TEST_FIXTURES_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ingest/article_object.h"
#include "ingest/raw_doc.h"
#include "pipeline/story_repository.h"

namespace storyfuse {

inline std::string BridgeArticlesJson() {
  return R"([
 {"id": "hd-1", "outlet": "Harbour Daily", "title": "Velmora bridge reopens after repairs",
  "published": "2031-05-02",
  "text": "The Velmora harbour bridge reopened on Friday after eight months of repairs.\n\nMayor Ilse Brandvik said the town was \"proud of every worker who kept the crossing alive\".\n\nThe repairs cost 4.2 million crowns, the council said.\n\nFerry crews will return to their usual timetable next week."},
 {"id": "cc-1", "outlet": "Coast Courier", "title": "Harbour bridge open again in Velmora",
  "published": "2031-05-02",
  "text": "The Velmora harbour bridge reopened on Friday after eight months of repairs.\n\n\"We are proud of every worker who kept the crossing alive,\" Mayor Ilse Brandvik said.\n\nThe council put the cost of the repairs at 4.5 million crowns.\n\nLocal shops reported their busiest morning since the spring."}
])";
}

// One article (JSON object on one line) about another fictional event.
inline std::string FerryArticleJson(const std::string& id) {
  return R"({"id": ")" + id +
         R"(", "outlet": "Fjord Post", "title": "Tallvik ferry strike ends", )"
         R"("text": "A ferry strike ended in Tallvik on Monday after nine days.\n\nCrews voted to accept a )"
         R"(new contract with a 6 percent raise.\n\nThe first boats left the harbour at noon."})";
}

// An article's view (GET /api/articles/{id}) as a tree; null when the
// repository has no such article.
inline nlohmann::json ArticleViewOf(StoryRepository& repo, const std::string& id) {
  Result<std::string> view = repo.ArticleViewJson(id);
  return view.ok() ? nlohmann::json::parse(*view, nullptr, false) : nlohmann::json();
}

// The documents of a JSON object or array of article objects (the rules
// of ingest/article_object.h); empty when one is malformed.
inline std::vector<RawDoc> DocsFromJson(const std::string& body) {
  nlohmann::json value = nlohmann::json::parse(body, nullptr, false);
  if (!value.is_array()) value = nlohmann::json::array({value});
  std::vector<RawDoc> docs;
  for (const nlohmann::json& obj : value) {
    if (!ArticleObject::Read(obj, &docs.emplace_back()).ok()) return {};
  }
  return docs;
}

}  // namespace storyfuse

#endif  // STORYFUSE_PIPELINE_TEST_FIXTURES_H_
