#include "ingest/boilerplate_memory.h"

#include <mutex>
#include <unordered_set>

#include "ingest/line_shape.h"

namespace storyfuse {

uint64_t BoilerplateMemory::Hash(std::string_view line) {
  // FNV-1a: stable across runs and platforms, unlike std::hash.
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : LineShape::Trim(line)) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

bool BoilerplateMemory::IsRepeated(std::string_view outlet, std::string_view line) const {
  if (outlet.empty()) return false;
  std::shared_lock lock(mu_);
  auto it = counts_.find(std::string(outlet));
  if (it == counts_.end()) return false;
  auto c = it->second.find(Hash(line));
  return c != it->second.end() && c->second >= kRepeatArticles;
}

void BoilerplateMemory::Learn(std::string_view outlet, const std::vector<std::string_view>& lines) {
  if (outlet.empty()) return;
  // Hashed before the lock: the exclusive section only counts.
  std::unordered_set<uint64_t> seen;
  for (std::string_view l : lines) seen.insert(Hash(l));
  std::unique_lock lock(mu_);
  auto& table = counts_[std::string(outlet)];
  for (uint64_t h : seen) ++table[h];
  if (table.size() > kMaxLinesPerOutlet) std::erase_if(table, [](const auto& kv) { return kv.second < 2; });
}

size_t BoilerplateMemory::outlets() const {
  std::shared_lock lock(mu_);
  return counts_.size();
}

}  // namespace storyfuse
