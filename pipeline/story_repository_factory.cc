#include "pipeline/story_repository_factory.h"

#include "pipeline/memory_story_repository.h"
#include "pipeline/store_story_repository.h"

namespace storyfuse {

Result<std::unique_ptr<StoryRepository>> OpenStoryRepository(const std::string& path, int readers, bool read_only) {
  if (path == ":memory:") return std::unique_ptr<StoryRepository>(std::make_unique<MemoryStoryRepository>());
  STORYFUSE_ASSIGN_OR_RETURN(
      std::unique_ptr<StoreStoryRepository> store,
      read_only ? StoreStoryRepository::OpenReadOnly(path, readers) : StoreStoryRepository::Open(path, readers));
  return std::unique_ptr<StoryRepository>(std::move(store));
}

}  // namespace storyfuse
