#include "store/article_store.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>
#include <optional>

#include "base/hasher.h"
#include "store/article_codec.h"
#include "store/feed_store.h"

namespace storyfuse {
namespace {

// Schema version 1. Documented column by column in docs/store.md.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);

CREATE TABLE stories (
  id         TEXT PRIMARY KEY,
  headline   TEXT,
  updated_at TEXT NOT NULL,
  brief_json TEXT
);

CREATE TABLE articles (
  seq          INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL,
  url          TEXT,
  outlet       TEXT,
  title        TEXT,
  authors      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(authors)),
  published    TEXT,
  dateline     TEXT,
  wire         TEXT,
  language     TEXT,
  source       TEXT,
  input        TEXT,
  text         TEXT NOT NULL,
  story_id     TEXT,
  copy_of      TEXT,
  ingested_at  TEXT NOT NULL,
  version      INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
CREATE INDEX articles_story ON articles(story_id) WHERE story_id IS NOT NULL;

CREATE TABLE article_versions (
  article_id   TEXT NOT NULL,
  version      INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  url          TEXT,
  outlet       TEXT,
  title        TEXT,
  authors      TEXT NOT NULL,
  published    TEXT,
  dateline     TEXT,
  wire         TEXT,
  language     TEXT,
  source       TEXT,
  input        TEXT,
  text         TEXT NOT NULL,
  ingested_at  TEXT NOT NULL,
  replaced_at  TEXT NOT NULL,
  PRIMARY KEY (article_id, version)
);

CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text, content='articles', content_rowid='seq',
  tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
)sql";

// Schema version 2: the story list's columns on `stories` (filled from the
// stored briefs) and an index for "most recently updated first", so a page
// of the list is an index range read that never touches a brief.
constexpr const char* kSchemaV2 = R"sql(
ALTER TABLE stories ADD COLUMN articles INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stories ADD COLUMN outlets INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stories ADD COLUMN independent_sources INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stories ADD COLUMN published TEXT;
UPDATE stories SET
  articles = (SELECT count(*) FROM articles a WHERE a.story_id = stories.id),
  outlets = coalesce(json_extract(brief_json, '$.outlets'), 0),
  independent_sources = coalesce(json_extract(brief_json, '$.independent_sources'), 0),
  published = (SELECT max(published) FROM articles a WHERE a.story_id = stories.id)
  WHERE json_valid(brief_json);
CREATE INDEX stories_updated ON stories(updated_at);
)sql";

// Schema version 3: each article's rendered view (GET /api/articles/{id}),
// written with its story so that reading an article parses no brief.
constexpr const char* kSchemaV3 = R"sql(
CREATE TABLE article_views (
  article_id TEXT PRIMARY KEY,
  view_json  TEXT NOT NULL
);
)sql";

// Schema version 4: the corrections an article prints about itself
// (Article::corrections), cut from its text by cleaning, as a JSON array
// of {"begin", "end", "text"} with byte offsets into `input`. Articles
// stored before have none until they are read again.
constexpr const char* kSchemaV4 = R"sql(
ALTER TABLE articles ADD COLUMN corrections TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(corrections));
ALTER TABLE article_versions ADD COLUMN corrections TEXT NOT NULL DEFAULT '[]';
)sql";

constexpr const char* kArticleColumns =
    "id, content_hash, url, outlet, title, authors, published, dateline, wire, language, source, "
    "input, text, story_id, copy_of, ingested_at, version, corrections";

// kArticleColumns of an archived version `v` joined with its article `a`
// (whose story and copy links are the current ones).
constexpr const char* kFirstVersionColumns =
    "v.article_id, v.content_hash, v.url, v.outlet, v.title, v.authors, v.published, v.dateline, v.wire, "
    "v.language, v.source, v.input, v.text, a.story_id, a.copy_of, v.ingested_at, v.version, v.corrections";

