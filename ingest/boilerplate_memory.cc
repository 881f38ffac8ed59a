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
  LearnHashes(outlet, DistinctHashes(lines));
}

std::vector<uint64_t> BoilerplateMemory::DistinctHashes(const std::vector<std::string_view>& lines) {
  std::vector<uint64_t> out;
  std::unordered_set<uint64_t> seen;
  for (std::string_view l : lines) {
    uint64_t h = Hash(l);
    if (seen.insert(h).second) out.push_back(h);
  }
  return out;
}

void BoilerplateMemory::LearnHashes(std::string_view outlet, const std::vector<uint64_t>& hashes) {
  if (outlet.empty()) return;
  std::unique_lock lock(mu_);
  auto& table = counts_[std::string(outlet)];
  for (uint64_t h : hashes) ++table[h];
  if (table.size() > kMaxLinesPerOutlet) std::erase_if(table, [](const auto& kv) { return kv.second < 2; });
}

void BoilerplateMemory::AddCount(std::string_view outlet, uint64_t hash, uint32_t count) {
  if (outlet.empty()) return;
  std::unique_lock lock(mu_);
  counts_[std::string(outlet)][hash] += count;
}

bool BoilerplateMemory::WouldDrop(const BoilerplateEvidence& e) const {
  if (!e.cleaned || e.check_outlet.empty() || e.kept.empty()) return false;
  std::shared_lock lock(mu_);
  auto it = counts_.find(e.check_outlet);
  if (it == counts_.end()) return false;
  size_t hits = 0;
  for (uint64_t h : e.kept) {
    auto c = it->second.find(h);
    hits += c != it->second.end() && c->second >= kRepeatArticles;
  }
  // As TextCleaner's step: never the whole body.
  return hits > 0 && hits < e.kept.size();
}

void BoilerplateMemory::Learn(const BoilerplateEvidence& e) {
  if (e.cleaned) LearnHashes(e.learn_outlet, e.lines);
}

size_t BoilerplateMemory::outlets() const {
  std::shared_lock lock(mu_);
  return counts_.size();
}

}  // namespace storyfuse
