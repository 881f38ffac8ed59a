#include "pipeline/store_story_repository.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "pipeline/article_view.h"
#include "pipeline/search_text.h"

namespace storyfuse {

using nlohmann::json;

// A read connection borrowed from the pool, returned on destruction.
class StoreStoryRepository::ReaderLease {
 public:
  ReaderLease(StoreStoryRepository* repo, std::unique_ptr<ArticleStore> store)
      : repo_(repo), store_(std::move(store)) {}
  ReaderLease(ReaderLease&& o) noexcept : repo_(o.repo_), store_(std::move(o.store_)) {}
  ~ReaderLease() {
    if (store_) repo_->Return(std::move(store_));
  }
  ArticleStore* operator->() { return store_.get(); }

 private:
  StoreStoryRepository* repo_;
  std::unique_ptr<ArticleStore> store_;
};

namespace {

// Stops the reader's statements when the query runs out of time or its
// client leaves.
Database::InterruptGuard Bounded(Database& db, const QueryControl& control) {
  auto deadline = std::chrono::steady_clock::now() + control.budget;
  return db.InterruptWhen(
      [&control, deadline] { return control.Gone() || std::chrono::steady_clock::now() > deadline; });
}

// Says why a bounded query stopped; other errors pass through.
Status Stopped(const Status& st, const QueryControl& control, const std::string& what) {
  if (st.code() != Status::Code::kUnsupported) return st;
  if (control.Gone()) return Status::Unsupported(what + " stopped: the client went away");
  return Status::Unsupported(what + " stopped after " + std::to_string(control.budget.count()) +
                             " ms: use fewer or longer words");
}

// The user's words as an FTS5 query: every word, each as a prefix.
std::string FtsQuery(const std::string& q) {
  std::string out;
  for (const std::string& term : SearchTerms(q)) out += (out.empty() ? "\"" : " \"") + term + "\"*";
  return out;
}

// Runs `sql` with text parameters, calling fn(statement) per row.
template <typename F>
Status ForEachRow(Database& db, const std::string& sql, const std::vector<std::string>& params, F fn) {
  Result<SqlStatement> s = db.Prepare(sql);
  if (!s.ok()) return s.status();
  for (size_t i = 0; i < params.size(); ++i) s->Bind(static_cast<int>(i + 1), params[i]);
  for (;;) {
    Result<bool> row = s->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
    fn(*s);
  }
}

// The article ids a stored brief lists.
std::vector<std::string> BriefArticleIds(const std::string& brief_json) {
  std::vector<std::string> ids;
  json brief = json::parse(brief_json, nullptr, false);
  if (!brief.is_object() || !brief.contains("articles")) return ids;
  for (const json& a : brief["articles"]) ids.push_back(a.value("id", ""));
  return ids;
}

json VersionsJson(const StoredArticle& current, const std::vector<ArticleVersion>& history) {
  json out = json::array();
  for (const ArticleVersion& v : history) {
    out.push_back({{"version", v.version},
                   {"ingested_at", v.ingested_at},
                   {"replaced_at", v.replaced_at},
                   {"title", v.title},
                   {"chars", v.text.size()},
                   {"content_hash", v.content_hash}});
  }
  out.push_back({{"version", current.version},
                 {"ingested_at", current.ingested_at},
                 {"replaced_at", nullptr},
                 {"title", current.article.title},
                 {"chars", current.article.text.size()},
                 {"content_hash", current.content_hash}});
  return out;
}

// The GET /api/articles/{id} answer.
json ViewJson(const StoredArticle& a, const std::vector<ArticleVersion>& history, const json& brief) {
  json view = ArticleView(a.article, a.story_id, VersionsJson(a, history), brief);
  view["copy_of"] = a.copy_of.empty() ? json(nullptr) : json(a.copy_of);
  return view;
}

}  // namespace

StoreStoryRepository::StoreStoryRepository(std::string path, std::unique_ptr<ArticleStore> writer, int writer_nice)
    : path_(std::move(path)), writer_(std::move(writer)), writer_thread_(writer_nice) {}

StoreStoryRepository::~StoreStoryRepository() = default;

StoreStoryRepository::LockFile::~LockFile() {
  if (fd >= 0) close(fd);
}

// One writing process per store: each keeps its own clusterer and story
// numbering, so two at once would give two stories the same id. An
// exclusive flock on PATH.lock (a separate file: closing a second
// descriptor of the database itself would drop SQLite's own POSIX locks)
// is released by the kernel when the process ends, kill -9 included.
Status StoreStoryRepository::LockWriter() {
  std::string lock_path = path_ + ".lock";
  lock_.fd = open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (lock_.fd < 0) return Status::IoError(lock_path + ": " + std::strerror(errno));
  if (flock(lock_.fd, LOCK_EX | LOCK_NB) == 0) {
    // The build journal a previous process left (see skipped()).
    char buf[4096];
    ssize_t n = pread(lock_.fd, buf, sizeof buf, 0);
    std::string_view journal(buf, n > 0 ? static_cast<size_t>(n) : 0);
    for (size_t pos = 0; pos < journal.size();) {
      size_t eol = journal.find('\n', pos);
      std::string line(journal.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos));
      pos = eol == std::string_view::npos ? journal.size() : eol + 1;
      char id[256];
      int attempts = 0;
      if (std::sscanf(line.c_str(), "skip %255s", id) == 1) skip_.insert(id);
      if (std::sscanf(line.c_str(), "building %255s %d", id, &attempts) == 2) {
        crashed_story_ = id;
        crashed_attempts_ = attempts;
      }
    }
    if (crashed_attempts_ >= kMaxBuildAttempts) skip_.insert(crashed_story_);
    return Status::Ok();
  }
  if (errno == EWOULDBLOCK) {
    return Status::IoError(path_ +
                           " is being written by another storyfuse process (serve or ingest); "
                           "one writer at a time");
  }
  return Status::IoError(lock_path + ": " + std::strerror(errno));
}

