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
// The memory is the one cleaning step that depends on the order articles
// arrive in. A cleaner may leave it out and describe instead what it would
// have needed (BoilerplateEvidence): a process that sees the articles in
// input order (the assigner of issue #25) then asks WouldDrop, cleans again
// with the memory only the articles it changes, and Learns the rest, so
// cleaning in parallel gives what cleaning in order gives.
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

// What cleaning one article would read from and add to its outlet's
// memory, recorded by a cleaner that leaves the memory out
// (TextCleaner::Clean with evidence).
struct BoilerplateEvidence {
  bool cleaned = false;         // the text cleaner ran (it learns even from an article it rejects)
  std::string check_outlet;     // the outlet whose memory the repeated-line step reads ("": none)
  std::vector<uint64_t> kept;   // the hashes of the lines still kept at that step, in order
  std::string learn_outlet;     // the outlet it learns for ("": none)
  std::vector<uint64_t> lines;  // the distinct hashes of all its lines
};

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

  // The evidence's side of the two calls above: whether the repeated-line
  // step would drop any line of that article with this memory (some, not
  // all, of its kept lines are repeated), and learning its lines.
  bool WouldDrop(const BoilerplateEvidence& evidence) const;
  void Learn(const BoilerplateEvidence& evidence);

  // Adds `count` articles to `outlet`'s count of the line `hash`: restores
  // counts kept elsewhere (the assigner's, in PostgreSQL). Not pruned
  // (kMaxLinesPerOutlet) until the outlet next learns.
  void AddCount(std::string_view outlet, uint64_t hash, uint32_t count);

  // A line's key (FNV-1a of its trimmed bytes: stable across processes).
  static uint64_t Hash(std::string_view line);
  // The distinct keys of `lines`, in first-seen order.
  static std::vector<uint64_t> DistinctHashes(const std::vector<std::string_view>& lines);

 private:
  void LearnHashes(std::string_view outlet, const std::vector<uint64_t>& hashes);
  mutable std::shared_mutex mu_;  // guards counts_
  std::unordered_map<std::string, std::unordered_map<uint64_t, uint32_t>> counts_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_BOILERPLATE_MEMORY_H_
