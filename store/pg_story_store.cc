#include "store/pg_story_store.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

#include "base/hasher.h"
#include "store/article_codec.h"
#include "store/article_store.h"

namespace storyfuse {
namespace {

// The advisory lock that serializes schema creation and migration between
// processes opening the same database at once (any fixed number unlikely
// to be used by another application: "sfschema" in ASCII).
constexpr int64_t kMigrationLock = 0x7366736368656d61LL;
// The one writer's session lock ("sfwriter").
constexpr int64_t kWriterLock = 0x7366777269746572LL;
// Put's per-key advisory locks hash the key with this seed, so they do not
// collide with kMigrationLock's namespace by construction of the prefixes.
constexpr uint64_t kPutLockSeed = 0x73667075746c6f63ULL;

// Schema version 4 (docs/store.md), created in one step: PostgreSQL stores
// start at the version SQLite reached, and later versions add one step for
// both engines. `search` replaces SQLite's articles_fts table and triggers.
// The hash and url indexes carry seq: Put's "first row with this hash"
// lookup is then one index probe whatever the statistics say (with
// (content_hash) alone, a fresh table's planner walked the seq order and
// filtered, O(n) per Put: 40 ms at 2,000 articles).
constexpr const char* kSchemaV4 = R"sql(
CREATE TABLE schema_version (version INTEGER NOT NULL);

CREATE TABLE stories (
  seq                 BIGSERIAL UNIQUE,
  id                  TEXT PRIMARY KEY,
  headline            TEXT,
  updated_at          TEXT NOT NULL,
  brief_json          TEXT,
  articles            BIGINT NOT NULL DEFAULT 0,
  outlets             BIGINT NOT NULL DEFAULT 0,
  independent_sources BIGINT NOT NULL DEFAULT 0,
  published           TEXT
);
CREATE INDEX stories_updated ON stories(updated_at);

CREATE TABLE articles (
  seq          BIGSERIAL PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL,
  url          TEXT,
  outlet       TEXT,
  title        TEXT,
  authors      TEXT NOT NULL DEFAULT '[]',
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
  version      BIGINT NOT NULL DEFAULT 1,
  corrections  TEXT NOT NULL DEFAULT '[]',
  search       tsvector GENERATED ALWAYS AS
                 (to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED
);
CREATE INDEX articles_content_hash ON articles(content_hash, seq);
CREATE INDEX articles_url ON articles(url, seq) WHERE url IS NOT NULL;
CREATE INDEX articles_story ON articles(story_id) WHERE story_id IS NOT NULL;
CREATE INDEX articles_search ON articles USING GIN (search);

CREATE TABLE article_versions (
  article_id   TEXT NOT NULL,
  version      BIGINT NOT NULL,
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
  corrections  TEXT NOT NULL DEFAULT '[]',
  PRIMARY KEY (article_id, version)
);

CREATE TABLE article_views (
  article_id TEXT PRIMARY KEY,
  view_json  TEXT NOT NULL
);

INSERT INTO schema_version VALUES (4);
)sql";

// Schema 6, as SQLite's (store/article_store.cc): story versions, the
// clusterer's log and the moves between stories. PostgreSQL has no step
// for 5 (feeds are SQLite's alone), so a store goes from 4 to 6.
constexpr const char* kSchemaV6 = R"sql(
ALTER TABLE stories ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

CREATE TABLE stream_events (
  seq            BIGSERIAL PRIMARY KEY,
  after_articles BIGINT NOT NULL,
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
  seq        BIGSERIAL PRIMARY KEY,
  article_id TEXT NOT NULL,
  from_story TEXT NOT NULL,
  to_story   TEXT NOT NULL,
  cause      TEXT NOT NULL CHECK (cause IN ('stream', 'editor')),
  at         TEXT NOT NULL
);
CREATE INDEX story_moves_from ON story_moves(from_story, seq);
CREATE INDEX story_moves_to ON story_moves(to_story, seq);

DELETE FROM schema_version;
INSERT INTO schema_version VALUES (6);
)sql";

// Schema 8 (PostgreSQL only; SQLite keeps FTS5 in its own table already,
// so SQLite skips 8 as PostgreSQL skips 5 and 7): the search vectors move
// out of `articles` into `article_search`, written by a trigger when an
// article's title or text is written, and their GIN index has no pending
// list. Why, measured at 5,000 articles through the workers with readers
// (docs/scale.md, "The articles row and search"):
//  - a stored generated column is recomputed on every UPDATE of its row,
//    and a row whose indexed story_id changes is a new tuple in every
//    index: moving an article to another story re-parsed its whole text
//    and inserted all its words into the GIN index (1.1 ms of PostgreSQL
//    per move, the run's largest write). Now a move writes a narrow
//    row's b-tree entries only.
//  - with fastupdate on, new entries wait in an unsorted list that every
//    search scans in full: search was the read tail while workers wrote
//    (p99 163 ms during a run, 23 ms with readers alone).
//  - the vectors are stored uncompressed and, when long, out of line
//    (STORAGE EXTERNAL): a search walks the matches' narrow rows in seq
//    order and reads only the newest kSearchCandidates' vectors, without
//    decompressing them, to rank them (inline and compressed, a 20,000-
//    article table outgrew the server's buffers).
// The vectors are copied, not recomputed; the index is built after.
constexpr const char* kSchemaV8 = R"sql(
CREATE TABLE article_search (
  article_seq BIGINT PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
  search      tsvector NOT NULL
);
ALTER TABLE article_search ALTER COLUMN search SET STORAGE EXTERNAL;
INSERT INTO article_search SELECT seq, search FROM articles;
CREATE INDEX article_search_words ON article_search USING GIN (search) WITH (fastupdate = off);
ALTER TABLE articles DROP COLUMN search;

CREATE FUNCTION article_search_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO article_search VALUES (NEW.seq, to_tsvector('simple', coalesce(NEW.title, '') || ' ' || NEW.text))
  ON CONFLICT (article_seq) DO UPDATE SET search = excluded.search;
  RETURN NULL;
END $$;
CREATE TRIGGER articles_search_insert AFTER INSERT ON articles
  FOR EACH ROW EXECUTE FUNCTION article_search_write();
CREATE TRIGGER articles_search_update AFTER UPDATE OF title, text ON articles
  FOR EACH ROW EXECUTE FUNCTION article_search_write();

DELETE FROM schema_version;
INSERT INTO schema_version VALUES (8);
)sql";

