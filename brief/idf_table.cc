#include "brief/idf_table.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace storyfuse {

void IdfTable::AddDocument(const std::vector<std::string>& stems) {
  ++documents_;
  std::set<std::string_view> seen(stems.begin(), stems.end());
  for (std::string_view s : seen) ++df_[std::string(s)];
}

float IdfTable::Idf(std::string_view stem) const {
  auto it = df_.find(stem);
  uint32_t df = it == df_.end() ? 0 : it->second;
  return std::log((1.0f + documents_) / (1.0f + df));
}

IdfTable IdfTable::Pruned(uint32_t min_df) const {
  IdfTable out;
  out.documents_ = documents_;
  for (const auto& [stem, df] : df_) {
    if (df >= min_df) out.df_.emplace(stem, df);
  }
  return out;
}

std::vector<std::pair<std::string, uint32_t>> IdfTable::Entries(uint32_t min_df) const {
  std::vector<std::pair<std::string, uint32_t>> out;
  for (const auto& [stem, df] : df_) {
    if (df >= min_df) out.push_back({stem, df});
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace storyfuse
