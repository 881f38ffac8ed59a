#include "queue/doc_message.h"

#include <nlohmann/json.hpp>

namespace storyfuse {
namespace {

const char* FormatName(DocFormat f) { return f == DocFormat::kHtml ? "html" : "text"; }

bool HasField(const StreamEntry& e, std::string_view name) {
  for (const auto& [k, v] : e.fields) {
    if (k == name) return true;
  }
  return false;
}

}  // namespace

StreamFields DocMessage::Encode(const RawDoc& doc) {
  StreamFields f = {{"v", std::to_string(kVersion)},
                    {"id", doc.id},
                    {"source", doc.source},
                    {"format", FormatName(doc.format)},
                    {"bytes", doc.bytes}};
  // Optional metadata only when present: most documents carry little.
  auto add = [&](const char* name, const std::string& value) {
    if (!value.empty()) f.emplace_back(name, value);
  };
  add("url", doc.url);
  add("outlet", doc.outlet);
  add("title", doc.title);
  if (!doc.authors.empty()) f.emplace_back("authors", nlohmann::json(doc.authors).dump());
  add("published", doc.published);
  add("language", doc.language);
  add("label", doc.label);
  return f;
}

Result<RawDoc> DocMessage::Decode(const StreamEntry& e) {
  auto bad = [&](const std::string& why) { return Status::InvalidArgument("queue entry " + e.id + ": " + why); };
  if (e.Field("v") != std::to_string(kVersion)) {
    return bad("message version \"" + e.Field("v") + "\", this build reads " + std::to_string(kVersion));
  }
  RawDoc d;
  d.id = e.Field("id");
  if (d.id.empty()) return bad("no id");
  if (!HasField(e, "bytes")) return bad("no bytes");
  d.bytes = e.Field("bytes");
  d.source = e.Field("source");
  std::string format = e.Field("format");
  if (format == "html") {
    d.format = DocFormat::kHtml;
  } else if (format != "text") {
    return bad("unknown format \"" + format + "\"");
  }
  d.url = e.Field("url");
  d.outlet = e.Field("outlet");
  d.title = e.Field("title");
  if (std::string authors = e.Field("authors"); !authors.empty()) {
    nlohmann::json j = nlohmann::json::parse(authors, nullptr, /*allow_exceptions=*/false);
    if (!j.is_array()) return bad("authors is not a JSON array");
    for (const auto& a : j) {
      if (!a.is_string()) return bad("an author is not a string");
      d.authors.push_back(a.get<std::string>());
    }
  }
  d.published = e.Field("published");
  d.language = e.Field("language");
  d.label = e.Field("label");
  return d;
}

}  // namespace storyfuse