constexpr const char* kEventColumns = "seq, after_articles, kind, article_id, story_id, target_id, at, note";

StreamEvent ReadEvent(const PgRows& r, int row) {
  return {r.Int(row, 0),  r.Int(row, 1),  r.Text(row, 2), r.Text(row, 3),
          r.Text(row, 4), r.Text(row, 5), r.Text(row, 6), r.Text(row, 7)};
}

constexpr const char* kArticleColumns =
    "id, content_hash, url, outlet, title, authors, published, dateline, wire, language, source, "
    "input, text, story_id, copy_of, ingested_at, version, corrections";

// kArticleColumns of an archived version `v` joined with its article `a`
// (whose story and copy links are the current ones).
constexpr const char* kFirstVersionColumns =
    "v.article_id, v.content_hash, v.url, v.outlet, v.title, v.authors, v.published, v.dateline, v.wire, "
    "v.language, v.source, v.input, v.text, a.story_id, a.copy_of, v.ingested_at, v.version, v.corrections";

// ts_headline's options matching SQLite's snippet(..., '[', ']', '...', 12).
constexpr const char* kHeadlineOptions =
    "StartSel=\"[\", StopSel=\"]\", MaxWords=12, MinWords=6, MaxFragments=1, FragmentDelimiter=\"...\"";

// Search ranks at most this many matches, the newest: ts_rank reads each
// match's tsvector (about 60 us each on the shared machine), so a common
// word over a large store would otherwise cost time in proportion to the
// store. A news search favours recent reports; SQLite's FTS5 ranks all.
constexpr int kSearchCandidates = 200;
// The headline is made from this many characters of the text, starting
// this many before the first term's first occurrence: a 12-word fragment
// around the match fits well inside.
constexpr int kHeadlineWindow = 400;
constexpr int kHeadlineWindowBefore = 150;

PgParam OrNull(const std::string& s) { return s.empty() ? PgParam() : PgParam(s); }

StoredArticle ReadArticle(const PgRows& r, int row) {
  StoredArticle out;
  Article& a = out.article;
  a.id = r.Text(row, 0);
  out.content_hash = r.Text(row, 1);
  a.url = r.Text(row, 2);
  a.outlet = r.Text(row, 3);
  a.title = r.Text(row, 4);
  a.authors = AuthorsFromJson(r.Text(row, 5));
  a.published.iso = r.Text(row, 6);
  a.dateline = r.Text(row, 7);
  a.wire = r.Text(row, 8);
  if (!r.IsNull(row, 9)) a.language = r.Text(row, 9);
  a.source = r.Text(row, 10);
  a.input = r.Text(row, 11);
  a.text = r.Text(row, 12);
  out.story_id = r.Text(row, 13);
  out.copy_of = r.Text(row, 14);
  out.ingested_at = r.Text(row, 15);
  out.version = r.Int(row, 16);
  a.corrections = CorrectionsFromJson(r.Text(row, 17), a.input);
  return out;
}

StoredStory ReadStory(const PgRows& r, int row) {
  return StoredStory{r.Text(row, 0), r.Text(row, 1), r.Text(row, 2), r.Text(row, 3),
                     r.Int(row, 4),  r.Int(row, 5),  r.Int(row, 6),  r.Text(row, 7)};
}

struct Found {
  std::string id;
  std::string hash;
  int64_t version = 0;
};

Status Interrupted() { return Status::Unsupported("interrupted"); }

std::vector<std::string> Column(const PgRows& r, int column) {
  std::vector<std::string> out;
  out.reserve(r.rows());
  for (int i = 0; i < r.rows(); ++i) out.push_back(r.Text(i, column));
  return out;
}

}  // namespace

