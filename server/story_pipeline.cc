#include "server/story_pipeline.h"

#include <algorithm>
#include <cstdint>
#include <ctime>

#include "brief/brief_builder.h"
#include "brief/brief_json.h"

namespace storyfuse {

namespace {

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

}  // namespace

StoryPipeline::StoryPipeline() : builder_(std::make_unique<BriefBuilder>()) {}
StoryPipeline::~StoryPipeline() = default;

Result<Article> StoryPipeline::Extract(const RawDoc& doc) { return extractor_.Extract(doc); }

std::string StoryPipeline::Cluster(const Article& article) {
  ClusterResult r = index_.Add(article);
  touched_articles_.insert(article.id);
  // The stream's first articles were clustered again: their stories are
  // settled anew with this batch.
  if (r.reclustered) {
    for (const auto& [id, result] : results_) touched_articles_.insert(id);
  }
  std::string story = r.story_id;
  results_[article.id] = std::move(r);
  return story;
}

void StoryPipeline::Touch(const std::string& article_id) { touched_articles_.insert(article_id); }

std::string StoryPipeline::StoryOf(const std::string& article_id) const { return index_.StoryOf(article_id); }

std::string StoryPipeline::CopyOf(const std::string& article_id) const {
  auto it = results_.find(article_id);
  return it == results_.end() ? "" : it->second.copy_of;
}

SettledStories StoryPipeline::Settle() {
  SettledStories out;
  std::set<std::string> wanted;
  for (const std::string& id : touched_articles_) {
    if (std::string s = index_.StoryOf(id); !s.empty()) wanted.insert(s);
  }
  touched_articles_.clear();
  std::set<std::string> now;
  // One pass over all stories: O(stories) per batch, never per article.
  for (StoryView& view : index_.Stories()) {
    now.insert(view.id);
    if (wanted.count(view.id)) out.changed[view.id] = std::move(view.articles);
  }
  for (const std::string& id : known_stories_) {
    if (!now.count(id)) out.removed.push_back(id);
  }
  known_stories_ = std::move(now);
  return out;
}

BuiltStory StoryPipeline::BuildStory(const std::string& story_id, const std::vector<const Article*>& articles,
                                     const std::string& now) {
  std::vector<StoryMember> members;
  members.reserve(articles.size());
  for (const Article* a : articles) {
    auto it = results_.find(a->id);
    if (it == results_.end()) members.push_back({a, "", ""});
    else members.push_back({a, it->second.copy_of, it->second.origin});
  }
  StoryBrief brief = builder_->Build(story_id, members);
  nlohmann::json j = BriefToJson(brief);
  return {j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), SummarizeBrief(brief, now)};
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
