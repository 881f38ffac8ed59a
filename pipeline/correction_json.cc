#include "pipeline/correction_json.h"

#include <set>
#include <string>

namespace storyfuse {

using nlohmann::json;

namespace {

// A required (or optional) string member; "" when absent and optional.
Status Member(const json& value, const char* name, bool required, std::string* out) {
  auto it = value.find(name);
  if (it == value.end() || it->is_null()) {
    return required ? Status::InvalidArgument(std::string("missing \"") + name + "\"") : Status::Ok();
  }
  if (!it->is_string() || it->get_ref<const std::string&>().empty()) {
    return Status::InvalidArgument(std::string("\"") + name + "\" must be a non-empty string");
  }
  *out = it->get<std::string>();
  return Status::Ok();
}

}  // namespace

Result<StoryCorrection> CorrectionFromJson(const json& value) {
  if (!value.is_object()) return Status::InvalidArgument("a correction is a JSON object");
  StoryCorrection c;
  STORYFUSE_RETURN_IF_ERROR(Member(value, "kind", true, &c.kind));
  std::set<std::string> allowed = {"kind", "note"};
  if (c.kind == "merge") {
    STORYFUSE_RETURN_IF_ERROR(Member(value, "story", true, &c.story));
    STORYFUSE_RETURN_IF_ERROR(Member(value, "into", true, &c.target));
    allowed.insert({"story", "into"});
  } else if (c.kind == "move") {
    STORYFUSE_RETURN_IF_ERROR(Member(value, "article", true, &c.article));
    STORYFUSE_RETURN_IF_ERROR(Member(value, "to", true, &c.target));
    allowed.insert({"article", "to"});
  } else if (c.kind == "detach") {
    STORYFUSE_RETURN_IF_ERROR(Member(value, "article", true, &c.article));
    allowed.insert("article");
  } else {
    return Status::InvalidArgument("unknown kind \"" + c.kind + "\" (merge, move or detach)");
  }
  STORYFUSE_RETURN_IF_ERROR(Member(value, "note", false, &c.note));
  for (const auto& [key, member] : value.items()) {
    if (!allowed.count(key)) return Status::InvalidArgument("unknown member \"" + key + "\" for " + c.kind);
  }
  return c;
}

Result<std::vector<StoryCorrection>> CorrectionsFromText(std::string_view text, bool lines,
                                                         std::vector<size_t>* line_numbers) {
  std::vector<StoryCorrection> out;
  if (lines) {
    size_t number = 0;
    while (!text.empty()) {
      size_t end = text.find('\n');
      std::string_view line = text.substr(0, end);
      text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
      ++number;
      size_t first = line.find_first_not_of(" \t\r");
      if (first == std::string_view::npos || line[first] == '#') continue;
      json value = json::parse(line, nullptr, false);
      Result<StoryCorrection> c = value.is_discarded() ? Result<StoryCorrection>(Status::InvalidArgument("not JSON"))
                                                       : CorrectionFromJson(value);
      if (!c.ok()) return c.status().WithContext("line " + std::to_string(number));
      out.push_back(std::move(c).value());
      if (line_numbers != nullptr) line_numbers->push_back(number);
    }
    return out;
  }
  json value = json::parse(text, nullptr, false);
  if (value.is_discarded()) return Status::InvalidArgument("the body is not JSON");
  if (!value.is_array()) value = json::array({value});
  for (size_t i = 0; i < value.size(); ++i) {
    Result<StoryCorrection> c = CorrectionFromJson(value[i]);
    if (!c.ok()) return c.status().WithContext("correction " + std::to_string(i + 1));
    out.push_back(std::move(c).value());
    if (line_numbers != nullptr) line_numbers->push_back(0);
  }
  return out;
}

}  // namespace storyfuse