class PgStoreTransaction : public StoreTransaction {
 public:
  PgStoreTransaction(PgStoryStore* store, PgConnection::Transaction tx) : store_(store), tx_(std::move(tx)) {
    store_->in_store_transaction_ = true;
  }
  ~PgStoreTransaction() override { store_->in_store_transaction_ = false; }
  Status Commit() override {
    store_->in_store_transaction_ = false;
    return tx_.Commit();
  }

 private:
  PgStoryStore* store_;
  PgConnection::Transaction tx_;
};

std::string PgStoryStore::TsQuery(const std::vector<std::string>& terms) {
  std::string out;
  for (const std::string& term : terms) {
    if (term.empty()) continue;
    std::string quoted = "'";
    for (char c : term) {
      if (c == '\'' || c == '\\') quoted += c;  // doubled: a literal quote or backslash
      quoted += c;
    }
    quoted += "':*";
    out += (out.empty() ? "" : " & ") + quoted;
  }
  return out;
}

Result<std::unique_ptr<PgStoryStore>> PgStoryStore::Open(const std::string& url) {
  STORYFUSE_ASSIGN_OR_RETURN(std::unique_ptr<PgConnection> conn, PgConnection::Connect(url));
  std::unique_ptr<PgStoryStore> store(new PgStoryStore(std::move(conn)));
  STORYFUSE_RETURN_IF_ERROR(store->Migrate());
  return store;
}

Status PgStoryStore::Migrate() {
  STORYFUSE_ASSIGN_OR_RETURN(PgConnection::Transaction tx, conn_->Begin());
  STORYFUSE_RETURN_IF_ERROR(
      conn_->Query("SELECT pg_advisory_xact_lock($1::bigint)", {std::to_string(kMigrationLock)}).status());
  STORYFUSE_ASSIGN_OR_RETURN(PgRows has, conn_->Query("SELECT to_regclass('schema_version') IS NOT NULL"));
  int version = 0;
  if (has.Text(0, 0) == "t") {
    STORYFUSE_ASSIGN_OR_RETURN(PgRows v, conn_->Query("SELECT coalesce(max(version), 0) FROM schema_version"));
    version = static_cast<int>(v.Int(0, 0));
  }
  if (version > kSchemaVersion) {
    return Status::Unsupported("postgresql " + conn_->server() + ": database schema version " +
                               std::to_string(version) + " is newer than this build's (" +
                               std::to_string(kSchemaVersion) + ")");
  }
  if (version == 0) STORYFUSE_RETURN_IF_ERROR(conn_->Exec(kSchemaV4));
  if (version < 6) STORYFUSE_RETURN_IF_ERROR(conn_->Exec(kSchemaV6));
  if (version < 8) STORYFUSE_RETURN_IF_ERROR(conn_->Exec(kSchemaV8));
  // Additive, outside the versioned schema: only workers read it.
  STORYFUSE_RETURN_IF_ERROR(
      conn_->Exec("CREATE TABLE IF NOT EXISTS worker_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)"));
  STORYFUSE_RETURN_IF_ERROR(
      conn_->Exec("CREATE TABLE IF NOT EXISTS worker_boilerplate (outlet TEXT NOT NULL, hash BIGINT NOT NULL, "
                  "count INTEGER NOT NULL, PRIMARY KEY (outlet, hash))"));
  return tx.Commit();
}

Status PgStoryStore::PutState(const std::string& key, const std::string& value) {
  return conn_
      ->Query(
          "INSERT INTO worker_state (key, value) VALUES ($1, $2) "
          "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
          {key, value})
      .status();
}

Result<std::optional<std::string>> PgStoryStore::GetState(const std::string& key) {
  STORYFUSE_ASSIGN_OR_RETURN(PgRows r, conn_->Query("SELECT value FROM worker_state WHERE key = $1", {key}));
  if (r.rows() == 0) return std::optional<std::string>();
  return std::optional<std::string>(r.Text(0, 0));
}

Result<std::optional<std::string>> PgStoryStore::LockState(const std::string& key) {
  STORYFUSE_ASSIGN_OR_RETURN(PgRows r, conn_->Query("SELECT value FROM worker_state WHERE key = $1 FOR UPDATE", {key}));
  if (r.rows() == 0) return std::optional<std::string>();
  return std::optional<std::string>(r.Text(0, 0));
}

Result<std::vector<std::string>> PgStoryStore::StateKeys(const std::string& prefix) {
  // starts_with: no LIKE pattern characters to escape in the prefix.
  STORYFUSE_ASSIGN_OR_RETURN(
      PgRows r, conn_->Query("SELECT key FROM worker_state WHERE starts_with(key, $1) ORDER BY key", {prefix}));
  std::vector<std::string> keys;
  for (int i = 0; i < r.rows(); ++i) keys.push_back(r.Text(i, 0));
  return keys;
}

