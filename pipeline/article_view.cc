#include "pipeline/article_view.h"

#include <algorithm>

#include "ingest/article_json.h"
#include "text/segmenter.h"
#include "text/utf8.h"

namespace storyfuse {
namespace {

using nlohmann::json;

json SentenceSpans(const std::string& text) {
  thread_local Segmenter segmenter;
  CodePointIndex cp(text);
  json out = json::array();
  for (const Span& s : segmenter.Sentences(text)) {
    out.push_back({{"start", cp.ToCodePoint(s.begin)}, {"end", cp.ToCodePoint(s.end)}});
  }
  return out;
}

bool Cites(const json& item, const std::string& id, const char* key = "sources") {
  auto it = item.find(key);
  if (it == item.end()) return false;
  if (it->is_string()) return *it == id;
  return it->is_array() && std::find(it->begin(), it->end(), json(id)) != it->end();
}

// The statements (summary first, then facts) with this article's span.
json Statements(const json& brief, const std::string& id) {
  json out = json::array();
  for (const char* section : {"summary", "facts"}) {
    if (!brief.contains(section)) continue;
    for (const json& st : brief[section]) {
      for (const json& span : st.value("spans", json::array())) {
        if (span.value("article", "") != id) continue;
        out.push_back({{"section", section},
                       {"text", st["text"]},
                       {"start", span["start"]},
                       {"end", span["end"]},
                       {"sources", st["sources"]}});
      }
    }
  }
  return out;
}

json Cited(const json& brief, const char* section, const std::string& id, const char* key = "sources") {
  json out = json::array();
  if (!brief.contains(section)) return out;
  for (const json& item : brief[section]) {
    if (Cites(item, id, key)) out.push_back(item);
  }
  return out;
}

// Quotes the article carries, with the wording it used.
json Quotes(const json& brief, const std::string& id) {
  json out = json::array();
  for (json q : Cited(brief, "quotes", id)) {
    std::string wording = q.value("text", "");
    for (const json& v : q.value("variants", json::array())) {
      if (v.value("source", "") == id) wording = v.value("text", wording);
    }
    out.push_back({{"text", wording}, {"speaker", q["speaker"]}, {"canonical", q["text"]}});
  }
  return out;
}

}  // namespace

json ArticleView(const Article& a, const std::string& story_id, const json& versions, const json& brief) {
  json j = ArticleToJson(a);
  j.erase("source");
  j["story"] = story_id.empty() ? json(nullptr) : json(story_id);
  j["sentences"] = SentenceSpans(a.text);
  j["versions"] = versions.is_array() ? versions : json::array();
  json analyses = json::object();
  bool has_brief = brief.is_object();
  analyses["statements"] = has_brief ? Statements(brief, a.id) : json::array();
  analyses["quotes"] = has_brief ? Quotes(brief, a.id) : json::array();
  analyses["numbers"] = has_brief ? Cited(brief, "numbers", a.id) : json::array();
  analyses["timeline"] = has_brief ? Cited(brief, "timeline", a.id) : json::array();
  analyses["exclusives"] = has_brief ? Cited(brief, "exclusives", a.id, "source") : json::array();
  j["analyses"] = analyses;
  return j;
}

namespace {

nlohmann::json VersionsJson(const StoredArticle& current, const std::vector<ArticleVersion>& history) {
  nlohmann::json out = nlohmann::json::array();
  for (const ArticleVersion& v : history) {
    out.push_back({{"version", v.version},
                   {"ingested_at", v.ingested_at},
                   {"replaced_at", v.replaced_at},
                   {"title", v.title},
                   {"chars", v.text.size()},
                   {"content_hash", v.content_hash}});
  }
  out.push_back({{"version", current.version},
                 {"ingested_at", current.ingested_at},
                 {"replaced_at", nullptr},
                 {"title", current.article.title},
                 {"chars", current.article.text.size()},
                 {"content_hash", current.content_hash}});
  return out;
}

}  // namespace

nlohmann::json StoredArticleView(const StoredArticle& a, const std::vector<ArticleVersion>& history,
                                 const nlohmann::json& brief) {
  nlohmann::json view = ArticleView(a.article, a.story_id, VersionsJson(a, history), brief);
  view["copy_of"] = a.copy_of.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.copy_of);
  return view;
}

}  // namespace storyfuse
