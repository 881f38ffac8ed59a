#include "server/story_pipeline.h"

#include <algorithm>
#include <cstdint>
#include <ctime>

namespace storyfuse {

StoryPipeline::StoryPipeline(int64_t next_story) : next_story_(std::max<int64_t>(next_story, 1)) {}

Result<Article> StoryPipeline::Extract(const RawDoc& doc) { return extractor_.Extract(doc); }

void StoryPipeline::BeginBatch() { batch_story_.clear(); }

std::string StoryPipeline::AssignStory(const Article&) {
  if (batch_story_.empty()) batch_story_ = "s-" + std::to_string(next_story_++);
  return batch_story_;
}

StoryBrief StoryPipeline::BuildBrief(const std::string& story_id, const std::vector<const Article*>& articles) {
  std::vector<StoryMember> members;
  members.reserve(articles.size());
  for (const Article* a : articles) members.push_back({a, "", ""});
  return builder_.Build(story_id, members);
}

StorySummary SummarizeBrief(const StoryBrief& brief, const std::string& updated) {
  StorySummary s;
  s.id = brief.id;
  s.headline = brief.headline;
  s.articles = static_cast<int>(brief.articles.size());
  s.outlets = brief.outlets;
  s.independent_sources = brief.independent_sources;
  s.updated = updated;
  for (const ArticleRef& a : brief.articles) s.published = std::max(s.published, a.published);
  return s;
}

int64_t StoryNumber(const std::string& story_id) {
  if (story_id.size() < 3 || story_id.compare(0, 2, "s-") != 0) return 0;
  int64_t n = 0;
  for (size_t i = 2; i < story_id.size(); ++i) {
    if (story_id[i] < '0' || story_id[i] > '9' || n > (INT64_MAX - 9) / 10) return 0;
    n = n * 10 + (story_id[i] - '0');
  }
  return n;
}

std::string NowIso8601() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace storyfuse
