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

bool IsId(const json& value, const std::string& id) {
  return value.is_string() && value.get_ref<const std::string&>() == id;
}

// The brief's items are read in place, never copied, except into the
// view: a member of a large story is cited by items listing hundreds of
// sources, and every member's view is built at each rebuild.
bool Cites(const json& item, const std::string& id, const char* key = "sources") {
  auto it = item.find(key);
  if (it == item.end()) return false;
  if (it->is_string()) return IsId(*it, id);
  return it->is_array() && std::any_of(it->begin(), it->end(), [&](const json& v) { return IsId(v, id); });
}

const json* Section(const json& brief, const char* section) {
  auto it = brief.find(section);
  return it == brief.end() || !it->is_array() ? nullptr : &*it;
}

// The statements (summary first, then facts) with this article's span.
json Statements(const json& brief, const std::string& id) {
  json out = json::array();
  for (const char* section : {"summary", "facts"}) {
    const json* items = Section(brief, section);
    if (items == nullptr) continue;
    for (const json& st : *items) {
      auto spans = st.find("spans");
      if (spans == st.end() || !spans->is_array()) continue;
      for (const json& span : *spans) {
        auto article = span.find("article");
        if (article == span.end() || !IsId(*article, id)) continue;
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
  const json* items = Section(brief, section);
  if (items == nullptr) return out;
  for (const json& item : *items) {
    if (Cites(item, id, key)) out.push_back(item);
  }
  return out;
}

// Quotes the article carries, with the wording it used.
json Quotes(const json& brief, const std::string& id) {
  json out = json::array();
  const json* items = Section(brief, "quotes");
  if (items == nullptr) return out;
  for (const json& q : *items) {
    if (!Cites(q, id)) continue;
    std::string wording = q.value("text", "");
    auto variants = q.find("variants");
    if (variants != q.end() && variants->is_array()) {
      for (const json& v : *variants) {
        auto source = v.find("source");
        if (source != v.end() && IsId(*source, id)) wording = v.value("text", wording);
      }
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
