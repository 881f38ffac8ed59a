#include "cluster/term_dictionary.h"

#include <algorithm>

#include <cmath>

#include "dedupe/hasher.h"

namespace storyfuse {

uint32_t TermDictionary::Id(TermKind kind, std::string_view text) {
  uint64_t key = Hasher::Hash64(text, kSketchSeed + static_cast<uint64_t>(kind));
  auto [id, inserted] = ids_.Insert(key, static_cast<uint32_t>(kinds_.size()));
  if (inserted) {
    kinds_.push_back(kind);
    df_.push_back(0);
    log_df_.push_back(0);
  }
  return *id;
}

void TermDictionary::ResetCounts() {
  std::fill(df_.begin(), df_.end(), 0);
  std::fill(log_df_.begin(), log_df_.end(), 0.0f);
  documents_ = 0;
  log_docs_ = 0;
}

void TermDictionary::AddDocument(const std::vector<uint32_t>& terms) {
  ++documents_;
  log_docs_ = std::log(1.0 + documents_);
  for (uint32_t t : terms) log_df_[t] = static_cast<float>(std::log(1.0 + ++df_[t]));
}

}  // namespace storyfuse