// Reads a row selected with kArticleColumns (or kFirstVersionColumns).
StoredArticle ReadArticle(const SqlStatement& s) {
  StoredArticle out;
  Article& a = out.article;
  a.id = s.Text(0);
  out.content_hash = s.Text(1);
  a.url = s.Text(2);
  a.outlet = s.Text(3);
  a.title = s.Text(4);
  a.authors = AuthorsFromJson(s.Text(5));
  a.published.iso = s.Text(6);
  a.dateline = s.Text(7);
  a.wire = s.Text(8);
  if (!s.IsNull(9)) a.language = s.Text(9);
  a.source = s.Text(10);
  a.input = s.Text(11);
  a.text = s.Text(12);
  out.story_id = s.Text(13);
  out.copy_of = s.Text(14);
  out.ingested_at = s.Text(15);
  out.version = s.Int(16);
  a.corrections = CorrectionsFromJson(s.Text(17), a.input);
  return out;
}

struct Found {
  std::string id;
  std::string hash;
  int64_t version = 0;
};

// Runs a lookup returning (id, content_hash, version) for `key`.
Result<std::optional<Found>> Lookup(SqlStatement& s, const std::string& key) {
  s.Bind(1, key);
  Result<bool> row = s.Step();
  std::optional<Found> found;
  if (row.ok() && *row) found = Found{s.Text(0), s.Text(1), s.Int(2)};
  s.Reset();
  if (!row.ok()) return row.status();
  return found;
}

}  // namespace

std::string ArticleStore::ContentHash(const Article& a) {
  // "\0" between fields: "ab"+"c" must differ from "a"+"bc". A correction
  // is content: a copy that adds one is a new version. An article without
  // any hashes as it did before schema 4.
  std::vector<std::string_view> parts = {a.title, std::string_view("\0", 1), a.text};
  for (const ArticleCorrection& c : a.corrections) {
    parts.push_back(std::string_view("\0\1", 2));
    parts.push_back(c.text);
  }
  return Hasher::Hash128Hex(parts);
}

Result<std::unique_ptr<ArticleStore>> ArticleStore::Open(const std::string& path) {
  STORYFUSE_ASSIGN_OR_RETURN(std::unique_ptr<Database> db, Database::Open(path));
  std::unique_ptr<ArticleStore> store(new ArticleStore(std::move(db)));
  Status st = store->Migrate();
  if (st.ok()) st = store->Prepare();
  if (!st.ok()) return st.WithContext(path);
  return store;
}

Result<int> ArticleStore::SchemaVersion() {
  STORYFUSE_ASSIGN_OR_RETURN(
      SqlStatement has,
      db_->Prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"));
  Result<bool> row = has.Step();
  if (!row.ok()) return row.status();
  if (has.Int(0) == 0) return 0;
  STORYFUSE_ASSIGN_OR_RETURN(SqlStatement get, db_->Prepare("SELECT max(version) FROM schema_version"));
  row = get.Step();
  if (!row.ok()) return row.status();
  return static_cast<int>(get.Int(0));  // NULL (no row) reads as 0
}

Status ArticleStore::MigrateTo1() { return db_->Exec(kSchemaV1); }
Status ArticleStore::MigrateTo2() { return db_->Exec(kSchemaV2); }
Status ArticleStore::MigrateTo3() { return db_->Exec(kSchemaV3); }
Status ArticleStore::MigrateTo4() { return db_->Exec(kSchemaV4); }
// Schema 5: the state of followed feeds (store/feed_store.h).
Status ArticleStore::MigrateTo5() { return db_->Exec(FeedStore::kSchemaV5); }

// Schema 6: story versions, the clusterer's log and the moves between
// stories (the revising stream and editor corrections, issue #21). The
// same tables as PostgreSQL's (store/pg_story_store.cc).
constexpr const char* kSchemaV6 = R"sql(
ALTER TABLE stories ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

CREATE TABLE stream_events (
  seq            INTEGER PRIMARY KEY AUTOINCREMENT,
  after_articles INTEGER NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('revise', 'merge', 'move', 'detach')),
  article_id     TEXT,
  story_id       TEXT,
  target_id      TEXT,
  at             TEXT NOT NULL,
  note           TEXT
);
CREATE INDEX stream_events_story ON stream_events(story_id) WHERE kind <> 'revise';
CREATE INDEX stream_events_target ON stream_events(target_id) WHERE kind <> 'revise';

