#include "store/pg_connection.h"

#include <cstdlib>

#if STORYFUSE_HAVE_LIBPQ
#include <libpq-fe.h>
#endif

namespace storyfuse {

bool PgConnection::IsUrl(std::string_view s) { return s.starts_with("postgresql://") || s.starts_with("postgres://"); }

std::string PgConnection::SqlState(const Status& status) {
  constexpr std::string_view kTag = "[SQLSTATE ";
  const std::string& m = status.message();
  size_t at = m.rfind(kTag);
  if (at == std::string::npos) return "";
  size_t end = m.find(']', at);
  return end == std::string::npos ? "" : m.substr(at + kTag.size(), end - at - kTag.size());
}

#if STORYFUSE_HAVE_LIBPQ

namespace {

// Why a connection was refused is worth a wait of this long, not more.
constexpr const char* kDefaultConnectTimeoutSeconds = "10";

void IgnoreNotice(void*, const char*) {}

// "host:port/database" from the URL, without user or password.
std::string ServerName(const std::string& url) {
  char* err = nullptr;
  PQconninfoOption* opts = PQconninfoParse(url.c_str(), &err);
  if (err != nullptr) PQfreemem(err);
  if (opts == nullptr) return "(unparsable URL)";
  std::string host, port, db;
  for (PQconninfoOption* o = opts; o->keyword != nullptr; ++o) {
    if (o->val == nullptr) continue;
    std::string_view k = o->keyword;
    if (k == "host" || (k == "hostaddr" && host.empty())) host = o->val;
    if (k == "port") port = o->val;
    if (k == "dbname") db = o->val;
  }
  PQconninfoFree(opts);
  return (host.empty() ? "localhost" : host) + ":" + (port.empty() ? "5432" : port) + "/" + db;
}

std::string Trimmed(const char* msg) {
  std::string s = msg ? msg : "";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace

void PgRows::Free::operator()(pg_result* r) const { PQclear(r); }
int PgRows::rows() const { return result_ ? PQntuples(result_.get()) : 0; }
int PgRows::columns() const { return result_ ? PQnfields(result_.get()) : 0; }
int64_t PgRows::affected() const {
  const char* n = result_ ? PQcmdTuples(result_.get()) : "";
  return *n ? std::strtoll(n, nullptr, 10) : 0;
}
std::string PgRows::Text(int row, int column) const {
  return std::string(PQgetvalue(result_.get(), row, column), PQgetlength(result_.get(), row, column));
}
int64_t PgRows::Int(int row, int column) const {
  return std::strtoll(PQgetvalue(result_.get(), row, column), nullptr, 10);
}
double PgRows::Real(int row, int column) const { return std::strtod(PQgetvalue(result_.get(), row, column), nullptr); }
bool PgRows::IsNull(int row, int column) const { return PQgetisnull(result_.get(), row, column) == 1; }

Result<std::unique_ptr<PgConnection>> PgConnection::Connect(const std::string& url) {
  std::string server = ServerName(url);
  // Later keywords win, and dbname expands to the whole URL: the URL's own
  // connect_timeout or client_encoding overrides these defaults.
  const char* keys[] = {"connect_timeout", "client_encoding", "dbname", nullptr};
  const char* values[] = {kDefaultConnectTimeoutSeconds, "UTF8", url.c_str(), nullptr};
  pg_conn* conn = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  if (conn == nullptr) return Status::IoError("postgresql " + server + ": out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string msg = Trimmed(PQerrorMessage(conn));
    PQfinish(conn);
    return Status::IoError("postgresql " + server + ": cannot connect: " + msg);
  }
  PQsetNoticeProcessor(conn, IgnoreNotice, nullptr);
  return std::unique_ptr<PgConnection>(new PgConnection(conn, server));
}

PgConnection::~PgConnection() { PQfinish(conn_); }

bool PgConnection::Lost() const { return PQstatus(conn_) == CONNECTION_BAD; }

Status PgConnection::Reconnect() {
  PQreset(conn_);
  if (Lost()) return Status::IoError("postgresql " + server_ + ": reconnect failed: " + Trimmed(PQerrorMessage(conn_)));
  PQsetNoticeProcessor(conn_, IgnoreNotice, nullptr);
  ++reconnects_;
  return Status::Ok();
}

Status PgConnection::ErrorOf(pg_result* result) const {
  std::string msg = Trimmed(result ? PQresultErrorMessage(result) : PQerrorMessage(conn_));
  if (msg.empty()) msg = Trimmed(PQerrorMessage(conn_));
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string prefix = "postgresql " + server_ + ": ";
  // Class 08 is "connection exception"; a dead socket carries no SQLSTATE.
  if (Lost() || state == nullptr || std::string_view(state).starts_with("08")) {
    return Status::IoError(prefix + "connection lost: " + msg);
  }
  return Status::InvalidArgument(prefix + msg + " [SQLSTATE " + state + "]");
}

Result<PgRows> PgConnection::Run(std::string_view sql, const std::vector<PgParam>& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const PgParam& p : params) values.push_back(p ? p->c_str() : nullptr);
  std::string text(sql);
  pg_result* r = PQexecParams(conn_, text.c_str(), static_cast<int>(params.size()), nullptr, values.data(), nullptr,
                              nullptr, /*resultFormat=text*/ 0);
  ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
  if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return PgRows(r);
  Status error = ErrorOf(r);
  PQclear(r);
  return error;
}

Result<PgRows> PgConnection::Query(std::string_view sql, const std::vector<PgParam>& params) {
  if (transaction_broken_) {
    return Status::IoError("postgresql " + server_ + ": connection lost inside a transaction; it was rolled back");
  }
  if (Lost() && !in_transaction_) STORYFUSE_RETURN_IF_ERROR(Reconnect());
  Result<PgRows> rows = Run(sql, params);
  if (rows.ok() || !Lost()) return rows;
  if (in_transaction_) {
    transaction_broken_ = true;
    return rows;
  }
  STORYFUSE_RETURN_IF_ERROR(Reconnect());
  return Run(sql, params);
}

Status PgConnection::Exec(std::string_view sql) {
  if (transaction_broken_) {
    return Status::IoError("postgresql " + server_ + ": connection lost inside a transaction; it was rolled back");
  }
  if (Lost() && !in_transaction_) STORYFUSE_RETURN_IF_ERROR(Reconnect());
  std::string text(sql);
  pg_result* r = PQexec(conn_, text.c_str());
  ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
  Status out = (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) ? Status::Ok() : ErrorOf(r);
  PQclear(r);
  if (!out.ok() && in_transaction_ && Lost()) transaction_broken_ = true;
  return out;
}

Result<PgConnection::Transaction> PgConnection::Begin() {
  if (in_transaction_) return Status::InvalidArgument("postgresql " + server_ + ": transaction already open");
  STORYFUSE_RETURN_IF_ERROR(Query("BEGIN").status());
  in_transaction_ = true;
  transaction_broken_ = false;
  return Transaction(this);
}

Status PgConnection::Transaction::Commit() {
  if (conn_ == nullptr) return Status::InvalidArgument("transaction already ended");
  PgConnection* c = conn_;
  Status st = c->Exec("COMMIT");
  // After a failed COMMIT the server has rolled back; either way it ended.
  c->in_transaction_ = false;
  c->transaction_broken_ = false;
  conn_ = nullptr;
  return st;
}

PgConnection::Transaction::~Transaction() {
  if (conn_ == nullptr) return;
  if (!conn_->transaction_broken_) {
    Status ignored = conn_->Exec("ROLLBACK");  // nothing to tell: the work is discarded either way
    (void)ignored;
  }
  conn_->in_transaction_ = false;
  conn_->transaction_broken_ = false;
}

#else  // !STORYFUSE_HAVE_LIBPQ

void PgRows::Free::operator()(pg_result*) const {}
int PgRows::rows() const { return 0; }
int PgRows::columns() const { return 0; }
int64_t PgRows::affected() const { return 0; }
std::string PgRows::Text(int, int) const { return ""; }
int64_t PgRows::Int(int, int) const { return 0; }
double PgRows::Real(int, int) const { return 0; }
bool PgRows::IsNull(int, int) const { return true; }

Result<std::unique_ptr<PgConnection>> PgConnection::Connect(const std::string&) {
  return Status::Unsupported(
      "this storyfuse was built without libpq: install libpq-dev (scripts/setup.sh) and rebuild");
}
PgConnection::~PgConnection() {}
Status PgConnection::Exec(std::string_view) { return Status::Unsupported("built without libpq"); }
Result<PgRows> PgConnection::Query(std::string_view, const std::vector<PgParam>&) {
  return Status::Unsupported("built without libpq");
}
Result<PgConnection::Transaction> PgConnection::Begin() { return Status::Unsupported("built without libpq"); }
Status PgConnection::Transaction::Commit() { return Status::Unsupported("built without libpq"); }
PgConnection::Transaction::~Transaction() {}

#endif  // STORYFUSE_HAVE_LIBPQ

}  // namespace storyfuse