Status PgStoryStore::AddLineCounts(const std::vector<LineCount>& counts) {
  if (counts.empty()) return Status::Ok();
  nlohmann::json rows = nlohmann::json::array();
  for (const LineCount& c : counts) {
    rows.push_back({{"o", c.outlet}, {"h", static_cast<int64_t>(c.hash)}, {"c", c.count}});
  }
  return conn_
      ->Query(
          "INSERT INTO worker_boilerplate (outlet, hash, count) "
          "SELECT o, h, c FROM jsonb_to_recordset($1::jsonb) AS x(o text, h bigint, c integer) "
          "ON CONFLICT (outlet, hash) DO UPDATE SET count = worker_boilerplate.count + excluded.count",
          {rows.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)})
      .status();
}

Status PgStoryStore::ForEachLineCount(const std::function<void(const LineCount&)>& fn) {
  STORYFUSE_ASSIGN_OR_RETURN(PgRows r, conn_->Query("SELECT outlet, hash, count FROM worker_boilerplate", {}));
  for (int i = 0; i < r.rows(); ++i) {
    fn({r.Text(i, 0), static_cast<uint64_t>(std::stoll(r.Text(i, 1))),
        static_cast<uint32_t>(std::stoul(r.Text(i, 2)))});
  }
  return Status::Ok();
}

Result<int64_t> PgStoryStore::IncrementState(const std::string& key) {
  STORYFUSE_ASSIGN_OR_RETURN(PgRows r, conn_->Query("INSERT INTO worker_state (key, value) VALUES ($1, '1') "
                                                    "ON CONFLICT (key) DO UPDATE SET value = "
                                                    "(worker_state.value::bigint + 1)::text RETURNING value",
                                                    {key}));
  if (r.rows() != 1) return Status::IoError("worker_state: no value returned for " + key);
  return static_cast<int64_t>(std::stoll(r.Text(0, 0)));
}

Status PgStoryStore::DeleteState(const std::string& key) {
  return conn_->Query("DELETE FROM worker_state WHERE key = $1", {key}).status();
}

Result<StoryStore::PutResult> PgStoryStore::Put(const Article& a, const std::string& now_in) {
  if (a.id.empty()) return Status::InvalidArgument("article without id");
  if (a.text.empty()) return Status::InvalidArgument(a.id + ": article without text");
  // Parameters travel as C strings and `text` cannot hold NUL: refuse
  // rather than store a cut-short article.
  for (const std::string* field : {&a.id, &a.title, &a.text, &a.input, &a.url}) {
    if (field->find('\0') != std::string::npos) {
      return Status::InvalidArgument(a.id + ": a NUL byte in the article, which PostgreSQL cannot store");
    }
  }
  const std::string now = now_in.empty() ? NowUtc() : now_in;
  const std::string hash = ArticleStore::ContentHash(a);
  std::optional<PgConnection::Transaction> tx;
  if (!in_store_transaction_) {
    STORYFUSE_ASSIGN_OR_RETURN(PgConnection::Transaction t, conn_->Begin());
    tx.emplace(std::move(t));
  }
  // Every key this Put decides on, locked in ascending order: Puts that
  // share a key serialize, and no two wait on each other in a cycle.
  std::vector<int64_t> locks = {static_cast<int64_t>(Hasher::Hash64("i:" + a.id, kPutLockSeed)),
                                static_cast<int64_t>(Hasher::Hash64("h:" + hash, kPutLockSeed))};
  if (!a.url.empty()) locks.push_back(static_cast<int64_t>(Hasher::Hash64("u:" + a.url, kPutLockSeed)));
  std::sort(locks.begin(), locks.end());
  std::string lock_array = "{";
  for (int64_t lock : locks) lock_array += (lock_array.size() > 1 ? "," : "") + std::to_string(lock);
  lock_array += "}";
  // One round trip each for the locks and the lookups: a Put's cost over a
  // network is mostly round trips. Volatile functions run after ORDER BY.
  STORYFUSE_RETURN_IF_ERROR(conn_
                                ->Query("SELECT pg_advisory_xact_lock(k) FROM unnest($1::bigint[]) WITH ORDINALITY "
                                        "AS t(k, i) ORDER BY i",
                                        {lock_array})
                                .status());
  STORYFUSE_ASSIGN_OR_RETURN(
      PgRows found, conn_->Query("SELECT 0, id, content_hash, version FROM articles WHERE id = $1 "
                                 "UNION ALL (SELECT 1, id, content_hash, version FROM articles WHERE content_hash = $2 "
                                 "ORDER BY seq LIMIT 1) "
                                 "UNION ALL (SELECT 2, id, content_hash, version FROM articles WHERE url = $3 "
                                 "ORDER BY seq LIMIT 1)",
                                 {a.id, hash, OrNull(a.url)}));
  std::optional<Found> by[3];  // by id, by content hash, by url
  for (int i = 0; i < found.rows(); ++i) {
    int64_t kind = found.Int(i, 0);
    if (kind >= 0 && kind < 3) by[kind] = Found{found.Text(i, 1), found.Text(i, 2), found.Int(i, 3)};
  }
  std::optional<Found> target = by[0];
  auto done = [&](PutResult r) -> Result<PutResult> {
    if (tx) STORYFUSE_RETURN_IF_ERROR(tx->Commit());
    return r;
  };
  if (target && target->hash == hash) return done(PutResult{PutOutcome::kUnchanged, a.id, target->version});
  if (!target) {
    if (by[1]) return done(PutResult{PutOutcome::kDuplicate, by[1]->id, by[1]->version});
    target = by[2];
  }
  PutResult result{PutOutcome::kInserted, a.id, 1};
  if (target) {
    result = {PutOutcome::kUpdated, target->id, target->version + 1};
    STORYFUSE_RETURN_IF_ERROR(
        conn_
            ->Query("INSERT INTO article_versions (article_id, version, content_hash, url, outlet, title, authors, "
                    "published, dateline, wire, language, source, input, text, ingested_at, replaced_at, corrections) "
                    "SELECT id, version, content_hash, url, outlet, title, authors, published, dateline, wire, "
                    "language, source, input, text, ingested_at, $2, corrections FROM articles WHERE id = $1",
                    {target->id, now})
            .status());
  }
  std::vector<PgParam> params = {result.id,
                                 hash,
                                 OrNull(a.url),
                                 OrNull(a.outlet),
                                 OrNull(a.title),
                                 AuthorsJson(a.authors),
                                 OrNull(a.published.iso),
                                 OrNull(a.dateline),
                                 OrNull(a.wire),
                                 OrNull(a.language),
                                 OrNull(a.source),
                                 OrNull(a.input),
                                 a.text,
                                 now,
                                 std::to_string(result.version),
                                 CorrectionsJson(a.corrections)};
  const char* sql =
      target ? "UPDATE articles SET content_hash = $2, url = $3, outlet = $4, title = $5, authors = $6, "
               "published = $7, dateline = $8, wire = $9, language = $10, source = $11, input = $12, text = $13, "
               "ingested_at = $14, version = $15::bigint, corrections = $16 WHERE id = $1"
             : "INSERT INTO articles (id, content_hash, url, outlet, title, authors, published, dateline, wire, "
               "language, source, input, text, ingested_at, version, corrections) "
               "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::bigint, $16)";
  STORYFUSE_RETURN_IF_ERROR(conn_->Query(sql, params).status());
  return done(result);
}

