#include "brief/match_sentence_cache.h"

#include <vector>

namespace storyfuse {
namespace {

template <typename T>
size_t VectorBytes(const std::vector<T>& v) {
  return v.capacity() * sizeof(T);
}

}  // namespace

MatchSentenceCache::MatchSentenceCache(const StatementMatcher* matcher, size_t max_bytes)
    : matcher_(matcher), max_bytes_(max_bytes) {}

size_t MatchSentenceCache::Cost(std::string_view sentence, const MatchSentence& r) {
  // The vectors' heap blocks dominate; the struct, the key and the two
  // index nodes are counted too, so that many short sentences stay bounded.
  size_t bytes = sizeof(MatchSentence) + sizeof(Entry) + 2 * sentence.size() + 64;
  bytes += VectorBytes(r.tokens) + VectorBytes(r.sequence) + VectorBytes(r.stems) + VectorBytes(r.content) +
           VectorBytes(r.prefixes) + VectorBytes(r.content_loose) + VectorBytes(r.bigrams) + VectorBytes(r.trigrams) +
           VectorBytes(r.content_bigrams) + VectorBytes(r.plain) + VectorBytes(r.chars) + VectorBytes(r.chars3) +
           VectorBytes(r.numbers) + VectorBytes(r.word_numbers) + VectorBytes(r.names) + VectorBytes(r.speaker) +
           VectorBytes(r.lead_speaker) + VectorBytes(r.quoted) + VectorBytes(r.weekdays) + VectorBytes(r.months) +
           VectorBytes(r.senses) + VectorBytes(r.clauses);
  for (const std::vector<uint64_t>& c : r.clauses) bytes += VectorBytes(c);
  return bytes;
}

std::shared_ptr<const MatchSentence> MatchSentenceCache::Read(std::string_view sentence) {
  if (auto it = index_.find(sentence); it != index_.end()) {
    ++hits_;
    lru_.splice(lru_.begin(), lru_, it->second);
    return it->second->read;
  }
  ++misses_;
  auto read = std::make_shared<const MatchSentence>(matcher_->Read(sentence));
  size_t cost = Cost(sentence, *read);
  if (cost > max_bytes_) return read;
  while (!lru_.empty() && bytes_ + cost > max_bytes_) {
    bytes_ -= lru_.back().cost;
    index_.erase(lru_.back().text);
    lru_.pop_back();
  }
  lru_.push_front(Entry{std::string(sentence), read, cost});
  index_.emplace(lru_.front().text, lru_.begin());
  bytes_ += cost;
  return read;
}

}  // namespace storyfuse
