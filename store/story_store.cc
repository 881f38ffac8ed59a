#include "store/story_store.h"

#include <chrono>
#include <ctime>

#include "store/article_store.h"

namespace storyfuse {

std::string StoryStore::NowUtc() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Result<std::unique_ptr<StoryStore>> OpenStoryStore(const std::string& path) {
  Result<std::unique_ptr<ArticleStore>> store = ArticleStore::Open(path);
  if (!store.ok()) return store.status();
  return std::unique_ptr<StoryStore>(std::move(store).value());
}

}  // namespace storyfuse