Result<std::optional<StoredArticle>> PgStoryStore::Get(const std::string& id) {
  STORYFUSE_ASSIGN_OR_RETURN(
      PgRows r, conn_->Query(std::string("SELECT ") + kArticleColumns + " FROM articles WHERE id = $1", {id}));
  if (r.rows() == 0) return std::optional<StoredArticle>();
  return std::optional<StoredArticle>(ReadArticle(r, 0));
}

Result<std::optional<StoredArticle>> PgStoryStore::FirstVersion(const std::string& id) {
  STORYFUSE_ASSIGN_OR_RETURN(PgRows r, conn_->Query(std::string("SELECT ") + kFirstVersionColumns +
                                                        " FROM article_versions v JOIN articles a ON a.id = "
                                                        "v.article_id WHERE v.article_id = $1 "
                                                        "ORDER BY v.version LIMIT 1",
                                                    {id}));
  if (r.rows() == 0) return Get(id);  // never replaced
  return std::optional<StoredArticle>(ReadArticle(r, 0));
}

Result<std::vector<ArticleVersion>> PgStoryStore::History(const std::string& id) {
  STORYFUSE_ASSIGN_OR_RETURN(PgRows r, conn_->Query("SELECT version, content_hash, url, title, text, ingested_at, "
                                                    "replaced_at FROM article_versions WHERE article_id = $1 "
                                                    "ORDER BY version",
                                                    {id}));
  std::vector<ArticleVersion> out;
  for (int i = 0; i < r.rows(); ++i) {
    out.push_back({r.Int(i, 0), r.Text(i, 1), r.Text(i, 2), r.Text(i, 3), r.Text(i, 4), r.Text(i, 5), r.Text(i, 6)});
  }
  return out;
}

Result<std::vector<std::string>> PgStoryStore::ArticleIds() {
  STORYFUSE_ASSIGN_OR_RETURN(PgRows r, conn_->Query("SELECT id FROM articles ORDER BY seq"));
  return Column(r, 0);
}

Status PgStoryStore::UpdateArticleLink(const char* column, const std::string& article_id, const std::string& value) {
  STORYFUSE_ASSIGN_OR_RETURN(
      PgRows r,
      conn_->Query(std::string("UPDATE articles SET ") + column + " = $2 WHERE id = $1", {article_id, OrNull(value)}));
  if (r.affected() == 0) return Status::NotFound("no article " + article_id);
  return Status::Ok();
}

Status PgStoryStore::SetStory(const std::string& article_id, const std::string& story_id) {
  return UpdateArticleLink("story_id", article_id, story_id);
}

Status PgStoryStore::SetCopyOf(const std::string& article_id, const std::string& copy_of) {
  return UpdateArticleLink("copy_of", article_id, copy_of);
}

