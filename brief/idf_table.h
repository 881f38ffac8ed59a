// IdfTable: how rare each word stem is in a body of general text, as the
// statement matcher weighs words ("Amrozi" says more than "week"). Built by
// counting the sentences (documents) each stem occurs in; serialized in the
// matcher's model file so the brief weighs words as training did.
//
// Stems are those of brief/stem_cache (case-folded Snowball). A stem never
// seen counts as seen in no document: the rarest, heaviest kind of word.
//
// Immutable after building; const methods are thread-safe.
#ifndef STORYFUSE_BRIEF_IDF_TABLE_H_
#define STORYFUSE_BRIEF_IDF_TABLE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace storyfuse {

class IdfTable {
 public:
  // Counts one document: each distinct stem of `stems` once.
  void AddDocument(const std::vector<std::string>& stems);
  // Sets a stem's document count directly (reading a model file).
  void Set(std::string_view stem, uint32_t documents) { df_[std::string(stem)] = documents; }
  void SetDocuments(uint32_t documents) { documents_ = documents; }

  // log((1 + documents) / (1 + df)): 0 for a stem in every document, the
  // most for one never seen.
  float Idf(std::string_view stem) const;
  uint32_t documents() const { return documents_; }
  // The same table without the stems counted in fewer than `min_df`
  // documents (they then read as never seen).
  IdfTable Pruned(uint32_t min_df) const;
  // Stems counted in at least `min_df` documents, sorted (for writing).
  std::vector<std::pair<std::string, uint32_t>> Entries(uint32_t min_df) const;

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  uint32_t documents_ = 0;
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> df_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_BRIEF_IDF_TABLE_H_
