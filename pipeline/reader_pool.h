// ReaderPool: read connections to one store, one per concurrent request,
// so that reads never wait on the writer's connection (the store lets
// readers run beside its one writer).
//
// Thread-safe. A Lease returns its connection to the pool on destruction;
// the pool must outlive its leases.
#ifndef STORYFUSE_PIPELINE_READER_POOL_H_
#define STORYFUSE_PIPELINE_READER_POOL_H_

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/story_store.h"

namespace storyfuse {

class ReaderPool {
 public:
  // A connection borrowed from the pool.
  class Lease {
   public:
    Lease(ReaderPool* pool, std::unique_ptr<StoryStore> store) : pool_(pool), store_(std::move(store)) {}
    Lease(Lease&& o) noexcept : pool_(o.pool_), store_(std::move(o.store_)) {}
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (store_) pool_->Return(std::move(store_));
    }
    StoryStore* operator->() { return store_.get(); }
    StoryStore* get() { return store_.get(); }

   private:
    ReaderPool* pool_;
    std::unique_ptr<StoryStore> store_;
  };

  explicit ReaderPool(std::string path) : path_(std::move(path)) {}

  // Opens `n` connections now: opening one takes the store's write lock
  // briefly (schema check), so it is better done before ingests run.
  Status Fill(int n);

  // An idle connection, or a new one when none is idle (the store's open
  // error otherwise).
  Result<Lease> Acquire();

 private:
  void Return(std::unique_ptr<StoryStore> reader);

  std::string path_;
  std::mutex mu_;
  std::vector<std::unique_ptr<StoryStore>> idle_;  // guarded by mu_
};

}  // namespace storyfuse

#endif  // STORYFUSE_PIPELINE_READER_POOL_H_