Status PgStoryStore::PutStory(const StoredStory& story) {
  if (story.id.empty()) return Status::InvalidArgument("story without id");
  std::string updated = story.updated_at.empty() ? NowUtc() : story.updated_at;
  return conn_
      ->Query(
          "INSERT INTO stories (id, headline, updated_at, brief_json, articles, outlets, independent_sources, "
          "published, version) VALUES ($1, $2, $3, $4, $5::bigint, $6::bigint, $7::bigint, $8, $9::bigint) "
          "ON CONFLICT (id) DO UPDATE SET headline = EXCLUDED.headline, updated_at = EXCLUDED.updated_at, "
          "brief_json = EXCLUDED.brief_json, articles = EXCLUDED.articles, outlets = EXCLUDED.outlets, "
          "independent_sources = EXCLUDED.independent_sources, published = EXCLUDED.published, "
          "version = EXCLUDED.version",
          {story.id, OrNull(story.headline), updated, OrNull(story.brief_json), std::to_string(story.articles),
           std::to_string(story.outlets), std::to_string(story.independent_sources), OrNull(story.published),
           std::to_string(story.version)})
      .status();
}

Result<std::optional<StoredStory>> PgStoryStore::GetStory(const std::string& id) {
  STORYFUSE_ASSIGN_OR_RETURN(PgRows r, conn_->Query("SELECT id, headline, updated_at, brief_json, articles, outlets, "
                                                    "independent_sources, published, version FROM stories "
                                                    "WHERE id = $1",
                                                    {id}));
  if (r.rows() == 0) return std::optional<StoredStory>();
  StoredStory story = ReadStory(r, 0);
  story.version = r.Int(0, 8);
  return std::optional<StoredStory>(std::move(story));
}

Status PgStoryStore::DeleteStory(const std::string& id) {
  return conn_->Query("DELETE FROM stories WHERE id = $1", {id}).status();
}

Result<std::vector<std::string>> PgStoryStore::StoryIds() {
  STORYFUSE_ASSIGN_OR_RETURN(PgRows r, conn_->Query("SELECT id FROM stories ORDER BY seq"));
  return Column(r, 0);
}

Result<std::vector<ArticleWithHistory>> PgStoryStore::GetWithHistory(const std::vector<std::string>& ids) {
  std::vector<ArticleWithHistory> out;
  if (ids.empty()) return out;
  std::string array = PgConnection::TextArray(ids);
  STORYFUSE_ASSIGN_OR_RETURN(PgRows r, conn_->Query(std::string("SELECT ") + kArticleColumns +
                                                        " FROM unnest($1::text[]) WITH ORDINALITY AS k(id, i) "
                                                        "JOIN articles USING (id) ORDER BY k.i",
                                                    {array}));
  std::map<std::string, size_t> at;
  for (int i = 0; i < r.rows(); ++i) {
    out.push_back({ReadArticle(r, i), {}});
    at.emplace(out.back().article.article.id, out.size() - 1);
  }
  STORYFUSE_ASSIGN_OR_RETURN(PgRows v, conn_->Query("SELECT article_id, version, content_hash, url, title, text, "
                                                    "ingested_at, replaced_at FROM article_versions "
                                                    "WHERE article_id = ANY($1::text[]) ORDER BY article_id, version",
                                                    {array}));
  for (int i = 0; i < v.rows(); ++i) {
    auto it = at.find(v.Text(i, 0));
    if (it == at.end()) continue;
    out[it->second].history.push_back(
        {v.Int(i, 1), v.Text(i, 2), v.Text(i, 3), v.Text(i, 4), v.Text(i, 5), v.Text(i, 6), v.Text(i, 7)});
  }
  return out;
}

Status PgStoryStore::PutArticleViews(const std::vector<std::pair<std::string, std::string>>& views) {
  if (views.empty()) return Status::Ok();
  std::vector<std::string> ids, jsons;
  for (const auto& [id, view] : views) {
    ids.push_back(id);
    jsons.push_back(view);
  }
  // A rebuild of a story rewrites every member's view, and most are as
  // they were (only the statements citing an article change it): an
  // unchanged one is left alone, no new row version, WAL or TOAST write.
  return conn_
      ->Query(
          "INSERT INTO article_views (article_id, view_json) SELECT * FROM unnest($1::text[], $2::text[]) "
          "ON CONFLICT (article_id) DO UPDATE SET view_json = EXCLUDED.view_json "
          "WHERE article_views.view_json IS DISTINCT FROM EXCLUDED.view_json",
          {PgConnection::TextArray(ids), PgConnection::TextArray(jsons)})
      .status();
}

Status PgStoryStore::PutArticleView(const std::string& article_id, const std::string& view_json) {
  return conn_
      ->Query(
          "INSERT INTO article_views (article_id, view_json) VALUES ($1, $2) "
          "ON CONFLICT (article_id) DO UPDATE SET view_json = EXCLUDED.view_json",
          {article_id, view_json})
      .status();
}

Result<std::optional<std::string>> PgStoryStore::GetArticleView(const std::string& article_id) {
  STORYFUSE_ASSIGN_OR_RETURN(PgRows r,
                             conn_->Query("SELECT view_json FROM article_views WHERE article_id = $1", {article_id}));
  if (r.rows() == 0) return std::optional<std::string>();
  return std::optional<std::string>(r.Text(0, 0));
}

