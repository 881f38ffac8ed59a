// ObjectPool<T>: idle instances of a class that is not thread-safe but
// costly to rebuild for every call (an extractor, a brief builder), lent
// to one thread at a time.
//
// A pool never blocks: Acquire() makes a new instance with the factory
// when none is idle, so it holds at most as many instances as calls ever
// ran at once (bounded by the server's worker threads).
//
// Thread-safe. A Lease gives its instance back on destruction; the pool
// must outlive its leases.
#ifndef STORYFUSE_PIPELINE_OBJECT_POOL_H_
#define STORYFUSE_PIPELINE_OBJECT_POOL_H_

#include <functional>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace storyfuse {

template <typename T>
class ObjectPool {
 public:
  class Lease {
   public:
    Lease(ObjectPool* pool, std::unique_ptr<T> object) : pool_(pool), object_(std::move(object)) {}
    Lease(Lease&& o) noexcept : pool_(o.pool_), object_(std::move(o.object_)) {}
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (object_) pool_->Return(std::move(object_));
    }
    T* operator->() { return object_.get(); }
    T& operator*() { return *object_; }

   private:
    ObjectPool* pool_;
    std::unique_ptr<T> object_;
  };

  explicit ObjectPool(std::function<std::unique_ptr<T>()> make) : make_(std::move(make)) {}
  ObjectPool(const ObjectPool&) = delete;
  ObjectPool& operator=(const ObjectPool&) = delete;

  Lease Acquire() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!idle_.empty()) {
        std::unique_ptr<T> object = std::move(idle_.back());
        idle_.pop_back();
        return Lease(this, std::move(object));
      }
    }
    return Lease(this, make_());
  }

 private:
  void Return(std::unique_ptr<T> object) {
    std::lock_guard<std::mutex> lock(mu_);
    idle_.push_back(std::move(object));
  }

  std::function<std::unique_ptr<T>()> make_;
  std::mutex mu_;
  std::vector<std::unique_ptr<T>> idle_;  // guarded by mu_
};

}  // namespace storyfuse

#endif  // STORYFUSE_PIPELINE_OBJECT_POOL_H_
