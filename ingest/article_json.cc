#include "ingest/article_json.h"

namespace storyfuse {

nlohmann::json StringOrNull(const std::string& s) {
  if (s.empty()) return nullptr;
  return s;
}

nlohmann::json ArticleToJson(const Article& a) {
  nlohmann::json j;
  j["id"] = a.id;
  j["source"] = StringOrNull(a.source);
  j["url"] = StringOrNull(a.url);
  j["outlet"] = StringOrNull(a.outlet);
  j["title"] = StringOrNull(a.title);
  j["authors"] = a.authors;
  j["published"] = StringOrNull(a.published.iso);
  j["published_evidence"] = StringOrNull(a.published.evidence);
  j["dateline"] = StringOrNull(a.dateline);
  j["language"] = StringOrNull(a.language);
  j["wire"] = StringOrNull(a.wire);
  j["text"] = a.text;
  return j;
}

}  // namespace storyfuse
