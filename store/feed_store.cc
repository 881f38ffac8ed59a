#include "store/feed_store.h"

#include "store/article_store.h"

namespace storyfuse {

const char* const FeedStore::kSchemaV5 = R"sql(
CREATE TABLE IF NOT EXISTS feeds (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  title TEXT,
  etag TEXT,
  last_modified TEXT,
  added_at TEXT NOT NULL,
  last_fetch TEXT,
  last_success TEXT,
  last_error TEXT,
  error_count INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS feed_items (
  feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
  url TEXT NOT NULL,
  article_id TEXT,
  error TEXT,
  seen_at TEXT NOT NULL,
  PRIMARY KEY (feed_id, url)
);
CREATE INDEX IF NOT EXISTS feed_items_by_url ON feed_items(url);
)sql";

const char* const FeedStore::kSchemaV7 = R"sql(
ALTER TABLE feed_items ADD COLUMN title TEXT;
ALTER TABLE feed_items ADD COLUMN published TEXT;
ALTER TABLE feed_items ADD COLUMN author TEXT;
ALTER TABLE feed_items ADD COLUMN summary TEXT;
)sql";

namespace {

constexpr const char* kSelect =
    "SELECT f.id, f.url, f.title, f.etag, f.last_modified, f.added_at, f.last_fetch, f.last_success, "
    "f.last_error, f.error_count, "
    "(SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id), "
    "(SELECT count(DISTINCT i.article_id) FROM feed_items i WHERE i.feed_id = f.id) "
    "FROM feeds f";

FeedRecord ReadRecord(const SqlStatement& s) {
  FeedRecord r;
  r.id = s.Int(0);
  r.url = s.Text(1);
  r.title = s.Text(2);
  r.etag = s.Text(3);
  r.last_modified = s.Text(4);
  r.added_at = s.Text(5);
  r.last_fetch = s.Text(6);
  r.last_success = s.Text(7);
  r.last_error = s.Text(8);
  r.error_count = s.Int(9);
  r.items_seen = s.Int(10);
  r.articles = s.Int(11);
  return r;
}

std::string Now(const std::string& now) { return now.empty() ? ArticleStore::NowUtc() : now; }

}  // namespace

Result<std::unique_ptr<FeedStore>> FeedStore::Open(const std::string& path) {
  {
    // Creates or migrates the schema, feeds included.
    STORYFUSE_ASSIGN_OR_RETURN(std::unique_ptr<ArticleStore> articles, ArticleStore::Open(path));
  }
  STORYFUSE_ASSIGN_OR_RETURN(std::unique_ptr<Database> db, Database::Open(path));
  return std::unique_ptr<FeedStore>(new FeedStore(std::move(db)));
}

Result<FeedRecord> FeedStore::Add(const std::string& url, const std::string& now) {
  STORYFUSE_ASSIGN_OR_RETURN(SqlStatement ins,
                             db_->Prepare("INSERT OR IGNORE INTO feeds (url, added_at) VALUES (?, ?)"));
  STORYFUSE_RETURN_IF_ERROR(ins.Bind(1, url).Bind(2, Now(now)).Run());
  STORYFUSE_ASSIGN_OR_RETURN(SqlStatement get, db_->Prepare(std::string(kSelect) + " WHERE f.url = ?"));
  get.Bind(1, url);
  STORYFUSE_ASSIGN_OR_RETURN(bool row, get.Step());
  if (!row) return Status::Internal("feed " + url + " vanished after insert");
  return ReadRecord(get);
}

Result<std::vector<FeedRecord>> FeedStore::List() {
  STORYFUSE_ASSIGN_OR_RETURN(SqlStatement get, db_->Prepare(std::string(kSelect) + " ORDER BY f.id"));
  std::vector<FeedRecord> out;
  for (;;) {
    STORYFUSE_ASSIGN_OR_RETURN(bool row, get.Step());
    if (!row) break;
    out.push_back(ReadRecord(get));
  }
  return out;
}

