#include "cluster/term_dictionary.h"

#include <algorithm>
#include <cmath>

#include "base/hasher.h"

namespace storyfuse {

namespace {

// Per kind, XORed into the text's hash. Seeds one apart (the old key was
// Hash64(text, seed + kind)) made short terms collide across kinds: XXH3
// keys texts of 1-3 bytes as (bytes ^ (secret + seed)), so the name "lee"
// and the word "led" got one id. A constant XORed into one well-mixed hash
// leaves two kinds' keys equal only by a 64-bit chance.
constexpr uint64_t kKindSalt[] = {0x0ULL, 0x9b3c5e71d24a8f06ULL, 0x4f17a2c8e9d36b5dULL};

}  // namespace

uint32_t TermDictionary::Id(TermKind kind, std::string_view text) {
  uint64_t key = Hasher::Hash64(text) ^ kKindSalt[static_cast<int>(kind)];
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
