#include "store/story_store.h"

#include <chrono>
#include <ctime>

#include "store/article_store.h"
#include "store/pg_connection.h"
#include "store/pg_story_store.h"

namespace storyfuse {

std::string StoryStore::NowUtc() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Result<std::vector<ArticleWithHistory>> StoryStore::GetWithHistory(const std::vector<std::string>& ids) {
  std::vector<ArticleWithHistory> out;
  for (const std::string& id : ids) {
    STORYFUSE_ASSIGN_OR_RETURN(std::optional<StoredArticle> a, Get(id));
    if (!a) continue;
    STORYFUSE_ASSIGN_OR_RETURN(std::vector<ArticleVersion> history, History(id));
    out.push_back({std::move(*a), std::move(history)});
  }
  return out;
}

Status StoryStore::PutArticleViews(const std::vector<std::pair<std::string, std::string>>& views) {
  for (const auto& [id, view] : views) STORYFUSE_RETURN_IF_ERROR(PutArticleView(id, view));
  return Status::Ok();
}

Result<std::unique_ptr<StoryStore>> OpenStoryStore(const std::string& path) {
  if (PgConnection::IsUrl(path)) {
    STORYFUSE_ASSIGN_OR_RETURN(std::unique_ptr<PgStoryStore> pg, PgStoryStore::Open(path));
    return std::unique_ptr<StoryStore>(std::move(pg));
  }
  STORYFUSE_ASSIGN_OR_RETURN(std::unique_ptr<ArticleStore> store, ArticleStore::Open(path));
  return std::unique_ptr<StoryStore>(std::move(store));
}

}  // namespace storyfuse
