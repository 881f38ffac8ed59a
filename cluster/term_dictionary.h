// TermDictionary: the clustering vocabulary. Gives each term (a word stem,
// a name, a number) a dense id and learns document frequencies online, as
// articles stream in, for inverse-document-frequency weights.
//
// Not thread-safe.
#ifndef STORYFUSE_CLUSTER_TERM_DICTIONARY_H_
#define STORYFUSE_CLUSTER_TERM_DICTIONARY_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "base/hashed_key_map.h"

namespace storyfuse {

enum class TermKind : uint8_t { kWord, kName, kNumber };

class TermDictionary {
 public:
  // Id of (kind, text), added with document frequency 0 when new.
  uint32_t Id(TermKind kind, std::string_view text);
  TermKind Kind(uint32_t id) const { return kinds_[id]; }
  // Kind of every id, indexed by id (size() entries); valid until the next Id.
  const TermKind* kinds() const { return kinds_.data(); }

  // Forgets all document counts; ids stay.
  void ResetCounts();
  // Counts one document containing each of `terms` (distinct ids).
  void AddDocument(const std::vector<uint32_t>& terms);

  // ln((1 + documents) / (1 + df)) + 1: rare terms weigh more; a term in
  // every document still weighs 1.
  double Idf(uint32_t id) const { return log_docs_ - log_df_[id] + 1.0; }

  size_t documents() const { return documents_; }
  size_t size() const { return kinds_.size(); }

 private:
  // Keyed by a 64-bit hash of (kind, text): a collision among a few million
  // terms has odds of about 1e-7, and costs one term sharing another's id.
  HashedKeyMap<uint32_t> ids_;
  std::vector<uint32_t> df_;
  std::vector<float> log_df_;  // ln(1 + df), kept with df_ so Idf is a subtraction
  double log_docs_ = 0;        // ln(1 + documents)
  std::vector<TermKind> kinds_;
  size_t documents_ = 0;
};

}  // namespace storyfuse

#endif  // STORYFUSE_CLUSTER_TERM_DICTIONARY_H_