Result<StoryPage> PgStoryStore::ListStories(const StoryListFilter& filter, const StopCondition& stop) {
  if (stop && stop()) return Interrupted();
  std::string where = " WHERE TRUE";
  std::vector<PgParam> params;
  if (!filter.since.empty()) {
    params.push_back(filter.since);
    where += " AND updated_at >= $" + std::to_string(params.size());
  }
  if (std::string q = TsQuery(filter.terms); !q.empty()) {
    params.push_back(q);
    where +=
        " AND id IN (SELECT a.story_id FROM article_search w JOIN articles a ON a.seq = w.article_seq "
        "WHERE w.search @@ to_tsquery('simple', $" +
        std::to_string(params.size()) + "))";
  }
  StoryPage out;
  STORYFUSE_ASSIGN_OR_RETURN(PgRows n, conn_->Query("SELECT count(*) FROM stories" + where, params));
  out.total = n.Int(0, 0);
  if (stop && stop()) return Interrupted();
  // The stories_updated index and the list columns: no brief is read.
  STORYFUSE_ASSIGN_OR_RETURN(
      PgRows r, conn_->Query("SELECT id, headline, updated_at, '', articles, outlets, independent_sources, published "
                             "FROM stories" +
                                 where + " ORDER BY updated_at DESC, seq DESC LIMIT " + std::to_string(filter.limit) +
                                 " OFFSET " + std::to_string(filter.offset),
                             params));
  for (int i = 0; i < r.rows(); ++i) out.stories.push_back(ReadStory(r, i));
  return out;
}

Result<std::vector<ArticleSearchHit>> PgStoryStore::SearchArticles(const std::vector<std::string>& terms, int limit,
                                                                   const StopCondition& stop) {
  std::string q = TsQuery(terms);
  if (q.empty()) return std::vector<ArticleSearchHit>();
  if (stop && stop()) return Interrupted();
  // Three steps, each bounded (measured in docs/scale.md, "The load bar"):
  // the newest kSearchCandidates matches from the GIN index (no tsvector
  // read), ranked by ts_rank (which reads each one's tsvector), and a
  // headline for the `limit` best only, over a window of the text around
  // the first term's first occurrence (ts_headline parses all it is given:
  // over whole texts it cost more than the rest of the query).
  // The candidates are seqs alone: a vector carried through the sort of
  // every match (thousands for a common word) made that sort as wide as
  // the vectors; the kSearchCandidates kept are looked up again by key
  // (35-40 % less time per search warm, docs/scale.md "What the tail was").
  Result<PgRows> r = conn_->Query(
      std::string("WITH q AS (SELECT to_tsquery('simple', $1) AS q), "
                  "c AS (SELECT w.article_seq AS seq FROM article_search w, q WHERE w.search @@ q.q "
                  "ORDER BY w.article_seq DESC LIMIT ") +
          std::to_string(kSearchCandidates) +
          "), "
          "top AS (SELECT c.seq, ts_rank(w.search, q.q) AS rank FROM c JOIN article_search w ON w.article_seq = c.seq, "
          "q ORDER BY rank DESC, c.seq LIMIT $2::int) "
          "SELECT a.id, a.title, ts_headline('simple', substr(a.text, greatest(1, strpos(lower(a.text), $3) - " +
          std::to_string(kHeadlineWindowBefore) + "), " + std::to_string(kHeadlineWindow) + "), q.q, '" +
          kHeadlineOptions +
          "'), -top.rank, a.story_id, s.headline "
          "FROM top JOIN articles a ON a.seq = top.seq LEFT JOIN stories s ON s.id = a.story_id, q "
          "ORDER BY top.rank DESC, top.seq",
      {q, std::to_string(limit), terms.front()});
  if (!r.ok() && r.status().code() == Status::Code::kInvalidArgument) {
    return Status::InvalidArgument("search \"" + q + "\": " + r.status().message());
  }
  if (!r.ok()) return r.status();
  std::vector<ArticleSearchHit> out;
  for (int i = 0; i < r->rows(); ++i) {
    out.push_back(
        {SearchHit{r->Text(i, 0), r->Text(i, 1), r->Text(i, 2), r->Real(i, 3)}, r->Text(i, 4), r->Text(i, 5)});
  }
  return out;
}

Result<StoreCounts> PgStoryStore::Counts() {
  STORYFUSE_ASSIGN_OR_RETURN(PgRows r, conn_->Query("SELECT (SELECT count(*) FROM articles), "
                                                    "(SELECT count(*) FROM article_versions), "
                                                    "(SELECT count(*) FROM stories)"));
  return StoreCounts{r.Int(0, 0), r.Int(0, 1), r.Int(0, 2)};
}

Status PgStoryStore::ForEachArticleStory(
    const std::function<void(const std::string& id, const std::string& story_id)>& fn) {
  STORYFUSE_ASSIGN_OR_RETURN(PgRows r, conn_->Query("SELECT id, story_id FROM articles ORDER BY seq"));
  for (int i = 0; i < r.rows(); ++i) fn(r.Text(i, 0), r.Text(i, 1));
  return Status::Ok();
}