Result<std::unique_ptr<StoreStoryRepository>> StoreStoryRepository::Open(const std::string& path, int readers,
                                                                         int writer_nice) {
  Result<std::unique_ptr<ArticleStore>> writer = ArticleStore::Open(path);
  if (!writer.ok()) return writer.status();
  std::unique_ptr<StoreStoryRepository> repo(new StoreStoryRepository(path, std::move(writer).value(), writer_nice));
  STORYFUSE_RETURN_IF_ERROR(repo->LockWriter());
  if (Status st = repo->Recover(); !st.ok()) return st.WithContext(path + ": repairing stories");
  // Opening a connection takes the write lock briefly (schema check), so
  // open them now rather than while an ingest is writing.
  for (int i = 0; i < readers; ++i) {
    Result<std::unique_ptr<ArticleStore>> reader = ArticleStore::Open(path);
    if (!reader.ok()) return reader.status();
    repo->Return(std::move(reader).value());
  }
  return repo;
}

Result<StoreStoryRepository::ReaderLease> StoreStoryRepository::Reader() {
  {
    std::lock_guard<std::mutex> lock(pool_mu_);
    if (!readers_.empty()) {
      std::unique_ptr<ArticleStore> store = std::move(readers_.back());
      readers_.pop_back();
      return ReaderLease(this, std::move(store));
    }
  }
  Result<std::unique_ptr<ArticleStore>> store = ArticleStore::Open(path_);
  if (!store.ok()) return store.status();
  return ReaderLease(this, std::move(store).value());
}

void StoreStoryRepository::Return(std::unique_ptr<ArticleStore> reader) {
  std::lock_guard<std::mutex> lock(pool_mu_);
  readers_.push_back(std::move(reader));
}

