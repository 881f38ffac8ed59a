// CachedStoryRepository: a StoryRepository that answers repeated reads
// (story list pages, a story's brief, an article's view, a search) from
// memory for at most `max_age`, and passes everything else through.
//
// Why: a read against PostgreSQL costs about 1.7 ms of CPU (the engine's
// 1.3 plus serve's 0.4; docs/scale.md "The load bar"), and readers ask for
// the same few things (the first list pages, the stories on them) many
// times a second. A hit costs a hash lookup and a copy.
//
// Staleness bound: an answer is at most `max_age` older than the store,
// counted from the moment the read that produced it began. A write through
// this repository (Ingest, Correct) empties the cache, so a client of this
// server sees its own writes at once; writes by other processes (the
// workers beside `serve --read-only`) show within `max_age`. Errors are
// never cached (a NotFound id may be stored a moment later).
//
// Bounded: entries are dropped oldest first once their bytes pass
// `max_bytes`, and expired ones as new ones come in, so the cache holds
// about one `max_age` of distinct answers.
//
// Thread-safe: one mutex guards the index, held for lookups and inserts
// only (never during a read of the inner repository); a hit's value is
// shared, copied outside the lock. Concurrent misses of one key each read
// the inner repository. Does not own `inner`.
#ifndef STORYFUSE_PIPELINE_CACHED_STORY_REPOSITORY_H_
#define STORYFUSE_PIPELINE_CACHED_STORY_REPOSITORY_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "pipeline/story_repository.h"

namespace storyfuse {

class CachedStoryRepository : public StoryRepository {
 public:
  using Clock = std::chrono::steady_clock;

  struct Options {
    // 1 s: the workers take seconds to revise and rebuild a story after
    // its articles arrive, and a reader's list is already a moment old
    // when they click; one more second is not a different answer to a
    // person, while a hot page read 500 times a second becomes one store
    // read a second. `serve --cache-ms` sets it; 0 turns the cache off.
    static constexpr std::chrono::milliseconds kDefaultMaxAge{1000};
    // 64 MiB: one second of distinct answers at 1,000 reads/s of the
    // largest briefs (~50 KB) fits; an answer larger than this is not kept.
    static constexpr size_t kDefaultMaxBytes = size_t{64} << 20;

    std::chrono::milliseconds max_age = kDefaultMaxAge;
    size_t max_bytes = kDefaultMaxBytes;
    // The time source (tests step it); steady_clock when empty.
    std::function<Clock::time_point()> clock;
  };

  struct CacheStats {
    int64_t hits = 0;
    int64_t misses = 0;
    size_t entries = 0;
    size_t bytes = 0;
  };

  CachedStoryRepository(StoryRepository* inner, Options options);
  ~CachedStoryRepository() override;

  Result<StoryList> ListStories(const StoryQuery& query) override;
  Result<std::string> StoryBriefJson(const std::string& story_id) override;
  Result<std::string> ArticleViewJson(const std::string& article_id) override;
  Result<std::vector<SearchResult>> Search(const std::string& q, int limit, const QueryControl& control) override;
  // Writes and Stats pass through; a write empties the cache (after it,
  // whatever its outcome).
  Result<std::vector<IngestOutcome>> Ingest(std::vector<RawDoc> docs) override;
  Result<RepositoryStats> Stats() override;
  Result<std::vector<ArticleMove>> Correct(const StoryCorrection& correction) override;

  // Drops every entry; reads already under way do not put theirs back.
  void Invalidate();
  CacheStats stats() const;

 private:
  using Value = std::variant<StoryList, std::string, std::vector<SearchResult>>;
  struct Entry {
    std::string key;
    std::shared_ptr<const Value> value;
    Clock::time_point read_at;  // when the read that produced it began
    size_t bytes = 0;
  };

  // The cached value of `key` when fresh; else runs `fetch` and keeps an
  // OK answer.
  template <typename T, typename Fetch>
  Result<T> GetOrFetch(const std::string& key, Fetch fetch);
  std::shared_ptr<const Value> Lookup(const std::string& key, Clock::time_point now);
  void Insert(std::string key, std::shared_ptr<const Value> value, size_t bytes, Clock::time_point read_at,
              uint64_t generation);
  void DropLocked(std::list<Entry>::iterator it);
  Clock::time_point Now() const;

  StoryRepository* inner_;
  Options options_;
  mutable std::mutex mu_;
  std::list<Entry> fifo_;  // oldest read first: all share max_age, so they expire in this order
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  size_t bytes_ = 0;
  uint64_t generation_ = 0;  // bumped by Invalidate
  int64_t hits_ = 0, misses_ = 0;
};

}  // namespace storyfuse

#endif  // STORYFUSE_PIPELINE_CACHED_STORY_REPOSITORY_H_
