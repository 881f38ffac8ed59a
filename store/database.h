// Database and SqlStatement: the project's one wrapper over SQLite.
//
// Database owns a connection opened in WAL mode with a busy timeout and
// foreign keys on; SqlStatement owns a prepared statement (finalized on
// destruction); Transaction rolls back unless committed. Every failure is a
// Status naming the SQL error; nothing throws or prints. SQLite types never
// appear in this header.
//
// Thread safety: a Database and its Statements belong to one thread at a
// time (open one Database per thread; WAL lets readers run beside a writer).
#ifndef STORYFUSE_STORE_DATABASE_H_
#define STORYFUSE_STORE_DATABASE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace storyfuse {

class SqlStatement {
 public:
  SqlStatement() = default;
  ~SqlStatement();
  SqlStatement(SqlStatement&& other) noexcept;
  SqlStatement& operator=(SqlStatement&& other) noexcept;
  SqlStatement(const SqlStatement&) = delete;
  SqlStatement& operator=(const SqlStatement&) = delete;

  // Binds parameter `index` (1-based). A binding error is kept and returned
  // by the next Step/Run, so calls can be chained.
  SqlStatement& Bind(int index, std::string_view text);
  SqlStatement& Bind(int index, int64_t value);
  // Binds NULL when `text` is empty (the Article model's "absent").
  SqlStatement& BindOrNull(int index, std::string_view text);
  SqlStatement& BindNull(int index);

  // Steps once: true when a row is ready, false when done.
  Result<bool> Step();
  // Steps to completion (for statements that return no rows) and resets.
  Status Run();
  // Resets for re-execution and clears the bindings.
  void Reset();

  // Columns of the current row (0-based). Text of NULL is "".
  int64_t Int(int column) const;
  double Real(int column) const;
  std::string Text(int column) const;
  bool IsNull(int column) const;

 private:
  friend class Database;
  SqlStatement(sqlite3_stmt* stmt, sqlite3* db) : stmt_(stmt), db_(db) {}
  Status Error(int rc) const;

  sqlite3_stmt* stmt_ = nullptr;
  sqlite3* db_ = nullptr;
  int bind_error_ = 0;  // SQLite result code of the first failed Bind
};

class Database {
 public:
  struct Options {
    int busy_timeout_ms = 5000;
    bool read_only = false;
  };

  // Opens (creating unless read-only) the database at `path` (":memory:"
  // for a private in-memory one). Returns IoError naming the path.
  static Result<std::unique_ptr<Database>> Open(const std::string& path, Options options);
  static Result<std::unique_ptr<Database>> Open(const std::string& path) { return Open(path, Options()); }
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more SQL statements that return no rows.
  Status Exec(std::string_view sql);
  // Compiles one statement. Returns InvalidArgument with SQLite's message.
  Result<SqlStatement> Prepare(std::string_view sql);

  // Row id of the last INSERT and rows changed by the last statement.
  int64_t LastInsertRowId() const;
  int Changes() const;

  const std::string& path() const { return path_; }

  // A transaction (BEGIN IMMEDIATE: takes the write lock up front, so two
  // writers wait on the busy timeout instead of deadlocking). Rolls back on
  // destruction unless Commit() succeeded.
  class Transaction {
   public:
    ~Transaction();
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Status Commit();

   private:
    friend class Database;
    explicit Transaction(Database* db) : db_(db) {}
    Database* db_;
  };
  Result<Transaction> Begin();

  // While the returned guard lives, the statements of this connection stop
  // as soon as `stop()` returns true (checked every kInterruptCheckSteps
  // SQLite virtual-machine steps, well under a millisecond apart): their
  // Step returns Unsupported "interrupted". One guard at a time; the
  // Database must outlive it.
  static constexpr int kInterruptCheckSteps = 1000;
  class InterruptGuard {
   public:
    ~InterruptGuard();
    InterruptGuard(InterruptGuard&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
    InterruptGuard& operator=(InterruptGuard&&) = delete;

   private:
    friend class Database;
    explicit InterruptGuard(Database* db) : db_(db) {}
    Database* db_;
  };
  InterruptGuard InterruptWhen(std::function<bool()> stop);

 private:
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  Status Error(int rc, std::string_view what) const;

  sqlite3* db_;
  std::string path_;
  std::function<bool()> stop_;  // the InterruptGuard's condition
};

}  // namespace storyfuse

#endif  // STORYFUSE_STORE_DATABASE_H_
