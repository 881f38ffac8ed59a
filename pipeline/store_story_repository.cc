#include "pipeline/store_story_repository.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "pipeline/article_view.h"
#include "pipeline/search_text.h"

namespace storyfuse {

using nlohmann::json;

namespace {

// Stops the store's read when the query runs out of time or its client
// leaves.
StoryStore::StopCondition Bounded(const QueryControl& control) {
  auto deadline = std::chrono::steady_clock::now() + control.budget;
  return [&control, deadline] { return control.Gone() || std::chrono::steady_clock::now() > deadline; };
}

// Says why a bounded query stopped; other errors pass through.
Status Stopped(const Status& st, const QueryControl& control, const std::string& what) {
  if (st.code() != Status::Code::kUnsupported) return st;
  if (control.Gone()) return Status::Unsupported(what + " stopped: the client went away");
  return Status::Unsupported(what + " stopped after " + std::to_string(control.budget.count()) +
                             " ms: use fewer or longer words");
}

json CorrectionJson(const StreamEvent& e) {
  json j = {{"kind", e.kind}, {"at", e.at}};
  if (!e.article_id.empty()) j["article"] = e.article_id;
  j[e.kind == "merge" ? "story" : "from"] = e.story_id;
  j[e.kind == "merge" ? "into" : "to"] = e.target_id;
  if (!e.note.empty()) j["note"] = e.note;
  return j;
}

// `brief_json` (an object) with the members of `extra` added at its end;
// the brief itself is not parsed again.
std::string WithMembers(std::string brief_json, const json& extra) {
  size_t end = brief_json.rfind('}');
  std::string more = extra.dump(-1, ' ', false, json::error_handler_t::replace);
  if (end == std::string::npos || more.size() <= 2) return brief_json;
  bool empty = brief_json.find_first_not_of(" \n\t", brief_json.find('{') + 1) == end;
  brief_json.insert(end, (empty ? "" : ",") + more.substr(1, more.size() - 2));
  return brief_json;
}

}  // namespace

StoreStoryRepository::StoreStoryRepository(const std::string& path) : readers_(path) {}

StoreStoryRepository::~StoreStoryRepository() = default;

Result<std::unique_ptr<StoreStoryRepository>> StoreStoryRepository::Open(const std::string& path, int readers,
                                                                         StoryWriter::Options options) {
  STORYFUSE_ASSIGN_OR_RETURN(std::unique_ptr<StoryStore> store, OpenStoryStore(path));
  std::unique_ptr<StoreStoryRepository> repo(new StoreStoryRepository(path));
  STORYFUSE_RETURN_IF_ERROR(repo->lock_.Acquire(path));
  STORYFUSE_RETURN_IF_ERROR(store->LockWriter());
  repo->writer_ = std::make_unique<StoryWriter>(std::move(store), &repo->lock_, &repo->readers_, options);
  if (Status st = repo->writer_->Recover(); !st.ok()) return st.WithContext(path + ": repairing stories");
  STORYFUSE_RETURN_IF_ERROR(repo->readers_.Fill(readers));
  return repo;
}

Result<std::unique_ptr<StoreStoryRepository>> StoreStoryRepository::OpenReadOnly(const std::string& path, int readers) {
  std::unique_ptr<StoreStoryRepository> repo(new StoreStoryRepository(path));
  STORYFUSE_RETURN_IF_ERROR(repo->readers_.Fill(readers));
  return repo;
}

Result<std::vector<IngestOutcome>> StoreStoryRepository::Ingest(std::vector<RawDoc> docs) {
  if (!writer_) return Status::Unsupported("this server is read-only (--read-only): the workers write its store");
  return writer_->IngestDocs(docs);
}

Result<std::vector<IngestOutcome>> StoreStoryRepository::IngestArticles(const std::vector<Article>& articles) {
  if (!writer_) return Status::Unsupported("this server is read-only (--read-only): the workers write its store");
  return writer_->IngestArticles(articles);
}

Result<StoryList> StoreStoryRepository::ListStories(const StoryQuery& query) {
  STORYFUSE_ASSIGN_OR_RETURN(ReaderPool::Lease reader, readers_.Acquire());
  StoryListFilter filter{query.since, SearchTerms(query.q), query.limit, query.offset};
  Result<StoryPage> page = reader->ListStories(filter, Bounded(query.control));
  if (!page.ok()) return Stopped(page.status(), query.control, "story list");
  StoryList out;
  out.total = page->total;
  for (const StoredStory& s : page->stories) {
    out.stories.push_back({s.id, s.headline, static_cast<int>(s.articles), static_cast<int>(s.outlets),
                           static_cast<int>(s.independent_sources), s.updated_at, s.published});
  }
  return out;
}

namespace {

// The story that took the articles of `story_id`, merged away: the
// destination of its latest move out, followed through later merges; ""
// when it has none. A reader holding an old id (a list read a moment
// before a revision) gets the story its articles are in now, not a 404.
Result<std::string> SuccessorOf(StoryStore* reader, std::string story_id) {
  for (int hop = 0; hop < StoreStoryRepository::kMaxMergeHops; ++hop) {
    STORYFUSE_ASSIGN_OR_RETURN(std::vector<StoryMoveRecord> moves,
                               reader->StoryMoves(story_id, StoreStoryRepository::kHistoryMoves));
    // Latest first; a story split among several successors (workers build
    // them one by one) is answered by one already built, else followed on
    // through the latest.
    std::string next;
    std::set<std::string> tried;
    for (auto m = moves.rbegin(); m != moves.rend(); ++m) {
      if (m->from_story != story_id || m->to_story.empty() || !tried.insert(m->to_story).second) continue;
      if (next.empty()) next = m->to_story;
      STORYFUSE_ASSIGN_OR_RETURN(std::optional<StoredStory> story, reader->GetStory(m->to_story));
      if (story && !story->brief_json.empty()) return m->to_story;
    }
    if (next.empty()) return std::string();
    story_id = next;
  }
  return std::string();
}

}  // namespace

Result<std::string> StoreStoryRepository::StoryBriefJson(const std::string& requested_id) {
  STORYFUSE_ASSIGN_OR_RETURN(ReaderPool::Lease reader, readers_.Acquire());
  std::string story_id = requested_id;
  STORYFUSE_ASSIGN_OR_RETURN(std::optional<StoredStory> story, reader->GetStory(story_id));
  if (!story || story->brief_json.empty()) {
    STORYFUSE_ASSIGN_OR_RETURN(story_id, SuccessorOf(reader.get(), requested_id));
    if (story_id.empty()) return Status::NotFound("no story " + requested_id);
    STORYFUSE_ASSIGN_OR_RETURN(story, reader->GetStory(story_id));
    if (!story) return Status::NotFound("no story " + requested_id);
  }
  STORYFUSE_ASSIGN_OR_RETURN(std::vector<StoryMoveRecord> moves, reader->StoryMoves(story_id, kHistoryMoves));
  STORYFUSE_ASSIGN_OR_RETURN(std::vector<StreamEvent> corrections, reader->StreamCorrections(story_id));
  json history = json::array(), edits = json::array();
  for (const StoryMoveRecord& m : moves) {
    history.push_back(
        {{"article", m.article_id}, {"from", m.from_story}, {"to", m.to_story}, {"by", m.cause}, {"at", m.at}});
  }
  for (const StreamEvent& e : corrections) edits.push_back(CorrectionJson(e));
  json extra = {{"version", story->version}, {"history", history}, {"editor_corrections", edits}};
  if (story_id != requested_id) extra["merged_from"] = requested_id;
  return WithMembers(std::move(story->brief_json), extra);
}

Result<std::vector<ArticleMove>> StoreStoryRepository::Correct(const StoryCorrection& correction) {
  if (!writer_) return Status::Unsupported("this server is read-only (--read-only): the workers write its store");
  STORYFUSE_ASSIGN_OR_RETURN(std::vector<StoryMove> moves, writer_->Correct(correction));
  std::vector<ArticleMove> out;
  for (const StoryMove& m : moves) out.push_back({m.article, m.from, m.to});
  return out;
}

Result<std::string> StoreStoryRepository::ArticleViewJson(const std::string& article_id) {
  STORYFUSE_ASSIGN_OR_RETURN(ReaderPool::Lease reader, readers_.Acquire());
  // Stored with the article's story: one indexed read.
  STORYFUSE_ASSIGN_OR_RETURN(std::optional<std::string> stored, reader->GetArticleView(article_id));
  // Written by BuildStoryWrite as one serialized object.
  if (stored && !stored->empty() && stored->front() == '{') return std::move(*stored);
  // Not in a story yet (or a store from before schema 3): render it now.
  STORYFUSE_ASSIGN_OR_RETURN(std::optional<StoredArticle> a, reader->Get(article_id));
  if (!a) return Status::NotFound("no article " + article_id);
  STORYFUSE_ASSIGN_OR_RETURN(std::vector<ArticleVersion> history, reader->History(article_id));
  json brief;
  if (!a->story_id.empty()) {
    STORYFUSE_ASSIGN_OR_RETURN(std::optional<StoredStory> story, reader->GetStory(a->story_id));
    if (story) brief = json::parse(story->brief_json, nullptr, false);
  }
  return StoredArticleView(*a, history, brief).dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<std::vector<SearchResult>> StoreStoryRepository::Search(const std::string& q, int limit,
                                                               const QueryControl& control) {
  std::vector<std::string> terms = SearchTerms(q);
  if (terms.empty()) return std::vector<SearchResult>();
  STORYFUSE_ASSIGN_OR_RETURN(ReaderPool::Lease reader, readers_.Acquire());
  Result<std::vector<ArticleSearchHit>> hits = reader->SearchArticles(terms, limit, Bounded(control));
  if (!hits.ok()) return Stopped(hits.status(), control, "search");
  std::vector<SearchResult> articles, stories;
  std::map<std::string, size_t> story_index;
  for (const ArticleSearchHit& a : *hits) {
    const SearchHit& h = a.hit;
    articles.push_back({"article", h.id, h.title, a.story_id, h.snippet, -h.rank});
    if (a.story_id.empty()) continue;
    auto [it, fresh] = story_index.emplace(a.story_id, stories.size());
    if (fresh)
      stories.push_back({"story", a.story_id, a.story_headline, a.story_id, h.snippet, -h.rank});
    else
      stories[it->second].score -= h.rank;  // more matching articles rank a story higher
  }
  std::stable_sort(stories.begin(), stories.end(),
                   [](const SearchResult& a, const SearchResult& b) { return a.score > b.score; });
  stories.insert(stories.end(), articles.begin(), articles.end());
  return stories;
}

Status StoreStoryRepository::Verify(std::string* summary) {
  STORYFUSE_ASSIGN_OR_RETURN(ReaderPool::Lease reader, readers_.Acquire());
  std::map<std::string, std::set<std::string>> by_story;  // story -> its articles' ids
  int64_t articles = 0;
  std::vector<std::string> problems;
  STORYFUSE_RETURN_IF_ERROR(reader->ForEachArticleStory([&](const std::string& id, const std::string& story_id) {
    ++articles;
    if (story_id.empty())
      problems.push_back("article " + id + " has no story");
    else
      by_story[story_id].insert(id);
  }));
  int64_t stories = 0;
  STORYFUSE_RETURN_IF_ERROR(reader->ForEachStoryBrief([&](const std::string& id, const std::string& brief_json) {
    ++stories;
    std::vector<std::string> listed = BriefArticleIds(brief_json);
    std::set<std::string> unique(listed.begin(), listed.end());
    auto it = by_story.find(id);
    if (unique.size() != listed.size() || it == by_story.end() || it->second != unique) {
      problems.push_back("story " + id + ": its brief lists " + std::to_string(listed.size()) +
                         " articles, the store has " + std::to_string(it == by_story.end() ? 0 : it->second.size()));
    }
    if (it != by_story.end()) by_story.erase(it);
  }));
  for (const auto& [story, ids] : by_story) {
    problems.push_back("story " + story + " of " + std::to_string(ids.size()) + " articles has no brief");
  }
  // A stored article view must be of the article's current story and
  // version (a missing one is rendered on read, so it is not a problem).
  STORYFUSE_ASSIGN_OR_RETURN(std::vector<std::string> stale, reader->StaleArticleViews());
  for (const std::string& id : stale) {
    problems.push_back("article " + id + ": its stored view is of another story or version");
  }
  *summary = std::to_string(articles) + " articles in " + std::to_string(stories) + " stories";
  if (problems.empty()) return Status::Ok();
  std::string message = std::to_string(problems.size()) + " problems:";
  for (size_t i = 0; i < problems.size() && i < 10; ++i) message += "\n  " + problems[i];
  return Status::Corruption(message);
}

Result<RepositoryStats> StoreStoryRepository::Stats() {
  STORYFUSE_ASSIGN_OR_RETURN(ReaderPool::Lease reader, readers_.Acquire());
  STORYFUSE_ASSIGN_OR_RETURN(StoreCounts counts, reader->Counts());
  RepositoryStats stats;
  stats.articles = counts.articles;
  stats.versions = counts.articles + counts.archived_versions;
  stats.stories = counts.stories;
  return stats;
}

}  // namespace storyfuse