CREATE TABLE story_moves (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id TEXT NOT NULL,
  from_story TEXT NOT NULL,
  to_story   TEXT NOT NULL,
  cause      TEXT NOT NULL CHECK (cause IN ('stream', 'editor')),
  at         TEXT NOT NULL
);
CREATE INDEX story_moves_from ON story_moves(from_story, seq);
CREATE INDEX story_moves_to ON story_moves(to_story, seq);
)sql";

Status ArticleStore::MigrateTo6() { return db_->Exec(kSchemaV6); }
// Schema 7: what feeds said of their items (store/feed_store.h).
Status ArticleStore::MigrateTo7() { return db_->Exec(FeedStore::kSchemaV7); }

Status ArticleStore::Migrate() {
  // Checked inside the write transaction so two processes creating the
  // same store do not both run a migration.
  STORYFUSE_ASSIGN_OR_RETURN(Database::Transaction tx, db_->Begin());
  STORYFUSE_ASSIGN_OR_RETURN(int version, SchemaVersion());
  if (version > kSchemaVersion) {
    return Status::Unsupported("database schema version " + std::to_string(version) + " is newer than this build's (" +
                               std::to_string(kSchemaVersion) + ")");
  }
  if (version == kSchemaVersion) return tx.Commit();
  // One step per version.
  if (version < 1) STORYFUSE_RETURN_IF_ERROR(MigrateTo1());
  if (version < 2) STORYFUSE_RETURN_IF_ERROR(MigrateTo2());
  if (version < 3) STORYFUSE_RETURN_IF_ERROR(MigrateTo3());
  if (version < 4) STORYFUSE_RETURN_IF_ERROR(MigrateTo4());
  if (version < 5) STORYFUSE_RETURN_IF_ERROR(MigrateTo5());
  if (version < 6) STORYFUSE_RETURN_IF_ERROR(MigrateTo6());
  if (version < 7) STORYFUSE_RETURN_IF_ERROR(MigrateTo7());
  STORYFUSE_RETURN_IF_ERROR(db_->Exec("DELETE FROM schema_version; INSERT INTO schema_version VALUES (" +
                                      std::to_string(kSchemaVersion) + ")"));
  return tx.Commit();
}

Status ArticleStore::Prepare() {
  struct {
    SqlStatement* stmt;
    std::string sql;
  } statements[] = {
      {&find_by_id_, "SELECT id, content_hash, version FROM articles WHERE id = ?1"},
      {&find_by_hash_,
       "SELECT id, content_hash, version FROM articles WHERE content_hash = ?1 "
       "ORDER BY seq LIMIT 1"},
      {&find_by_url_,
       "SELECT id, content_hash, version FROM articles WHERE url = ?1 "
       "ORDER BY seq LIMIT 1"},
      {&insert_,
       "INSERT INTO articles (id, content_hash, url, outlet, title, authors, published, "
       "dateline, wire, language, source, input, text, ingested_at, version, corrections) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"},
      {&update_,
       "UPDATE articles SET content_hash = ?2, url = ?3, outlet = ?4, title = ?5, "
       "authors = ?6, published = ?7, dateline = ?8, wire = ?9, language = ?10, "
       "source = ?11, input = ?12, text = ?13, ingested_at = ?14, version = ?15, "
       "corrections = ?16 WHERE id = ?1"},
      {&archive_,
       "INSERT INTO article_versions (article_id, version, content_hash, url, outlet, "
       "title, authors, published, dateline, wire, language, source, input, text, "
       "ingested_at, replaced_at, corrections) SELECT id, version, content_hash, url, outlet, "
       "title, authors, published, dateline, wire, language, source, input, text, ingested_at, "
       "?2, corrections FROM articles WHERE id = ?1"},
  };
  for (auto& s : statements) {
    Result<SqlStatement> stmt = db_->Prepare(s.sql);
    if (!stmt.ok()) return stmt.status();
    *s.stmt = std::move(*stmt);
  }
  return Status::Ok();
}