Status PgStoryStore::ForEachStoryBrief(
    const std::function<void(const std::string& id, const std::string& brief_json)>& fn) {
  STORYFUSE_ASSIGN_OR_RETURN(PgRows r, conn_->Query("SELECT id, brief_json FROM stories ORDER BY seq"));
  for (int i = 0; i < r.rows(); ++i) fn(r.Text(i, 0), r.Text(i, 1));
  return Status::Ok();
}

Result<std::vector<std::string>> PgStoryStore::StaleArticleViews() {
  // A view that is not valid JSON reads as stale, as SQLite's json_extract
  // of it would fail the comparison.
  STORYFUSE_ASSIGN_OR_RETURN(PgRows r,
                             conn_->Query("SELECT a.id FROM articles a JOIN article_views v ON v.article_id = a.id "
                                          "WHERE (v.view_json::jsonb ->> 'story') IS DISTINCT FROM a.story_id "
                                          "OR (v.view_json::jsonb -> 'versions' -> -1 ->> 'version')::bigint "
                                          "IS DISTINCT FROM a.version ORDER BY a.seq"));
  return Column(r, 0);
}

Status PgStoryStore::LockWriter() {
  STORYFUSE_ASSIGN_OR_RETURN(PgRows r,
                             conn_->Query("SELECT pg_try_advisory_lock($1::bigint)", {std::to_string(kWriterLock)}));
  if (r.Text(0, 0) != "t") {
    return Status::IoError("postgresql " + conn_->server() +
                           " is being written by another storyfuse process (serve or ingest); one writer at a time");
  }
  return Status::Ok();
}

Status PgStoryStore::AppendStreamEvent(const StreamEvent& e) {
  return conn_
      ->Query(
          "INSERT INTO stream_events (after_articles, kind, article_id, story_id, target_id, at, note) "
          "VALUES ($1::bigint, $2, $3, $4, $5, $6, $7)",
          {std::to_string(e.after_articles), e.kind, OrNull(e.article_id), OrNull(e.story_id), OrNull(e.target_id),
           e.at.empty() ? NowUtc() : e.at, OrNull(e.note)})
      .status();
}

Result<std::vector<StreamEvent>> PgStoryStore::StreamEvents() {
  STORYFUSE_ASSIGN_OR_RETURN(PgRows r,
                             conn_->Query(std::string("SELECT ") + kEventColumns + " FROM stream_events ORDER BY seq"));
  std::vector<StreamEvent> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(ReadEvent(r, i));
  return out;
}

Result<std::vector<StreamEvent>> PgStoryStore::StreamCorrections(const std::string& story_id) {
  STORYFUSE_ASSIGN_OR_RETURN(
      PgRows r, conn_->Query(std::string("SELECT ") + kEventColumns +
                                 " FROM stream_events WHERE kind <> 'revise' AND (story_id = $1 OR target_id = $1) "
                                 "ORDER BY seq",
                             {story_id}));
  std::vector<StreamEvent> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(ReadEvent(r, i));
  return out;
}

Status PgStoryStore::AddStoryMove(const StoryMoveRecord& m) {
  return conn_
      ->Query("INSERT INTO story_moves (article_id, from_story, to_story, cause, at) VALUES ($1, $2, $3, $4, $5)",
              {m.article_id, m.from_story, m.to_story, m.cause, m.at.empty() ? NowUtc() : m.at})
      .status();
}

namespace {

// The latest `limit` moves out of or into a story, oldest first. Each
// direction is its own backward scan of its index, `limit` rows at most:
// with `from_story = $1 OR to_story = $1` the server gathered every move
// of the story (thousands for a large one) to sort them for the last 50
// (0.42 ms a read at 20,000 articles, the readers' second cost).
std::string MovesQuery(int limit) {
  std::string n = std::to_string(limit);
  return "SELECT * FROM ((SELECT seq, article_id, from_story, to_story, cause, at FROM story_moves "
         "WHERE from_story = $1 ORDER BY seq DESC LIMIT " +
         n +
         ") UNION ALL (SELECT seq, article_id, from_story, to_story, cause, at FROM story_moves "
         "WHERE to_story = $1 AND from_story <> $1 ORDER BY seq DESC LIMIT " +
         n + ") ORDER BY seq DESC LIMIT " + n + ") AS latest ORDER BY seq";
}

}  // namespace

Result<std::vector<StoryMoveRecord>> PgStoryStore::StoryMoves(const std::string& story_id, int limit) {
  STORYFUSE_ASSIGN_OR_RETURN(PgRows r, conn_->Query(MovesQuery(std::max(limit, 0)), {story_id}));
  std::vector<StoryMoveRecord> out;
  for (int i = 0; i < r.rows(); ++i) {
    out.push_back({r.Int(i, 0), r.Text(i, 1), r.Text(i, 2), r.Text(i, 3), r.Text(i, 4), r.Text(i, 5)});
  }
  return out;
}

Result<std::unique_ptr<StoreTransaction>> PgStoryStore::Begin() {
  STORYFUSE_ASSIGN_OR_RETURN(PgConnection::Transaction tx, conn_->Begin());
  return std::unique_ptr<StoreTransaction>(std::make_unique<PgStoreTransaction>(this, std::move(tx)));
}

}  // namespace storyfuse
