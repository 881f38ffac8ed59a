#include "pipeline/reader_pool.h"

namespace storyfuse {

Status ReaderPool::Fill(int n) {
  for (int i = 0; i < n; ++i) {
    STORYFUSE_ASSIGN_OR_RETURN(std::unique_ptr<StoryStore> reader, OpenStoryStore(path_));
    Return(std::move(reader));
  }
  return Status::Ok();
}

Result<ReaderPool::Lease> ReaderPool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      std::unique_ptr<StoryStore> store = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(store));
    }
  }
  STORYFUSE_ASSIGN_OR_RETURN(std::unique_ptr<StoryStore> store, OpenStoryStore(path_));
  return Lease(this, std::move(store));
}

void ReaderPool::Return(std::unique_ptr<StoryStore> reader) {
  std::lock_guard<std::mutex> lock(mu_);
  idle_.push_back(std::move(reader));
}

}  // namespace storyfuse