Status ArticleStore::Archive(const std::string& id, const std::string& now) {
  return archive_.Bind(1, id).Bind(2, now).Run();
}

Status ArticleStore::Write(const Article& a, const std::string& id, const std::string& hash, const std::string& now,
                           int64_t version, bool update) {
  SqlStatement& s = update ? update_ : insert_;
  s.Bind(1, id).Bind(2, hash).BindOrNull(3, a.url).BindOrNull(4, a.outlet).BindOrNull(5, a.title);
  s.Bind(6, AuthorsJson(a.authors)).BindOrNull(7, a.published.iso).BindOrNull(8, a.dateline);
  s.BindOrNull(9, a.wire).BindOrNull(10, a.language).BindOrNull(11, a.source);
  s.BindOrNull(12, a.input).Bind(13, a.text).Bind(14, now).Bind(15, version);
  s.Bind(16, CorrectionsJson(a.corrections));
  return s.Run();
}

Result<ArticleStore::PutResult> ArticleStore::Put(const Article& a, const std::string& now_in) {
  if (a.id.empty()) return Status::InvalidArgument("article without id");
  if (a.text.empty()) return Status::InvalidArgument(a.id + ": article without text");
  const std::string now = now_in.empty() ? NowUtc() : now_in;
  const std::string hash = ContentHash(a);
  STORYFUSE_ASSIGN_OR_RETURN(Database::Transaction tx, db_->Begin());

  STORYFUSE_ASSIGN_OR_RETURN(std::optional<Found> by_id, Lookup(find_by_id_, a.id));
  std::optional<Found> target = by_id;
  if (target && target->hash == hash) return PutResult{PutOutcome::kUnchanged, a.id, target->version};
  if (!target) {
    STORYFUSE_ASSIGN_OR_RETURN(std::optional<Found> by_hash, Lookup(find_by_hash_, hash));
    if (by_hash) return PutResult{PutOutcome::kDuplicate, by_hash->id, by_hash->version};
    if (!a.url.empty()) {
      STORYFUSE_ASSIGN_OR_RETURN(std::optional<Found> by_url, Lookup(find_by_url_, a.url));
      target = by_url;
    }
  }
  PutResult result{PutOutcome::kInserted, a.id, 1};
  if (target) {
    result = {PutOutcome::kUpdated, target->id, target->version + 1};
    STORYFUSE_RETURN_IF_ERROR(Archive(target->id, now));
  }
  STORYFUSE_RETURN_IF_ERROR(Write(a, result.id, hash, now, result.version, target.has_value()));
  STORYFUSE_RETURN_IF_ERROR(tx.Commit());
  return result;
}

Result<std::optional<StoredArticle>> ArticleStore::Get(const std::string& id) {
  STORYFUSE_ASSIGN_OR_RETURN(SqlStatement s,
                             db_->Prepare(std::string("SELECT ") + kArticleColumns + " FROM articles WHERE id = ?1"));
  s.Bind(1, id);
  STORYFUSE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<StoredArticle>();
  return std::optional<StoredArticle>(ReadArticle(s));
}

Result<std::optional<StoredArticle>> ArticleStore::FirstVersion(const std::string& id) {
  STORYFUSE_ASSIGN_OR_RETURN(SqlStatement s, db_->Prepare(std::string("SELECT ") + kFirstVersionColumns +
                                                          " FROM article_versions v JOIN articles a ON a.id = "
                                                          "v.article_id WHERE v.article_id = ?1 "
                                                          "ORDER BY v.version LIMIT 1"));
  s.Bind(1, id);
  STORYFUSE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Get(id);  // never replaced
  return std::optional<StoredArticle>(ReadArticle(s));
}

