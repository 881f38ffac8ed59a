#include "eval/entity_corpus.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "base/file.h"
#include "text/utf8.h"

namespace storyfuse {

std::vector<uint32_t> CodePointByteOffsets(std::string_view text) {
  std::vector<uint32_t> offsets;
  offsets.reserve(text.size() + 1);
  size_t pos = 0;
  while (pos < text.size()) {
    offsets.push_back(static_cast<uint32_t>(pos));
    DecodeUtf8(text, &pos);
  }
  offsets.push_back(static_cast<uint32_t>(text.size()));
  return offsets;
}

Result<EntityDocument> ParseEntityDocument(std::string_view line) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return Status::Corruption("not a JSON object");
  if (!j.contains("text") || !j["text"].is_string()) return Status::Corruption("no string field `text`");
  EntityDocument doc;
  doc.text = j["text"].get<std::string>();
  if (j.contains("id") && j["id"].is_string()) doc.id = j["id"].get<std::string>();
  if (j.contains("date") && j["date"].is_string()) doc.date = j["date"].get<std::string>();
  size_t code_points = CodePointByteOffsets(doc.text).size() - 1;
  if (j.contains("entities")) {
    if (!j["entities"].is_array()) return Status::Corruption("`entities` is not an array");
    for (const nlohmann::json& e : j["entities"]) {
      if (!e.is_object() || !e.contains("start") || !e.contains("end") || !e.contains("type") ||
          !e["start"].is_number_unsigned() || !e["end"].is_number_unsigned() || !e["type"].is_string()) {
        return Status::Corruption("an entity lacks `start`, `end` or `type`");
      }
      NameSpan s;
      s.begin = e["start"].get<uint32_t>();
      s.end = e["end"].get<uint32_t>();
      if (s.begin >= s.end || s.end > code_points) return Status::Corruption("an entity span lies outside the text");
      if (!ParseNameKind(e["type"].get<std::string>(), &s.kind)) {
        return Status::Corruption("unknown entity type " + e["type"].get<std::string>());
      }
      doc.gold.push_back(s);
    }
  }
  std::stable_sort(doc.gold.begin(), doc.gold.end(),
                   [](const NameSpan& a, const NameSpan& b) { return a.begin < b.begin; });
  return doc;
}

std::vector<AnnotatedText> ToAnnotatedTexts(const std::vector<EntityDocument>& docs) {
  std::vector<AnnotatedText> out;
  out.reserve(docs.size());
  for (const EntityDocument& d : docs) {
    std::vector<uint32_t> at = CodePointByteOffsets(d.text);
    AnnotatedText a;
    a.text = d.text;
    for (const NameSpan& s : d.gold) a.names.push_back({Span{at[s.begin], at[s.end]}, s.kind});
    out.push_back(std::move(a));
  }
  return out;
}

Result<std::vector<EntityDocument>> ReadEntityCorpus(const std::string& path) {
  STORYFUSE_ASSIGN_OR_RETURN(std::string bytes, ReadWholeFile(path));
  std::vector<EntityDocument> docs;
  std::string_view all = bytes;
  size_t line_no = 0;
  while (!all.empty()) {
    size_t nl = all.find('\n');
    std::string_view line = all.substr(0, nl);
    all = nl == std::string_view::npos ? std::string_view() : all.substr(nl + 1);
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    Result<EntityDocument> doc = ParseEntityDocument(line);
    if (!doc.ok()) {
      return Status::Corruption(path + ":" + std::to_string(line_no) + ": " + doc.status().message());
    }
    docs.push_back(std::move(doc).value());
  }
  return docs;
}

}  // namespace storyfuse
