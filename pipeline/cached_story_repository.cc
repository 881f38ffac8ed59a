#include "pipeline/cached_story_repository.h"

#include <utility>

namespace storyfuse {
namespace {

// Separates the parts of a key; it cannot occur in an id or a query that
// a client sends, so two different requests never share a key.
constexpr char kSep = '\x1f';

size_t BytesOf(const std::string& s) { return sizeof(std::string) + s.size(); }

size_t BytesOf(const StoryList& list) {
  size_t n = sizeof(StoryList);
  for (const StorySummary& s : list.stories) {
    n += sizeof(StorySummary) + s.id.size() + s.headline.size() + s.updated.size() + s.published.size();
  }
  return n;
}

size_t BytesOf(const std::vector<SearchResult>& hits) {
  size_t n = sizeof(hits);
  for (const SearchResult& h : hits) {
    n += sizeof(SearchResult) + h.kind.size() + h.id.size() + h.title.size() + h.story_id.size() + h.snippet.size();
  }
  return n;
}

// Bookkeeping per entry besides its key and value (list node, index slot).
constexpr size_t kEntryOverhead = 128;

}  // namespace

CachedStoryRepository::CachedStoryRepository(StoryRepository* inner, Options options)
    : inner_(inner), options_(std::move(options)) {}

CachedStoryRepository::~CachedStoryRepository() = default;

CachedStoryRepository::Clock::time_point CachedStoryRepository::Now() const {
  return options_.clock ? options_.clock() : Clock::now();
}

template <typename T, typename Fetch>
Result<T> CachedStoryRepository::GetOrFetch(const std::string& key, Fetch fetch) {
  Clock::time_point now = Now();
  if (std::shared_ptr<const Value> hit = Lookup(key, now)) return std::get<T>(*hit);
  uint64_t generation;
  {
    std::lock_guard<std::mutex> lock(mu_);
    generation = generation_;
  }
  Result<T> fresh = fetch();
  if (!fresh.ok()) return fresh;
  size_t bytes = kEntryOverhead + key.size() + BytesOf(*fresh);
  if (bytes > options_.max_bytes) return fresh;
  auto value = std::make_shared<const Value>(std::in_place_type<T>, *fresh);
  Insert(key, std::move(value), bytes, now, generation);
  return fresh;
}

std::shared_ptr<const CachedStoryRepository::Value> CachedStoryRepository::Lookup(const std::string& key,
                                                                                  Clock::time_point now) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = index_.find(key);
  if (it != index_.end() && now - it->second->read_at < options_.max_age) {
    ++hits_;
    return it->second->value;
  }
  ++misses_;
  return nullptr;
}

void CachedStoryRepository::Insert(std::string key, std::shared_ptr<const Value> value, size_t bytes,
                                   Clock::time_point read_at, uint64_t generation) {
  std::lock_guard<std::mutex> lock(mu_);
  // A write through this repository (Invalidate) since the read began: the
  // answer may predate it, and must not outlive the cache it emptied.
  if (generation != generation_) return;
  if (auto old = index_.find(key); old != index_.end()) {
    // Another miss of the same key got there first with a later read.
    if (old->second->read_at >= read_at) return;
    DropLocked(old->second);
  }
  Clock::time_point now = Now();
  while (!fifo_.empty() && (bytes_ + bytes > options_.max_bytes || now - fifo_.front().read_at >= options_.max_age)) {
    DropLocked(fifo_.begin());
  }
  fifo_.push_back({std::move(key), std::move(value), read_at, bytes});
  index_[fifo_.back().key] = std::prev(fifo_.end());
  bytes_ += bytes;
}

void CachedStoryRepository::DropLocked(std::list<Entry>::iterator it) {
  bytes_ -= it->bytes;
  index_.erase(it->key);
  fifo_.erase(it);
}

void CachedStoryRepository::Invalidate() {
  std::lock_guard<std::mutex> lock(mu_);
  ++generation_;
  index_.clear();
  fifo_.clear();
  bytes_ = 0;
}

CachedStoryRepository::CacheStats CachedStoryRepository::stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  return {hits_, misses_, index_.size(), bytes_};
}

Result<StoryList> CachedStoryRepository::ListStories(const StoryQuery& query) {
  std::string key = std::string("L") + kSep + query.q + kSep + query.since + kSep + std::to_string(query.limit) + kSep +
                    std::to_string(query.offset);
  return GetOrFetch<StoryList>(key, [&] { return inner_->ListStories(query); });
}

Result<std::string> CachedStoryRepository::StoryBriefJson(const std::string& story_id) {
  return GetOrFetch<std::string>(std::string("S") + kSep + story_id, [&] { return inner_->StoryBriefJson(story_id); });
}

Result<std::string> CachedStoryRepository::ArticleViewJson(const std::string& article_id) {
  return GetOrFetch<std::string>(std::string("A") + kSep + article_id,
                                 [&] { return inner_->ArticleViewJson(article_id); });
}

Result<std::vector<SearchResult>> CachedStoryRepository::Search(const std::string& q, int limit,
                                                                const QueryControl& control) {
  std::string key = std::string("Q") + kSep + q + kSep + std::to_string(limit);
  return GetOrFetch<std::vector<SearchResult>>(key, [&] { return inner_->Search(q, limit, control); });
}

Result<std::vector<IngestOutcome>> CachedStoryRepository::Ingest(std::vector<RawDoc> docs) {
  Result<std::vector<IngestOutcome>> out = inner_->Ingest(std::move(docs));
  Invalidate();
  return out;
}

Result<std::vector<ArticleMove>> CachedStoryRepository::Correct(const StoryCorrection& correction) {
  Result<std::vector<ArticleMove>> out = inner_->Correct(correction);
  Invalidate();
  return out;
}

Result<RepositoryStats> CachedStoryRepository::Stats() { return inner_->Stats(); }

}  // namespace storyfuse