Result<std::vector<ArticleVersion>> ArticleStore::History(const std::string& id) {
  STORYFUSE_ASSIGN_OR_RETURN(SqlStatement s,
                             db_->Prepare("SELECT version, content_hash, url, title, text, ingested_at, replaced_at "
                                          "FROM article_versions WHERE article_id = ?1 ORDER BY version"));
  s.Bind(1, id);
  std::vector<ArticleVersion> out;
  for (;;) {
    STORYFUSE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back({s.Int(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4), s.Text(5), s.Text(6)});
  }
  return out;
}

Result<std::vector<SearchHit>> ArticleStore::Search(const std::string& query, int limit) {
  STORYFUSE_ASSIGN_OR_RETURN(
      SqlStatement s,
      db_->Prepare("SELECT a.id, a.title, snippet(articles_fts, 1, '[', ']', '...', 12), bm25(articles_fts) "
                   "FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
                   "WHERE articles_fts MATCH ?1 ORDER BY bm25(articles_fts) LIMIT ?2"));
  s.Bind(1, query).Bind(2, int64_t{limit});
  std::vector<SearchHit> out;
  for (;;) {
    Result<bool> row = s.Step();
    if (!row.ok() && row.status().code() == Status::Code::kUnsupported) return row.status();  // interrupted
    if (!row.ok()) return Status::InvalidArgument("search \"" + query + "\": " + row.status().message());
    if (!*row) break;
    out.push_back({s.Text(0), s.Text(1), s.Text(2), s.Real(3)});
  }
  return out;
}

Result<int64_t> ArticleStore::CountArticles() {
  STORYFUSE_ASSIGN_OR_RETURN(SqlStatement s, db_->Prepare("SELECT count(*) FROM articles"));
  STORYFUSE_RETURN_IF_ERROR(s.Step().status());
  return s.Int(0);
}

Status ArticleStore::SetStory(const std::string& article_id, const std::string& story_id) {
  STORYFUSE_ASSIGN_OR_RETURN(SqlStatement s, db_->Prepare("UPDATE articles SET story_id = ?2 WHERE id = ?1"));
  STORYFUSE_RETURN_IF_ERROR(s.Bind(1, article_id).BindOrNull(2, story_id).Run());
  if (db_->Changes() == 0) return Status::NotFound("no article " + article_id);
  return Status::Ok();
}

Status ArticleStore::SetCopyOf(const std::string& article_id, const std::string& copy_of) {
  STORYFUSE_ASSIGN_OR_RETURN(SqlStatement s, db_->Prepare("UPDATE articles SET copy_of = ?2 WHERE id = ?1"));
  STORYFUSE_RETURN_IF_ERROR(s.Bind(1, article_id).BindOrNull(2, copy_of).Run());
  if (db_->Changes() == 0) return Status::NotFound("no article " + article_id);
  return Status::Ok();
}

Status ArticleStore::PutStory(const StoredStory& story) {
  if (story.id.empty()) return Status::InvalidArgument("story without id");
  STORYFUSE_ASSIGN_OR_RETURN(
      SqlStatement s,
      db_->Prepare("INSERT INTO stories (id, headline, updated_at, brief_json, articles, outlets, independent_sources, "
                   "published, version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                   "ON CONFLICT(id) DO UPDATE SET headline = excluded.headline, "
                   "updated_at = excluded.updated_at, brief_json = excluded.brief_json, articles = excluded.articles, "
                   "outlets = excluded.outlets, independent_sources = excluded.independent_sources, "
                   "published = excluded.published, version = excluded.version"));
  std::string updated = story.updated_at.empty() ? NowUtc() : story.updated_at;
  return s.Bind(1, story.id)
      .BindOrNull(2, story.headline)
      .Bind(3, updated)
      .BindOrNull(4, story.brief_json)
      .Bind(5, story.articles)
      .Bind(6, story.outlets)
      .Bind(7, story.independent_sources)
      .BindOrNull(8, story.published)
      .Bind(9, story.version)
      .Run();
}

