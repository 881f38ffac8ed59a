#include "ingest/article_object.h"

#include <cstdio>

#include "base/hasher.h"
#include "ingest/flat_json.h"

namespace storyfuse {
namespace {

using nlohmann::json;

Status NotA(const char* key, const char* what) {
  return Status::InvalidArgument(std::string("field \"") + key + "\" is not " + what);
}

// An optional string field; a present value of another type is an error.
Status StringField(const json& obj, const char* key, std::string* out) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return Status::Ok();
  if (!it->is_string()) return NotA(key, "a string");
  *out = it->get<std::string>();
  return Status::Ok();
}

// Ids are often numbers in exported data sets.
Status IdField(const json& obj, std::string* out) {
  auto it = obj.find("id");
  if (it == obj.end() || it->is_null()) return Status::Ok();
  if (it->is_number_integer() || it->is_number_unsigned()) {
    *out = it->dump();
  } else if (it->is_string()) {
    *out = it->get<std::string>();
  } else {
    return NotA("id", "a string or an integer");
  }
  if (out->size() > ArticleObject::kMaxIdBytes) {
    return Status::InvalidArgument("field \"id\" is longer than 256 bytes");
  }
  return Status::Ok();
}

// One author as a string, or a list of them.
Status AuthorsField(const json& obj, std::vector<std::string>* out) {
  auto it = obj.find("authors");
  if (it == obj.end() || it->is_null()) return Status::Ok();
  if (it->is_string()) {
    if (!it->get<std::string>().empty()) out->push_back(it->get<std::string>());
    return Status::Ok();
  }
  if (!it->is_array()) return NotA("authors", "a string or an array of strings");
  for (const json& a : *it) {
    if (!a.is_string()) return NotA("authors", "a string or an array of strings");
    if (!a.get<std::string>().empty()) out->push_back(a.get<std::string>());
  }
  return Status::Ok();
}

// Gold labels are strings or numbers in evaluation files.
void LabelField(const json& obj, std::string* out) {
  auto it = obj.find("label");
  if (it == obj.end() || it->is_null()) return;
  *out = it->is_string() ? it->get<std::string>() : it->dump();
}

bool Blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

Status ArticleObject::Read(const json& obj, RawDoc* doc) {
  if (!obj.is_object()) return Status::InvalidArgument("not a JSON object");
  std::string text, html;
  STORYFUSE_RETURN_IF_ERROR(StringField(obj, "text", &text));
  STORYFUSE_RETURN_IF_ERROR(StringField(obj, "html", &html));
  STORYFUSE_RETURN_IF_ERROR(IdField(obj, &doc->id));
  STORYFUSE_RETURN_IF_ERROR(StringField(obj, "url", &doc->url));
  STORYFUSE_RETURN_IF_ERROR(StringField(obj, "outlet", &doc->outlet));
  STORYFUSE_RETURN_IF_ERROR(StringField(obj, "title", &doc->title));
  STORYFUSE_RETURN_IF_ERROR(StringField(obj, "published", &doc->published));
  STORYFUSE_RETURN_IF_ERROR(StringField(obj, "language", &doc->language));
  STORYFUSE_RETURN_IF_ERROR(AuthorsField(obj, &doc->authors));
  LabelField(obj, &doc->label);
  bool use_html = !Blank(html);
  if (!use_html && Blank(text)) {
    return Status::InvalidArgument("missing text: no non-empty \"text\" or \"html\" field");
  }
  doc->format = use_html ? DocFormat::kHtml : DocFormat::kText;
  doc->bytes = use_html ? std::move(html) : std::move(text);
  if (doc->id.empty()) doc->id = DefaultId(doc->bytes);
  return Status::Ok();
}

bool ArticleObject::ReadFlat(std::string_view line, RawDoc* doc) {
  std::optional<FlatJson::Members> members = FlatJson::Parse(line);
  if (!members) return false;
  using Kind = FlatJsonValue::Kind;
  std::string text, html;
  struct StringSlot {
    std::string_view key;
    std::string* out;
  };
  const StringSlot slots[] = {{"text", &text},
                              {"html", &html},
                              {"id", &doc->id},
                              {"url", &doc->url},
                              {"outlet", &doc->outlet},
                              {"title", &doc->title},
                              {"published", &doc->published},
                              {"language", &doc->language},
                              {"label", &doc->label}};
  constexpr size_t kSlots = sizeof(slots) / sizeof(slots[0]);
  // nlohmann keeps the last of duplicate members; such lines go to it.
  bool seen[kSlots + 1] = {};
  for (auto& [key, value] : *members) {
    if (key == "authors") {
      if (seen[kSlots]) return false;
      seen[kSlots] = true;
      if (value.kind == Kind::kString) {
        if (!value.text.empty()) doc->authors.push_back(std::move(value.text));
      } else if (value.kind == Kind::kStringArray) {
        for (std::string& a : value.items) {
          if (!a.empty()) doc->authors.push_back(std::move(a));
        }
      } else if (value.kind != Kind::kNull) {
        return false;
      }
      continue;
    }
    for (size_t k = 0; k < kSlots; ++k) {
      if (key != slots[k].key) continue;
      if (seen[k]) return false;
      seen[k] = true;
      // Numbers never reach here; "label": true dumps as "true" in Read.
      if (value.kind == Kind::kString) {
        *slots[k].out = std::move(value.text);
      } else if (value.kind != Kind::kNull) {
        return false;
      }
    }
  }
  if (doc->id.size() > kMaxIdBytes) return false;
  bool use_html = !Blank(html);
  if (!use_html && Blank(text)) return false;
  doc->format = use_html ? DocFormat::kHtml : DocFormat::kText;
  doc->bytes = use_html ? std::move(html) : std::move(text);
  if (doc->id.empty()) doc->id = DefaultId(doc->bytes);
  return true;
}

std::string ArticleObject::DefaultId(std::string_view bytes) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "a-%016llx", static_cast<unsigned long long>(Hasher::Hash64(bytes, 0)));
  return buf;
}

}  // namespace storyfuse
