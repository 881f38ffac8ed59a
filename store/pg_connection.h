// PgConnection and PgRows: the project's one wrapper over libpq (issue #25:
// PostgreSQL as the shared store).
//
// Connect() takes a postgresql:// (or postgres://) URL as libpq reads it
// (user, password, host, port, database, ?sslmode=... parameters). Queries
// are parameterized ($1, $2, ... bound as text; std::nullopt is NULL), so no
// value is ever spliced into SQL. A parameter ends at its first NUL byte
// (libpq's text format); callers refuse such values first. Every failure is a Status naming the
// server (host:port/database, never the password) and, for SQL errors, the
// SQLSTATE; nothing throws or prints (server NOTICEs are dropped).
//
// Lost connections: a statement that fails because the connection is gone
// is retried once on a fresh connection, unless a transaction is open (its
// work died with the connection: that statement and the rest of the
// transaction answer IoError until the Transaction ends, and the next
// statement after it reconnects). A retried statement may have run once
// already when the server died after committing but before answering, so
// writes outside a transaction must be idempotent (the store's are: keyed
// by id and content hash).
//
// Thread safety: a PgConnection and its Transaction belong to one thread at
// a time; open one per thread. PgRows is a value owning its rows.
// Without libpq at build time, Connect() returns Unsupported. libpq.so.5 is
// loaded by the first Connect(), not at process start (base/shared_library.h):
// without it Connect() returns Unsupported "libpq.so.5 cannot be loaded ...".
#ifndef STORYFUSE_STORE_PG_CONNECTION_H_
#define STORYFUSE_STORE_PG_CONNECTION_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"

struct pg_conn;
struct pg_result;

namespace storyfuse {

using PgParam = std::optional<std::string>;

// The rows a query returned (owned; movable).
class PgRows {
 public:
  PgRows() = default;
  int rows() const;
  int columns() const;
  // Rows changed by an INSERT/UPDATE/DELETE (0 for others).
  int64_t affected() const;
  // Column values of row `row` (0-based). Text of NULL is "".
  std::string Text(int row, int column) const;
  int64_t Int(int row, int column) const;
  double Real(int row, int column) const;
  bool IsNull(int row, int column) const;

 private:
  friend class PgConnection;
  struct Free {
    void operator()(pg_result* r) const;
  };
  explicit PgRows(pg_result* r) : result_(r) {}
  std::unique_ptr<pg_result, Free> result_;
};

class PgConnection {
 public:
  // True for "postgresql://..." and "postgres://..." (what --db accepts as
  // a PostgreSQL store rather than a SQLite path).
  static bool IsUrl(std::string_view s);
  // `values` as a PostgreSQL array literal, for a `$n::text[]` parameter:
  // every element double-quoted, `"` and `\` backslash-escaped, so any
  // text (commas, braces, NULL-looking words) arrives as itself.
  static std::string TextArray(const std::vector<std::string>& values);

  // Names the sessions this process opens from now on: PostgreSQL's
  // application_name, which pg_stat_activity, pg_stat_statements' users
  // and the server log show, so an operator can tell a `serve` read from
  // a brief worker's write. A URL's own application_name wins. Default
  // "storyfuse". Thread-safe; sessions already open keep their name.
  static void SetApplicationName(std::string name);

  // Connects (10 s connect timeout unless the URL sets connect_timeout;
  // client encoding UTF-8; the application name above). IoError naming the
  // server when it cannot.
  static Result<std::unique_ptr<PgConnection>> Connect(const std::string& url);
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  // Runs one or more SQL statements without parameters (simple protocol),
  // e.g. a schema. Not retried after a lost connection.
  Status Exec(std::string_view sql);
  // Runs one statement with `params` bound to $1..$n. SQL errors are
  // InvalidArgument "... [SQLSTATE xxxxx]"; a lost server is IoError.
  //
  // A statement with parameters is prepared on the session the first time
  // it runs there and executed by name after, so PostgreSQL plans it once
  // per session instead of at every call (for `serve`'s short reads
  // planning cost as much as running them; docs/scale.md). At most
  // kMaxPrepared statements per session; later new ones run as text.
  // After a reconnect they are prepared again. A statement whose table
  // another process changed (SQLSTATE 0A000, "cached plan must not change
  // result type") is run again as text, outside a transaction. Needs a
  // session of its own: not for a pooler in transaction mode.
  Result<PgRows> Query(std::string_view sql, const std::vector<PgParam>& params = {});
  static constexpr size_t kMaxPrepared = 256;

  // A transaction: rolls back on destruction unless Commit() succeeded.
  class Transaction {
   public:
    ~Transaction();
    Transaction(Transaction&& other) noexcept : conn_(other.conn_) { other.conn_ = nullptr; }
    Transaction& operator=(Transaction&&) = delete;
    Status Commit();

   private:
    friend class PgConnection;
    explicit Transaction(PgConnection* conn) : conn_(conn) {}
    PgConnection* conn_;
  };
  Result<Transaction> Begin();

  // "host:port/database" of the server, for messages.
  const std::string& server() const { return server_; }
  // Times a lost connection was re-established (for tests and metrics).
  int reconnects() const { return reconnects_; }

  // The SQLSTATE of a Status from Query ("" when it carries none).
  static std::string SqlState(const Status& status);

 private:
  PgConnection(pg_conn* conn, std::string server) : conn_(conn), server_(std::move(server)) {}
  Result<PgRows> Run(std::string_view sql, const std::vector<PgParam>& params);
  // The name `sql` is prepared under on this session (preparing it now),
  // or nullptr to run it as text; the statement's error if it does not
  // prepare.
  Result<const std::string*> PreparedName(const std::string& sql, int params);
  static constexpr std::string_view kCachedPlanChanged = "0A000";
  Status ErrorOf(pg_result* result) const;
  bool Lost() const;
  Status Reconnect();

  pg_conn* conn_;
  std::string server_;
  bool in_transaction_ = false;
  bool transaction_broken_ = false;  // the connection died inside it
  int reconnects_ = 0;
  std::unordered_map<std::string, std::string> prepared_;  // SQL -> statement name, this session
};

}  // namespace storyfuse

#endif  // STORYFUSE_STORE_PG_CONNECTION_H_
