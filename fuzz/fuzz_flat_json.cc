// libFuzzer target: arbitrary bytes as one JSONL line, read by the fast
// FlatJson reader and by nlohmann's full parser (the reference). Checks the
// fast path's contract (ingest/flat_json.h): whatever it accepts, nlohmann
// accepts too, as an object with the same members and values (for a
// repeated member, the last one, as nlohmann keeps it).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "ingest/flat_json.h"

namespace {

bool SameValue(const storyfuse::FlatJsonValue& v, const nlohmann::json& j) {
  using Kind = storyfuse::FlatJsonValue::Kind;
  switch (v.kind) {
    case Kind::kNull:
      return j.is_null();
    case Kind::kTrue:
      return j.is_boolean() && j.get<bool>();
    case Kind::kFalse:
      return j.is_boolean() && !j.get<bool>();
    case Kind::kString:
      return j.is_string() && j.get_ref<const std::string&>() == v.text;
    case Kind::kStringArray:
      if (!j.is_array() || j.size() != v.items.size()) return false;
      for (size_t i = 0; i < v.items.size(); ++i) {
        if (!j[i].is_string() || j[i].get_ref<const std::string&>() != v.items[i]) return false;
      }
      return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view line(reinterpret_cast<const char*>(data), size);
  auto members = storyfuse::FlatJson::Parse(line);
  if (!members) return 0;  // refused: the caller falls back to nlohmann
  nlohmann::json full = nlohmann::json::parse(line, nullptr, false);
  if (full.is_discarded() || !full.is_object()) __builtin_trap();
  for (size_t i = 0; i < members->size(); ++i) {
    const auto& [name, value] = (*members)[i];
    bool last = true;
    for (size_t k = i + 1; k < members->size(); ++k) last = last && (*members)[k].first != name;
    if (!last) continue;
    if (!full.contains(name) || !SameValue(value, full[name])) __builtin_trap();
  }
  if (full.size() > members->size()) __builtin_trap();
  return 0;
}
