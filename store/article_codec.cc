#include "store/article_codec.h"

#include <nlohmann/json.hpp>

namespace storyfuse {

std::string AuthorsJson(const std::vector<std::string>& authors) { return nlohmann::json(authors).dump(); }

std::vector<std::string> AuthorsFromJson(const std::string& json) {
  nlohmann::json j = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  std::vector<std::string> out;
  if (!j.is_array()) return out;
  for (const auto& a : j) {
    if (a.is_string()) out.push_back(a.get<std::string>());
  }
  return out;
}

std::string CorrectionsJson(const std::vector<ArticleCorrection>& corrections) {
  nlohmann::json out = nlohmann::json::array();
  for (const ArticleCorrection& c : corrections) {
    out.push_back({{"begin", c.input.begin}, {"end", c.input.end}, {"text", c.text}});
  }
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<ArticleCorrection> CorrectionsFromJson(const std::string& json, std::string_view input) {
  nlohmann::json j = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  std::vector<ArticleCorrection> out;
  if (!j.is_array()) return out;
  for (const auto& c : j) {
    if (!c.is_object() || !c.contains("begin") || !c.contains("end") || !c.contains("text")) continue;
    const auto &begin = c["begin"], &end = c["end"], &text = c["text"];
    if (!begin.is_number_unsigned() || !end.is_number_unsigned() || !text.is_string()) continue;
    uint64_t b = begin.get<uint64_t>(), e = end.get<uint64_t>();
    if (b > e || e > input.size()) continue;
    out.push_back({Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)}, text.get<std::string>()});
  }
  return out;
}

}  // namespace storyfuse
