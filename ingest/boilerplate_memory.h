// BoilerplateMemory: which lines an outlet repeats across its articles.
//
// Counts, per outlet, in how many cleaned articles each distinct line (by
// a 64-bit hash of its bytes) occurred. A line seen in at least
// kRepeatArticles earlier articles of the same outlet is boilerplate (a
// slogan, a newsletter pitch, a standing footer). Streaming: it knows only
// what it has seen so far, so the first articles of an outlet are cleaned
// without this evidence. Lines of articles with no outlet are not counted:
// copies of one wire story carried by unknown sites would otherwise teach
// it to delete real text. Memory is bounded: an outlet's table is cleared of
// once-seen lines when it exceeds kMaxLinesPerOutlet.
//
// Thread-safe: one memory may be shared by the cleaners of several threads
// (IsRepeated takes a shared lock, Learn an exclusive one for the few
// hash updates of one article), so documents are cleaned in parallel and
// still learn from each other.
#ifndef STORYFUSE_INGEST_BOILERPLATE_MEMORY_H_
#define STORYFUSE_INGEST_BOILERPLATE_MEMORY_H_

#include <cstddef>
#include <cstdint>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace storyfuse {

class BoilerplateMemory {
 public:
  static constexpr uint32_t kRepeatArticles = 2;
  static constexpr size_t kMaxLinesPerOutlet = 200000;

  // True when `outlet` (non-empty) has used `line` in kRepeatArticles or more
  // earlier articles.
  bool IsRepeated(std::string_view outlet, std::string_view line) const;

  // Records the distinct lines of one article of `outlet`; no-op when the
  // outlet is empty.
  void Learn(std::string_view outlet, const std::vector<std::string_view>& lines);

  size_t outlets() const;

 private:
  static uint64_t Hash(std::string_view line);
  mutable std::shared_mutex mu_;  // guards counts_
  std::unordered_map<std::string, std::unordered_map<uint64_t, uint32_t>> counts_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_BOILERPLATE_MEMORY_H_