Result<std::optional<StoredStory>> ArticleStore::GetStory(const std::string& id) {
  STORYFUSE_ASSIGN_OR_RETURN(
      SqlStatement s,
      db_->Prepare("SELECT id, headline, updated_at, brief_json, articles, outlets, independent_sources, "
                   "published, version FROM stories WHERE id = ?1"));
  s.Bind(1, id);
  STORYFUSE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<StoredStory>();
  return std::optional<StoredStory>(
      StoredStory{s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Int(4), s.Int(5), s.Int(6), s.Text(7), s.Int(8)});
}

Status ArticleStore::PutArticleView(const std::string& article_id, const std::string& view_json) {
  STORYFUSE_ASSIGN_OR_RETURN(SqlStatement s,
                             db_->Prepare("INSERT INTO article_views (article_id, view_json) VALUES (?1, ?2) "
                                          "ON CONFLICT(article_id) DO UPDATE SET view_json = excluded.view_json"));
  return s.Bind(1, article_id).Bind(2, view_json).Run();
}

Result<std::optional<std::string>> ArticleStore::GetArticleView(const std::string& article_id) {
  STORYFUSE_ASSIGN_OR_RETURN(SqlStatement s, db_->Prepare("SELECT view_json FROM article_views WHERE article_id = ?1"));
  s.Bind(1, article_id);
  STORYFUSE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(s.Text(0));
}

Result<std::vector<std::string>> ArticleStore::StoryArticles(const std::string& story_id) {
  STORYFUSE_ASSIGN_OR_RETURN(SqlStatement s, db_->Prepare("SELECT id FROM articles WHERE story_id = ?1 ORDER BY seq"));
  s.Bind(1, story_id);
  std::vector<std::string> out;
  for (;;) {
    STORYFUSE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(s.Text(0));
  }
  return out;
}

namespace {

// Runs `sql` with text parameters, calling fn(statement) per row.
template <typename F>
Status ForEachRow(Database& db, const std::string& sql, const std::vector<std::string>& params, F fn) {
  STORYFUSE_ASSIGN_OR_RETURN(SqlStatement s, db.Prepare(sql));
  for (size_t i = 0; i < params.size(); ++i) s.Bind(static_cast<int>(i + 1), params[i]);
  for (;;) {
    STORYFUSE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return Status::Ok();
    fn(s);
  }
}

// Stops the connection's statements while alive when `stop` says so.
std::optional<Database::InterruptGuard> StopWhen(Database& db, const StoryStore::StopCondition& stop) {
  if (!stop) return std::nullopt;
  return db.InterruptWhen(stop);
}

class SqliteTransaction : public StoreTransaction {
 public:
  explicit SqliteTransaction(Database::Transaction tx) : tx_(std::move(tx)) {}
  Status Commit() override { return tx_.Commit(); }

 private:
  Database::Transaction tx_;
};

}  // namespace

std::string ArticleStore::FtsQuery(const std::vector<std::string>& terms) {
  std::string out;
  for (const std::string& term : terms) out += (out.empty() ? "\"" : " \"") + term + "\"*";
  return out;
}

Result<std::vector<std::string>> ArticleStore::ArticleIds() {
  std::vector<std::string> ids;
  STORYFUSE_RETURN_IF_ERROR(
      ForEachRow(*db_, "SELECT id FROM articles ORDER BY seq", {}, [&](SqlStatement& s) { ids.push_back(s.Text(0)); }));
  return ids;
}

