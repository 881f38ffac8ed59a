// OpenStoryRepository: the repository `storyfuse serve --db PATH` serves.
#ifndef STORYFUSE_PIPELINE_STORY_REPOSITORY_FACTORY_H_
#define STORYFUSE_PIPELINE_STORY_REPOSITORY_FACTORY_H_

#include <memory>
#include <string>

#include "base/status.h"
#include "pipeline/story_repository.h"

namespace storyfuse {

// ":memory:" gives a MemoryStoryRepository (nothing kept after exit);
// any other path opens (or creates) the SQLite store there. Returns the
// store's error (IoError, Corruption) naming the path.
// `readers`: read connections opened up front (one per worker thread).
// `read_only`: no writer lock and no repair; ingests answer Unsupported
// (StoreStoryRepository::OpenReadOnly).
Result<std::unique_ptr<StoryRepository>> OpenStoryRepository(const std::string& path, int readers = 8,
                                                             bool read_only = false);

}  // namespace storyfuse

#endif  // STORYFUSE_PIPELINE_STORY_REPOSITORY_FACTORY_H_
