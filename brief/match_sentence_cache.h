// MatchSentenceCache: sentences as a StatementMatcher reads them
// (StatementMatcher::Read), kept from one brief to the next.
//
// A brief worker rebuilds a growing story each time it changes, and almost
// every sentence it reads for the matcher was read at the story's last
// build: the reading (StatementFeatures::Read) was a fifth of a rebuild's
// CPU on the 20,000-article worker run (docs/scale.md). A reading is a
// pure function of the sentence's text and the matcher's model, so it is
// kept by text.
//
// Bounded: at most `max_bytes` of readings (estimated from their vectors'
// sizes and the keys), the least recently used dropped first. A reading
// is shared: one handed out stays valid while its holder keeps it, even
// once dropped here.
//
// Not thread-safe: one per thread (BriefBuilder owns one).
#ifndef STORYFUSE_BRIEF_MATCH_SENTENCE_CACHE_H_
#define STORYFUSE_BRIEF_MATCH_SENTENCE_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "brief/statement_matcher.h"

namespace storyfuse {

class MatchSentenceCache {
 public:
  static constexpr size_t kDefaultBytes = size_t{64} << 20;

  // `matcher` must outlive the cache; every reading is this matcher's.
  explicit MatchSentenceCache(const StatementMatcher* matcher, size_t max_bytes = kDefaultBytes);
  MatchSentenceCache(const MatchSentenceCache&) = delete;
  MatchSentenceCache& operator=(const MatchSentenceCache&) = delete;

  const StatementMatcher* matcher() const { return matcher_; }

  // `sentence` as matcher()->Read reads it: from the cache, or read now
  // and kept (unless larger than the whole budget).
  std::shared_ptr<const MatchSentence> Read(std::string_view sentence);

  size_t size() const { return index_.size(); }
  size_t bytes() const { return bytes_; }
  int64_t hits() const { return hits_; }
  int64_t misses() const { return misses_; }

  // What one reading of `sentence` is counted as against the budget.
  static size_t Cost(std::string_view sentence, const MatchSentence& read);

 private:
  struct Entry {
    std::string text;
    std::shared_ptr<const MatchSentence> read;
    size_t cost = 0;
  };

  const StatementMatcher* matcher_;
  size_t max_bytes_;
  size_t bytes_ = 0;
  int64_t hits_ = 0;
  int64_t misses_ = 0;
  std::list<Entry> lru_;                                                    // most recently used first
  std::unordered_map<std::string_view, std::list<Entry>::iterator> index_;  // keys view Entry::text
};

}  // namespace storyfuse

#endif  // STORYFUSE_BRIEF_MATCH_SENTENCE_CACHE_H_
