#include "pipeline/memory_story_repository.h"

#include <algorithm>
#include <set>

#include "pipeline/article_view.h"
#include "pipeline/search_text.h"

namespace storyfuse {

MemoryStoryRepository::MemoryStoryRepository() = default;
MemoryStoryRepository::~MemoryStoryRepository() = default;

Result<StoryList> MemoryStoryRepository::ListStories(const StoryQuery& query) {
  std::shared_lock lock(mu_);
  std::vector<const StorySummary*> rows;
  std::vector<std::string> terms = SearchTerms(query.q);
  for (const auto& [id, story] : stories_) {
    if (!query.since.empty() && story.summary.updated < query.since) continue;
    if (!terms.empty() && CountMatches(story.summary.headline, terms) == 0) continue;
    rows.push_back(&story.summary);
  }
  std::sort(rows.begin(), rows.end(), [](const StorySummary* a, const StorySummary* b) {
    return a->updated != b->updated ? a->updated > b->updated : StoryNumber(a->id) > StoryNumber(b->id);
  });
  StoryList out;
  out.total = static_cast<int64_t>(rows.size());
  for (size_t i = query.offset; i < rows.size() && out.stories.size() < static_cast<size_t>(query.limit); ++i) {
    out.stories.push_back(*rows[i]);
  }
  return out;
}

Result<std::string> MemoryStoryRepository::StoryBriefJson(const std::string& story_id) {
  std::shared_lock lock(mu_);
  auto it = stories_.find(story_id);
  if (it == stories_.end()) return Status::NotFound("no story " + story_id);
  return it->second.brief_json;
}

Result<std::string> MemoryStoryRepository::ArticleViewJson(const std::string& article_id) {
  std::shared_lock lock(mu_);
  auto it = articles_.find(article_id);
  if (it == articles_.end()) return Status::NotFound("no article " + article_id);
  const ArticleEntry& a = it->second;
  auto story = stories_.find(a.story_id);
  static const nlohmann::json kNoBrief;
  const nlohmann::json& brief = story != stories_.end() ? story->second.brief : kNoBrief;
  return ArticleView(a.article, a.story_id, a.versions, brief)
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<std::vector<SearchResult>> MemoryStoryRepository::Search(const std::string& q, int limit,
                                                                const QueryControl& control) {
  auto deadline = std::chrono::steady_clock::now() + control.budget;
  std::vector<std::string> terms = SearchTerms(q);
  std::vector<SearchResult> stories, articles;
  std::shared_lock lock(mu_);
  for (const auto& [id, s] : stories_) {
    if (int n = CountMatches(s.summary.headline, terms); n > 0) {
      stories.push_back({"story", id, s.summary.headline, id, Snippet(s.summary.headline, terms), double(n)});
    }
  }
  for (const auto& [id, a] : articles_) {
    if (control.Gone() || std::chrono::steady_clock::now() > deadline) {
      return Status::Unsupported(control.Gone() ? "search stopped: the client went away"
                                                : "search stopped after its time budget");
    }
    int n = CountMatches(a.article.title, terms) * 2 + CountMatches(a.article.text, terms);
    if (n == 0) continue;
    articles.push_back({"article", id, a.article.title, a.story_id, Snippet(a.article.text, terms), double(n)});
  }
  auto by_score = [](const SearchResult& x, const SearchResult& y) { return x.score > y.score; };
  std::stable_sort(stories.begin(), stories.end(), by_score);
  std::stable_sort(articles.begin(), articles.end(), by_score);
  if (stories.size() > static_cast<size_t>(limit)) stories.resize(limit);
  if (articles.size() > static_cast<size_t>(limit)) articles.resize(limit);
  stories.insert(stories.end(), articles.begin(), articles.end());
  return stories;
}

IngestOutcome MemoryStoryRepository::Prepare(const RawDoc& doc, Result<Article> article, std::string warning,
                                             const std::string& now, std::map<std::string, ArticleEntry>* batch) {
  if (!article.ok()) return {doc.id, "", "rejected", article.status().message(), "", "", 0};
  // Only this thread writes the maps, so reading them here needs no lock.
  const ArticleEntry* old = nullptr;
  if (auto it = batch->find(doc.id); it != batch->end())
    old = &it->second;
  else if (auto jt = articles_.find(doc.id); jt != articles_.end())
    old = &jt->second;
  if (old && old->article.text == article->text)
    return {doc.id,
            pipeline_.StoryOf(doc.id),
            "unchanged",
            "",
            warning,
            doc.id,
            static_cast<int64_t>(old->versions.size())};
  ArticleEntry next;
  if (old) {
    next.versions = old->versions;
    pipeline_.Touch(doc.id);
  } else {
    pipeline_.Cluster(*article);
  }
  next.versions.push_back(
      {{"version", next.versions.size() + 1}, {"ingested_at", now}, {"chars", article->text.size()}});
  next.article = std::move(article).value();
  IngestOutcome out{doc.id,
                    "",
                    old ? "updated" : "created",
                    "",
                    std::move(warning),
                    doc.id,
                    static_cast<int64_t>(next.versions.size())};
  (*batch)[doc.id] = std::move(next);
  return out;
}

Result<std::vector<IngestOutcome>> MemoryStoryRepository::Ingest(std::vector<RawDoc> docs) {
  // Cleaning (thread-safe, the costliest step for a huge document) before
  // the ingest lock, so one document's cleaning never holds the others.
  std::vector<Result<Article>> articles;
  std::vector<std::string> warnings(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) articles.push_back(pipeline_.Extract(docs[i], &warnings[i]));
  std::lock_guard<std::mutex> ingest_lock(ingest_mu_);
  std::string now = NowIso8601();
  std::map<std::string, ArticleEntry> batch;
  std::vector<IngestOutcome> outcomes;
  for (size_t i = 0; i < docs.size(); ++i)
    outcomes.push_back(Prepare(docs[i], std::move(articles[i]), std::move(warnings[i]), now, &batch));
  SettledStories settled = pipeline_.Settle();
  // Each changed story's brief over its articles, new versions replacing old.
  std::map<std::string, StoryEntry> new_stories;
  for (auto& [sid, ids] : settled.changed) {
    StoryEntry story;
    std::vector<const Article*> members;
    for (const std::string& id : ids) {
      auto it = batch.find(id);
      if (it != batch.end()) it->second.story_id = sid;
      members.push_back(it != batch.end() ? &it->second.article : &articles_.at(id).article);
    }
    BuiltStory built = pipeline_.BuildStory(sid, members, now);
    story.summary = std::move(built.summary);
    story.article_ids = std::move(ids);
    story.brief = std::move(built.brief);
    story.brief_json = std::move(built.brief_json);
    new_stories[sid] = std::move(story);
  }
  for (IngestOutcome& o : outcomes) {
    if (o.status != "rejected") o.story_id = pipeline_.StoryOf(o.id);
  }
  std::unique_lock lock(mu_);
  for (auto& [id, a] : batch) {
    ++versions_;
    articles_[id] = std::move(a);
  }
  for (auto& [sid, s] : new_stories) {
    for (const std::string& id : s.article_ids) articles_[id].story_id = sid;  // merged stories move
    stories_[sid] = std::move(s);
  }
  for (const std::string& sid : settled.removed) stories_.erase(sid);
  return outcomes;
}

Result<RepositoryStats> MemoryStoryRepository::Stats() {
  std::shared_lock lock(mu_);
  return RepositoryStats{static_cast<int64_t>(articles_.size()), versions_, static_cast<int64_t>(stories_.size())};
}

}  // namespace storyfuse
