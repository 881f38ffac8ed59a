#include "server/article_payload.h"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "ingest/article_object.h"
#include "text/utf8.h"

namespace storyfuse {
namespace {

using nlohmann::json;

Status FillDoc(const json& obj, RawDoc* doc) {
  STORYFUSE_RETURN_IF_ERROR(ArticleObject::Read(obj, doc));
  doc->source = "POST /api/articles";
  return Status::Ok();
}

Status ParseJson(std::string_view text, json* out) {
  *out = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!out->is_discarded()) return Status::Ok();
  try {
    json again = json::parse(text);  // again, for the parser's message
    (void)again;
  } catch (const json::parse_error& e) {
    return Status::InvalidArgument(std::string("invalid JSON: ") + e.what());
  }
  return Status::InvalidArgument("invalid JSON");
}

Result<std::vector<RawDoc>> ParseJsonBody(std::string_view body) {
  json value;
  STORYFUSE_RETURN_IF_ERROR(ParseJson(body, &value));
  std::vector<RawDoc> docs;
  if (!value.is_array()) {
    docs.emplace_back();
    STORYFUSE_RETURN_IF_ERROR(FillDoc(value, &docs.back()));
    return docs;
  }
  if (value.empty()) return Status::InvalidArgument("empty array: no articles");
  for (size_t i = 0; i < value.size(); ++i) {
    docs.emplace_back();
    Status st = FillDoc(value[i], &docs.back());
    if (!st.ok()) return st.WithContext("article " + std::to_string(i + 1));
  }
  return docs;
}

Result<std::vector<RawDoc>> ParseJsonLines(std::string_view body) {
  std::vector<RawDoc> docs;
  size_t line_no = 0;
  for (size_t pos = 0; pos < body.size();) {
    size_t eol = body.find('\n', pos);
    if (eol == std::string_view::npos) eol = body.size();
    std::string_view line = body.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    json value;
    Status st = ParseJson(line, &value);
    if (st.ok()) {
      docs.emplace_back();
      st = FillDoc(value, &docs.back());
    }
    if (!st.ok()) return st.WithContext("line " + std::to_string(line_no));
  }
  if (docs.empty()) return Status::InvalidArgument("no articles in the JSON Lines body");
  return docs;
}

}  // namespace

Result<std::vector<RawDoc>> ParseArticlePayload(std::string_view content_type, std::string_view body) {
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Status::InvalidArgument("empty body: post a JSON object, a JSON array or JSON Lines");
  }
  if (size_t bad = FindInvalidUtf8(body); bad != std::string_view::npos) {
    return Status::InvalidArgument("invalid UTF-8 at byte " + std::to_string(bad));
  }
  bool lines = content_type == "application/x-ndjson" || content_type == "application/jsonl" ||
               content_type == "application/x-jsonlines";
  return lines ? ParseJsonLines(body) : ParseJsonBody(body);
}

}  // namespace storyfuse