Status StoreStoryRepository::Recover() {
  std::lock_guard<std::mutex> lock(ingest_mu_);
  std::vector<std::string> ids;
  STORYFUSE_RETURN_IF_ERROR(ForEachRow(writer_->db(), "SELECT id FROM articles ORDER BY seq", {},
                                       [&](SqlStatement& s) { ids.push_back(s.Text(0)); }));
  for (const std::string& id : ids) {
    Result<std::optional<StoredArticle>> a = writer_->Get(id);
    if (!a.ok()) return a.status();
    if (*a) pipeline_.Cluster((*a)->article);
  }
  SettledStories settled = pipeline_.Settle();
  std::vector<std::string> stored;
  STORYFUSE_RETURN_IF_ERROR(
      ForEachRow(writer_->db(), "SELECT id FROM stories", {}, [&](SqlStatement& s) { stored.push_back(s.Text(0)); }));
  for (const std::string& id : stored) {
    if (!settled.changed.count(id)) settled.removed.push_back(id);
  }
  STORYFUSE_RETURN_IF_ERROR(WriteStories(settled, ArticleStore::NowUtc(), /*only_stale=*/true));
  // The last process's death is accounted for: keep only the skips.
  crashed_story_.clear();
  crashed_attempts_ = 0;
  WriteJournal("", 0);
  return Status::Ok();
}

Status StoreStoryRepository::WriteStories(const SettledStories& settled, const std::string& now, bool only_stale) {
  for (const auto& [sid, ids] : settled.changed) STORYFUSE_RETURN_IF_ERROR(WriteStory(sid, ids, now, only_stale));
  for (const std::string& sid : settled.removed) {
    Result<SqlStatement> del = writer_->db().Prepare("DELETE FROM stories WHERE id = ?1");
    if (!del.ok()) return del.status();
    STORYFUSE_RETURN_IF_ERROR(del->Bind(1, sid).Run());
    ++repaired_;
  }
  return Status::Ok();
}

Status StoreStoryRepository::WriteStory(const std::string& sid, const std::vector<std::string>& ids,
                                        const std::string& now, bool only_stale) {
  // One transaction: a reader (or a crash) sees the story's links, brief
  // and article views all old or all new.
  Result<Database::Transaction> tx = writer_->db().Begin();
  if (!tx.ok()) return tx.status();
  std::vector<StoredArticle> members;
  bool stale = !only_stale;
  for (const std::string& id : ids) {
    Result<std::optional<StoredArticle>> a = writer_->Get(id);
    if (!a.ok()) return a.status();
    if (!*a) continue;  // in the clusterer but not stored: never happens for a store we replayed
    StoredArticle& m = members.emplace_back(std::move(**a));
    if (m.story_id != sid) {
      STORYFUSE_RETURN_IF_ERROR(writer_->SetStory(m.article.id, sid));
      m.story_id = sid;
      stale = true;
    }
    if (std::string copy = pipeline_.CopyOf(id); copy != m.copy_of) {
      STORYFUSE_RETURN_IF_ERROR(writer_->SetCopyOf(m.article.id, copy));
      m.copy_of = copy;
      stale = true;  // the article views show copy_of
    }
  }
  if (!stale) {
    Result<std::optional<StoredStory>> old = writer_->GetStory(sid);
    if (!old.ok()) return old.status();
    stale = !*old || BriefArticleIds((*old)->brief_json) != ids;
  }
  if (!stale) return tx->Commit();
  if (only_stale && skip_.count(sid)) {
    skipped_.push_back(sid);  // its build stopped the process twice: not on every start
    return tx->Commit();
  }
  if (only_stale) ++repaired_;
  std::vector<const Article*> articles;
  for (const StoredArticle& m : members) articles.push_back(&m.article);
  MarkBuilding(sid);
  BuiltStory built = pipeline_.BuildStory(sid, articles, now);
  STORYFUSE_RETURN_IF_ERROR(WriteArticleViews(members, built.brief_json));
  const StorySummary& sum = built.summary;
  STORYFUSE_RETURN_IF_ERROR(writer_->PutStory({sid, sum.headline, now, std::move(built.brief_json), sum.articles,
                                               sum.outlets, sum.independent_sources, sum.published}));
  STORYFUSE_RETURN_IF_ERROR(tx->Commit());
  skip_.erase(sid);  // built after all (an ingest changed it)
  MarkBuilt();
  return Status::Ok();
}

void StoreStoryRepository::MarkBuilding(const std::string& sid) {
  int attempts = sid == crashed_story_ ? crashed_attempts_ + 1 : 1;
  WriteJournal(sid, attempts);
}

void StoreStoryRepository::MarkBuilt() { WriteJournal("", 0); }