Status ArticleStore::AppendStreamEvent(const StreamEvent& e) {
  STORYFUSE_ASSIGN_OR_RETURN(
      SqlStatement s,
      db_->Prepare("INSERT INTO stream_events (after_articles, kind, article_id, story_id, target_id, at, note) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
  return s.Bind(1, e.after_articles)
      .Bind(2, e.kind)
      .BindOrNull(3, e.article_id)
      .BindOrNull(4, e.story_id)
      .BindOrNull(5, e.target_id)
      .Bind(6, e.at.empty() ? NowUtc() : e.at)
      .BindOrNull(7, e.note)
      .Run();
}

namespace {

constexpr const char* kEventColumns = "seq, after_articles, kind, article_id, story_id, target_id, at, note";

StreamEvent ReadEvent(SqlStatement& s) {
  return {s.Int(0), s.Int(1), s.Text(2), s.Text(3), s.Text(4), s.Text(5), s.Text(6), s.Text(7)};
}

}  // namespace

Result<std::vector<StreamEvent>> ArticleStore::StreamEvents() {
  std::vector<StreamEvent> out;
  STORYFUSE_RETURN_IF_ERROR(ForEachRow(*db_,
                                       std::string("SELECT ") + kEventColumns + " FROM stream_events ORDER BY seq", {},
                                       [&](SqlStatement& s) { out.push_back(ReadEvent(s)); }));
  return out;
}

Result<std::vector<StreamEvent>> ArticleStore::StreamCorrections(const std::string& story_id) {
  std::vector<StreamEvent> out;
  STORYFUSE_RETURN_IF_ERROR(ForEachRow(*db_,
                                       std::string("SELECT ") + kEventColumns +
                                           " FROM stream_events WHERE kind <> 'revise' AND story_id = ?1 UNION "
                                           "SELECT " +
                                           kEventColumns +
                                           " FROM stream_events WHERE kind <> 'revise' AND target_id = ?1 ORDER BY seq",
                                       {story_id}, [&](SqlStatement& s) { out.push_back(ReadEvent(s)); }));
  return out;
}

Status ArticleStore::AddStoryMove(const StoryMoveRecord& m) {
  STORYFUSE_ASSIGN_OR_RETURN(
      SqlStatement s,
      db_->Prepare(
          "INSERT INTO story_moves (article_id, from_story, to_story, cause, at) VALUES (?1, ?2, ?3, ?4, ?5)"));
  return s.Bind(1, m.article_id)
      .Bind(2, m.from_story)
      .Bind(3, m.to_story)
      .Bind(4, m.cause)
      .Bind(5, m.at.empty() ? NowUtc() : m.at)
      .Run();
}

Result<std::vector<StoryMoveRecord>> ArticleStore::StoryMoves(const std::string& story_id, int limit) {
  std::vector<StoryMoveRecord> out;
  STORYFUSE_RETURN_IF_ERROR(ForEachRow(
      *db_,
      "SELECT * FROM (SELECT seq, article_id, from_story, to_story, cause, at FROM story_moves WHERE from_story = ?1 "
      "UNION SELECT seq, article_id, from_story, to_story, cause, at FROM story_moves WHERE to_story = ?1 "
      "ORDER BY seq DESC LIMIT " +
          std::to_string(std::max(limit, 0)) + ") ORDER BY seq",
      {story_id}, [&](SqlStatement& s) {
        out.push_back({s.Int(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4), s.Text(5)});
      }));
  return out;
}

Status ArticleStore::DeleteStory(const std::string& id) {
  STORYFUSE_ASSIGN_OR_RETURN(SqlStatement del, db_->Prepare("DELETE FROM stories WHERE id = ?1"));
  return del.Bind(1, id).Run();
}

Result<std::vector<std::string>> ArticleStore::StoryIds() {
  std::vector<std::string> ids;
  STORYFUSE_RETURN_IF_ERROR(
      ForEachRow(*db_, "SELECT id FROM stories", {}, [&](SqlStatement& s) { ids.push_back(s.Text(0)); }));
  return ids;
}

Result<StoryPage> ArticleStore::ListStories(const StoryListFilter& filter, const StopCondition& stop) {
  std::string where = " WHERE 1";
  std::vector<std::string> params;
  if (!filter.since.empty()) {
    params.push_back(filter.since);
    where += " AND updated_at >= ?" + std::to_string(params.size());
  }
  if (std::string fts = FtsQuery(filter.terms); !fts.empty()) {
    params.push_back(fts);
    where +=
        " AND id IN (SELECT story_id FROM articles WHERE seq IN "
        "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?" +
        std::to_string(params.size()) + "))";
  }
  StoryPage out;
  std::optional<Database::InterruptGuard> guard = StopWhen(*db_, stop);
  STORYFUSE_RETURN_IF_ERROR(
      ForEachRow(*db_, "SELECT count(*) FROM stories" + where, params, [&](SqlStatement& s) { out.total = s.Int(0); }));
  // Served by the stories_updated index and the list columns: no brief is read.
  std::string sql =
      "SELECT id, headline, updated_at, articles, outlets, independent_sources, published "
      "FROM stories" +
      where + " ORDER BY updated_at DESC, rowid DESC LIMIT " + std::to_string(filter.limit) + " OFFSET " +
      std::to_string(filter.offset);
  STORYFUSE_RETURN_IF_ERROR(ForEachRow(*db_, sql, params, [&](SqlStatement& s) {
    out.stories.push_back({s.Text(0), s.Text(1), s.Text(2), "", s.Int(3), s.Int(4), s.Int(5), s.Text(6)});
  }));
  return out;
}

Result<std::vector<ArticleSearchHit>> ArticleStore::SearchArticles(const std::vector<std::string>& terms, int limit,
                                                                   const StopCondition& stop) {
  std::string fts = FtsQuery(terms);
  if (fts.empty()) return std::vector<ArticleSearchHit>();
  std::optional<Database::InterruptGuard> guard = StopWhen(*db_, stop);
  STORYFUSE_ASSIGN_OR_RETURN(std::vector<SearchHit> hits, Search(fts, limit));
  std::vector<ArticleSearchHit> out;
  for (SearchHit& h : hits) {
    ArticleSearchHit& o = out.emplace_back();
    STORYFUSE_RETURN_IF_ERROR(ForEachRow(
        *db_, "SELECT a.story_id, s.headline FROM articles a LEFT JOIN stories s ON s.id = a.story_id WHERE a.id = ?1",
        {h.id}, [&](SqlStatement& s) {
          o.story_id = s.Text(0);
          o.story_headline = s.Text(1);
        }));
    o.hit = std::move(h);
  }
  return out;
}

Result<StoreCounts> ArticleStore::Counts() {
  StoreCounts counts;
  STORYFUSE_RETURN_IF_ERROR(
      ForEachRow(*db_,
                 "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM article_versions), "
                 "(SELECT count(*) FROM stories)",
                 {}, [&](SqlStatement& s) {
                   counts.articles = s.Int(0);
                   counts.archived_versions = s.Int(1);
                   counts.stories = s.Int(2);
                 }));
  return counts;
}

Status ArticleStore::ForEachArticleStory(
    const std::function<void(const std::string& id, const std::string& story_id)>& fn) {
  return ForEachRow(*db_, "SELECT id, story_id FROM articles", {}, [&](SqlStatement& s) { fn(s.Text(0), s.Text(1)); });
}

Status ArticleStore::ForEachStoryBrief(
    const std::function<void(const std::string& id, const std::string& brief_json)>& fn) {
  return ForEachRow(*db_, "SELECT id, brief_json FROM stories", {}, [&](SqlStatement& s) { fn(s.Text(0), s.Text(1)); });
}

Result<std::vector<std::string>> ArticleStore::StaleArticleViews() {
  std::vector<std::string> ids;
  STORYFUSE_RETURN_IF_ERROR(ForEachRow(*db_,
                                       "SELECT a.id FROM articles a JOIN article_views v ON v.article_id = a.id "
                                       "WHERE json_extract(v.view_json, '$.story') IS NOT a.story_id "
                                       "OR json_extract(v.view_json, '$.versions[#-1].version') IS NOT a.version",
                                       {}, [&](SqlStatement& s) { ids.push_back(s.Text(0)); }));
  return ids;
}

Result<std::unique_ptr<StoreTransaction>> ArticleStore::Begin() {
  STORYFUSE_ASSIGN_OR_RETURN(Database::Transaction tx, db_->Begin());
  return std::unique_ptr<StoreTransaction>(std::make_unique<SqliteTransaction>(std::move(tx)));
}

}  // namespace storyfuse
