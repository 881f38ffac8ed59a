#include "store/database.h"

#include <sqlite3.h>

namespace storyfuse {
namespace {

// SQLite copies bound text (SQLITE_TRANSIENT) so callers may pass
// temporaries; articles are bound once per insert, the copy is cheap.
int BindText(sqlite3_stmt* stmt, int index, std::string_view text) {
  return sqlite3_bind_text64(stmt, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

}  // namespace

// ---- SqlStatement ----

SqlStatement::~SqlStatement() { sqlite3_finalize(stmt_); }

SqlStatement::SqlStatement(SqlStatement&& other) noexcept
    : stmt_(other.stmt_), db_(other.db_), bind_error_(other.bind_error_) {
  other.stmt_ = nullptr;
}

SqlStatement& SqlStatement::operator=(SqlStatement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    stmt_ = other.stmt_;
    db_ = other.db_;
    bind_error_ = other.bind_error_;
    other.stmt_ = nullptr;
  }
  return *this;
}

Status SqlStatement::Error(int rc) const {
  std::string msg = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
  const char* sql = stmt_ != nullptr ? sqlite3_sql(stmt_) : nullptr;
  std::string where = sql != nullptr ? std::string(sql).substr(0, 60) : "";
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) return Status::IoError("database is busy: " + msg);
  if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB) return Status::Corruption(msg);
  if (rc == SQLITE_CONSTRAINT) return Status::InvalidArgument(msg + " (in: " + where + ")");
  if (rc == SQLITE_INTERRUPT) return Status::Unsupported("interrupted");
  return Status::IoError(msg + " (in: " + where + ")");
}

SqlStatement& SqlStatement::Bind(int index, std::string_view text) {
  int rc = BindText(stmt_, index, text);
  if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
  return *this;
}

SqlStatement& SqlStatement::Bind(int index, int64_t value) {
  int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
  return *this;
}

SqlStatement& SqlStatement::BindNull(int index) {
  int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
  return *this;
}

SqlStatement& SqlStatement::BindOrNull(int index, std::string_view text) {
  return text.empty() ? BindNull(index) : Bind(index, text);
}

Result<bool> SqlStatement::Step() {
  if (bind_error_ != 0) {
    int rc = bind_error_;
    bind_error_ = 0;
    return Error(rc);
  }
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Status st = Error(rc);
  sqlite3_reset(stmt_);
  return st;
}

Status SqlStatement::Run() {
  for (;;) {
    Result<bool> row = Step();
    if (!row.ok()) {
      Reset();
      return row.status();
    }
    if (!*row) break;
  }
  Reset();
  return Status::Ok();
}

void SqlStatement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_error_ = 0;
}

int64_t SqlStatement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

double SqlStatement::Real(int column) const { return sqlite3_column_double(stmt_, column); }

std::string SqlStatement::Text(int column) const {
  const unsigned char* p = sqlite3_column_text(stmt_, column);
  if (p == nullptr) return "";
  return std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, column));
}

bool SqlStatement::IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

// ---- Database ----

Result<std::unique_ptr<Database>> Database::Open(const std::string& path, Options options) {
  sqlite3* raw = nullptr;
  int flags = options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  std::unique_ptr<Database> db(new Database(raw, path));
  if (rc != SQLITE_OK) {
    return Status::IoError(path +
                           ": cannot open database: " + (raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
  }
  sqlite3_busy_timeout(raw, options.busy_timeout_ms);
  sqlite3_extended_result_codes(raw, 0);
  // WAL: readers (the server) never block the writer (ingest) and vice
  // versa; NORMAL sync is durable across application crashes in WAL mode.
  std::string pragmas = "PRAGMA foreign_keys = ON;";
  if (!options.read_only) pragmas += "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
  Status st = db->Exec(pragmas);
  if (!st.ok()) return st.WithContext(path);
  return db;
}

Database::~Database() { sqlite3_close_v2(db_); }

Database::InterruptGuard Database::InterruptWhen(std::function<bool()> stop) {
  stop_ = std::move(stop);
  sqlite3_progress_handler(
      db_, kInterruptCheckSteps,
      [](void* self) -> int {
        const std::function<bool()>& f = static_cast<Database*>(self)->stop_;
        return f && f() ? 1 : 0;
      },
      this);
  return InterruptGuard(this);
}

Database::InterruptGuard::~InterruptGuard() {
  if (db_ == nullptr) return;
  sqlite3_progress_handler(db_->db_, 0, nullptr, nullptr);
  db_->stop_ = nullptr;
}

Status Database::Error(int rc, std::string_view what) const {
  std::string msg = std::string(what) + ": " + (db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) return Status::IoError("database is busy: " + msg);
  if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB) return Status::Corruption(msg);
  return Status::IoError(msg);
}

Status Database::Exec(std::string_view sql) {
  std::string text(sql);
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
  if (rc == SQLITE_OK) return Status::Ok();
  return Error(rc, "SQL failed (" + text.substr(0, 40) + ")");
}

Result<SqlStatement> Database::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return Status::InvalidArgument(std::string("cannot prepare SQL: ") + sqlite3_errmsg(db_) +
                                   " (in: " + std::string(sql.substr(0, 60)) + ")");
  }
  return SqlStatement(stmt, db_);
}

int64_t Database::LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }
int Database::Changes() const { return sqlite3_changes(db_); }

// ---- Transaction ----

Result<Database::Transaction> Database::Begin() {
  STORYFUSE_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  return Transaction(this);
}

Database::Transaction::Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }

Database::Transaction::~Transaction() {
  if (db_ != nullptr) (void)db_->Exec("ROLLBACK");
}

Status Database::Transaction::Commit() {
  if (db_ == nullptr) return Status::Internal("transaction already finished");
  Status st = db_->Exec("COMMIT");
  if (st.ok()) db_ = nullptr;  // on failure the destructor rolls back
  return st;
}

}  // namespace storyfuse