// Whole-file rewrite of a few lines, without fsync: it must survive the
// process (kill -9, out of memory), not the machine.
void StoreStoryRepository::WriteJournal(const std::string& building, int attempts) {
  if (lock_.fd < 0) return;
  std::string text;
  for (const std::string& id : skip_) text += "skip " + id + "\n";
  if (!building.empty()) text += "building " + building + " " + std::to_string(attempts) + "\n";
  if (!text.empty() && pwrite(lock_.fd, text.data(), text.size(), 0) < 0) return;
  if (ftruncate(lock_.fd, static_cast<off_t>(text.size())) != 0) return;
}

Status StoreStoryRepository::WriteArticleViews(const std::vector<StoredArticle>& members,
                                               const std::string& brief_json) {
  json brief = json::parse(brief_json, nullptr, false);
  for (const StoredArticle& m : members) {
    Result<std::vector<ArticleVersion>> history = writer_->History(m.article.id);
    if (!history.ok()) return history.status();
    STORYFUSE_RETURN_IF_ERROR(writer_->PutArticleView(
        m.article.id, ViewJson(m, *history, brief).dump(-1, ' ', false, json::error_handler_t::replace)));
  }
  return Status::Ok();
}

Result<IngestOutcome> StoreStoryRepository::IngestOne(const RawDoc& doc, const std::string& now) {
  std::string warning;
  Result<Article> a = pipeline_.Extract(doc, &warning);
  if (!a.ok()) return IngestOutcome{doc.id, "", "rejected", a.status().message(), "", "", 0};
  Result<IngestOutcome> out = StoreOne(*a, now);
  if (out.ok()) out->warning = std::move(warning);
  return out;
}

Result<IngestOutcome> StoreStoryRepository::StoreOne(const Article& a, const std::string& now) {
  Result<ArticleStore::PutResult> put = writer_->Put(a, now);
  if (!put.ok()) return put.status().WithContext(a.id);
  IngestOutcome out{a.id, "", "", "", "", put->id, put->version};
  switch (put->outcome) {
    case ArticleStore::PutOutcome::kInserted:
      pipeline_.Cluster(a);
      out.status = "created";
      break;
    case ArticleStore::PutOutcome::kUpdated:
      pipeline_.Touch(put->id);
      out.status = "updated";
      break;
    case ArticleStore::PutOutcome::kUnchanged:
      out.status = "unchanged";
      break;
    case ArticleStore::PutOutcome::kDuplicate:
      out.status = "duplicate";
      break;
  }
  return out;
}

Result<std::vector<IngestOutcome>> StoreStoryRepository::Ingest(std::vector<RawDoc> docs) {
  return writer_thread_.Run([this, &docs] {
    return IngestBatch(docs.size(), [&](size_t i, const std::string& now) { return IngestOne(docs[i], now); });
  });
}

Result<std::vector<IngestOutcome>> StoreStoryRepository::IngestArticles(const std::vector<Article>& articles) {
  return writer_thread_.Run([this, &articles] {
    return IngestBatch(articles.size(), [&](size_t i, const std::string& now) -> Result<IngestOutcome> {
      if (articles[i].text.size() <= StoryPipeline::kMaxArticleTextBytes) return StoreOne(articles[i], now);
      Article cut = articles[i];
      std::string warning = StoryPipeline::CutToLimit(&cut);
      Result<IngestOutcome> out = StoreOne(cut, now);
      if (out.ok()) out->warning = std::move(warning);
      return out;
    });
  });
}

Result<std::vector<IngestOutcome>> StoreStoryRepository::IngestBatch(
    size_t n, const std::function<Result<IngestOutcome>(size_t, const std::string&)>& store_one) {
  std::lock_guard<std::mutex> lock(ingest_mu_);
  std::string now = ArticleStore::NowUtc();
  std::vector<IngestOutcome> outcomes;
  for (size_t i = 0; i < n; ++i) {
    Result<IngestOutcome> o = store_one(i, now);
    if (!o.ok()) return o.status();
    outcomes.push_back(std::move(o).value());
  }
  STORYFUSE_RETURN_IF_ERROR(WriteStories(pipeline_.Settle(), now, /*only_stale=*/false));
  for (IngestOutcome& o : outcomes) {
    if (o.status != "rejected") o.story_id = pipeline_.StoryOf(o.stored_id);
  }
  return outcomes;
}

