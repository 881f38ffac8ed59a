#include "server/story_repository_factory.h"

#include "server/memory_story_repository.h"

namespace storyfuse {

Result<std::unique_ptr<StoryRepository>> OpenStoryRepository(const std::string& path) {
  if (path == ":memory:") return std::unique_ptr<StoryRepository>(std::make_unique<MemoryStoryRepository>());
  return Status::Unsupported(path + ": the SQLite store is not built into this binary yet; use --db :memory:");
}

}  // namespace storyfuse