Result<std::optional<FeedRecord>> FeedStore::Get(int64_t id) {
  STORYFUSE_ASSIGN_OR_RETURN(SqlStatement get, db_->Prepare(std::string(kSelect) + " WHERE f.id = ?"));
  get.Bind(1, id);
  STORYFUSE_ASSIGN_OR_RETURN(bool row, get.Step());
  if (!row) return std::optional<FeedRecord>();
  return std::optional<FeedRecord>(ReadRecord(get));
}

Status FeedStore::Remove(int64_t id) {
  STORYFUSE_ASSIGN_OR_RETURN(SqlStatement del, db_->Prepare("DELETE FROM feeds WHERE id = ?"));
  STORYFUSE_RETURN_IF_ERROR(del.Bind(1, id).Run());
  if (db_->Changes() == 0) return Status::NotFound("no feed " + std::to_string(id));
  return Status::Ok();
}

Status FeedStore::RecordSuccess(int64_t id, const std::string& etag, const std::string& last_modified,
                                const std::string& title, const std::string& now) {
  STORYFUSE_ASSIGN_OR_RETURN(
      SqlStatement up,
      db_->Prepare("UPDATE feeds SET etag = ?, last_modified = ?, title = coalesce(?, title), last_fetch = ?, "
                   "last_success = ?, last_error = NULL, error_count = 0 WHERE id = ?"));
  std::string t = Now(now);
  return up.BindOrNull(1, etag)
      .BindOrNull(2, last_modified)
      .BindOrNull(3, title)
      .Bind(4, t)
      .Bind(5, t)
      .Bind(6, id)
      .Run();
}

Status FeedStore::RecordError(int64_t id, const std::string& message, const std::string& now) {
  STORYFUSE_ASSIGN_OR_RETURN(
      SqlStatement up,
      db_->Prepare("UPDATE feeds SET last_error = ?, error_count = error_count + 1, last_fetch = ? WHERE id = ?"));
  return up.Bind(1, message).Bind(2, Now(now)).Bind(3, id).Run();
}

Result<bool> FeedStore::Seen(const std::string& canonical_url) {
  STORYFUSE_ASSIGN_OR_RETURN(SqlStatement get, db_->Prepare("SELECT 1 FROM feed_items WHERE url = ? LIMIT 1"));
  get.Bind(1, canonical_url);
  return get.Step();
}

Status FeedStore::MarkSeen(int64_t id, const std::string& canonical_url, const std::string& article_id,
                           const std::string& error, const std::string& now, const FeedItemEvidence& evidence) {
  STORYFUSE_ASSIGN_OR_RETURN(SqlStatement ins,
                             db_->Prepare("INSERT OR REPLACE INTO feed_items (feed_id, url, article_id, error, "
                                          "seen_at, title, published, author, summary) "
                                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  return ins.Bind(1, id)
      .Bind(2, canonical_url)
      .BindOrNull(3, article_id)
      .BindOrNull(4, error)
      .Bind(5, Now(now))
      .BindOrNull(6, evidence.title)
      .BindOrNull(7, evidence.published)
      .BindOrNull(8, evidence.author)
      .BindOrNull(9, evidence.summary)
      .Run();
}

Result<std::optional<FeedItemEvidence>> FeedStore::Evidence(const std::string& canonical_url) {
  STORYFUSE_ASSIGN_OR_RETURN(
      SqlStatement get,
      db_->Prepare(
          "SELECT title, published, author, summary FROM feed_items WHERE url = ? ORDER BY seen_at, feed_id LIMIT 1"));
  get.Bind(1, canonical_url);
  STORYFUSE_ASSIGN_OR_RETURN(bool row, get.Step());
  if (!row) return std::optional<FeedItemEvidence>();
  return std::optional<FeedItemEvidence>(FeedItemEvidence{get.Text(0), get.Text(1), get.Text(2), get.Text(3)});
}

}  // namespace storyfuse