Result<StoryList> StoreStoryRepository::ListStories(const StoryQuery& query) {
  Result<ReaderLease> reader = Reader();
  if (!reader.ok()) return reader.status();
  std::string where = " WHERE 1";
  std::vector<std::string> params;
  if (!query.since.empty()) {
    params.push_back(query.since);
    where += " AND updated_at >= ?" + std::to_string(params.size());
  }
  if (std::string fts = FtsQuery(query.q); !fts.empty()) {
    params.push_back(fts);
    where +=
        " AND id IN (SELECT story_id FROM articles WHERE seq IN "
        "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?" +
        std::to_string(params.size()) + "))";
  }
  StoryList out;
  Database::InterruptGuard guard = Bounded((*reader)->db(), query.control);
  if (Status st = ForEachRow((*reader)->db(), "SELECT count(*) FROM stories" + where, params,
                             [&](SqlStatement& s) { out.total = s.Int(0); });
      !st.ok()) {
    return Stopped(st, query.control, "story list");
  }
  // Served by the stories_updated index and the list columns: no brief is read.
  std::string sql =
      "SELECT id, headline, updated_at, articles, outlets, independent_sources, published "
      "FROM stories" +
      where + " ORDER BY updated_at DESC, rowid DESC LIMIT " + std::to_string(query.limit) + " OFFSET " +
      std::to_string(query.offset);
  Status page = ForEachRow((*reader)->db(), sql, params, [&](SqlStatement& s) {
    out.stories.push_back({s.Text(0), s.Text(1), static_cast<int>(s.Int(3)), static_cast<int>(s.Int(4)),
                           static_cast<int>(s.Int(5)), s.Text(2), s.Text(6)});
  });
  if (!page.ok()) return Stopped(page, query.control, "story list");
  return out;
}

Result<std::string> StoreStoryRepository::StoryBriefJson(const std::string& story_id) {
  Result<ReaderLease> reader = Reader();
  if (!reader.ok()) return reader.status();
  Result<std::optional<StoredStory>> story = (*reader)->GetStory(story_id);
  if (!story.ok()) return story.status();
  if (!*story || (*story)->brief_json.empty()) return Status::NotFound("no story " + story_id);
  return std::move((*story)->brief_json);
}

Result<json> StoreStoryRepository::ArticleJson(const std::string& article_id) {
  Result<ReaderLease> reader = Reader();
  if (!reader.ok()) return reader.status();
  // Stored with the article's story: one indexed read.
  Result<std::optional<std::string>> stored = (*reader)->GetArticleView(article_id);
  if (!stored.ok()) return stored.status();
  if (*stored) {
    json view = json::parse(**stored, nullptr, false);
    if (view.is_object()) return view;
  }
  // Not in a story yet (or a store from before schema 3): render it now.
  Result<std::optional<StoredArticle>> a = (*reader)->Get(article_id);
  if (!a.ok()) return a.status();
  if (!*a) return Status::NotFound("no article " + article_id);
  Result<std::vector<ArticleVersion>> history = (*reader)->History(article_id);
  if (!history.ok()) return history.status();
  json brief;
  if (!(*a)->story_id.empty()) {
    Result<std::optional<StoredStory>> story = (*reader)->GetStory((*a)->story_id);
    if (!story.ok()) return story.status();
    if (*story) brief = json::parse((*story)->brief_json, nullptr, false);
  }
  return ViewJson(**a, *history, brief);
}

Result<std::vector<SearchResult>> StoreStoryRepository::Search(const std::string& q, int limit,
                                                               const QueryControl& control) {
  std::string fts = FtsQuery(q);
  if (fts.empty()) return std::vector<SearchResult>();
  Result<ReaderLease> reader = Reader();
  if (!reader.ok()) return reader.status();
  Database::InterruptGuard guard = Bounded((*reader)->db(), control);
  Result<std::vector<SearchHit>> hits = (*reader)->Search(fts, limit);
  if (!hits.ok()) return Stopped(hits.status(), control, "search");
  std::vector<SearchResult> articles, stories;
  std::map<std::string, size_t> story_index;
  for (const SearchHit& h : *hits) {
    std::string story, headline;
    STORYFUSE_RETURN_IF_ERROR(ForEachRow(
        (*reader)->db(),
        "SELECT a.story_id, s.headline FROM articles a LEFT JOIN stories s ON s.id = a.story_id WHERE a.id = ?1",
        {h.id}, [&](SqlStatement& s) {
          story = s.Text(0);
          headline = s.Text(1);
        }));
    articles.push_back({"article", h.id, h.title, story, h.snippet, -h.rank});
    if (story.empty()) continue;
    auto [it, fresh] = story_index.emplace(story, stories.size());
    if (fresh)
      stories.push_back({"story", story, headline, story, h.snippet, -h.rank});
    else
      stories[it->second].score -= h.rank;  // more matching articles rank a story higher
  }
  std::stable_sort(stories.begin(), stories.end(),
                   [](const SearchResult& a, const SearchResult& b) { return a.score > b.score; });
  stories.insert(stories.end(), articles.begin(), articles.end());
  return stories;
}

Status StoreStoryRepository::Verify(std::string* summary) {
  Result<ReaderLease> reader = Reader();
  if (!reader.ok()) return reader.status();
  std::map<std::string, std::set<std::string>> by_story;  // story -> its articles' ids
  int64_t articles = 0;
  std::vector<std::string> problems;
  STORYFUSE_RETURN_IF_ERROR(ForEachRow((*reader)->db(), "SELECT id, story_id FROM articles", {}, [&](SqlStatement& s) {
    ++articles;
    if (s.Text(1).empty())
      problems.push_back("article " + s.Text(0) + " has no story");
    else
      by_story[s.Text(1)].insert(s.Text(0));
  }));
  int64_t stories = 0;
  STORYFUSE_RETURN_IF_ERROR(ForEachRow((*reader)->db(), "SELECT id, brief_json FROM stories", {}, [&](SqlStatement& s) {
    ++stories;
    std::vector<std::string> listed = BriefArticleIds(s.Text(1));
    std::set<std::string> unique(listed.begin(), listed.end());
    auto it = by_story.find(s.Text(0));
    if (unique.size() != listed.size() || it == by_story.end() || it->second != unique) {
      problems.push_back("story " + s.Text(0) + ": its brief lists " + std::to_string(listed.size()) +
                         " articles, the store has " + std::to_string(it == by_story.end() ? 0 : it->second.size()));
    }
    if (it != by_story.end()) by_story.erase(it);
  }));
  for (const auto& [story, ids] : by_story) {
    problems.push_back("story " + story + " of " + std::to_string(ids.size()) + " articles has no brief");
  }
  // A stored article view must be of the article's current story and
  // version (a missing one is rendered on read, so it is not a problem).
  STORYFUSE_RETURN_IF_ERROR(ForEachRow((*reader)->db(),
                                       "SELECT a.id FROM articles a JOIN article_views v ON v.article_id = a.id "
                                       "WHERE json_extract(v.view_json, '$.story') IS NOT a.story_id "
                                       "OR json_extract(v.view_json, '$.versions[#-1].version') IS NOT a.version",
                                       {}, [&](SqlStatement& s) {
                                         problems.push_back("article " + s.Text(0) +
                                                            ": its stored view is of another story or version");
                                       }));
  *summary = std::to_string(articles) + " articles in " + std::to_string(stories) + " stories";
  if (problems.empty()) return Status::Ok();
  std::string message = std::to_string(problems.size()) + " problems:";
  for (size_t i = 0; i < problems.size() && i < 10; ++i) message += "\n  " + problems[i];
  return Status::Corruption(message);
}

Result<RepositoryStats> StoreStoryRepository::Stats() {
  Result<ReaderLease> reader = Reader();
  if (!reader.ok()) return reader.status();
  RepositoryStats stats;
  STORYFUSE_RETURN_IF_ERROR(
      ForEachRow((*reader)->db(),
                 "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM article_versions), "
                 "(SELECT count(*) FROM stories)",
                 {}, [&](SqlStatement& s) {
                   stats.articles = s.Int(0);
                   stats.versions = s.Int(0) + s.Int(1);
                   stats.stories = s.Int(2);
                 }));
  return stats;
}

}  // namespace storyfuse
