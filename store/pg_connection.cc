#include "store/pg_connection.h"

#include <cstdlib>
#include <mutex>

#if STORYFUSE_HAVE_LIBPQ
#include <libpq-fe.h>

#include "base/shared_library.h"
#endif

namespace storyfuse {

std::string PgConnection::TextArray(const std::vector<std::string>& values) {
  std::string out = "{";
  for (const std::string& v : values) {
    if (out.size() > 1) out += ',';
    out += '"';
    for (char c : v) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  out += '}';
  return out;
}

namespace {
std::mutex application_name_mu;
std::string& ApplicationName() {
  static std::string* name = new std::string("storyfuse");  // never destroyed: read at exit
  return *name;
}
}  // namespace

void PgConnection::SetApplicationName(std::string name) {
  std::lock_guard<std::mutex> lock(application_name_mu);
  ApplicationName() = std::move(name);
}

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

// libpq is loaded on first use, not linked (issue #21: a batch command
// should not pay for libpq and its dependencies at start-up). The header
// still gives the types and constants; these are the functions called here.
// clang-format off
#define STORYFUSE_LIBPQ_FUNCTIONS(X)                                                                      \
  X(PQclear) X(PQcmdTuples) X(PQconnectdbParams) X(PQconninfoFree) X(PQconninfoParse) X(PQerrorMessage) \
  X(PQexec) X(PQexecParams) X(PQexecPrepared) X(PQfinish) X(PQfreemem) X(PQgetisnull) X(PQgetlength) X(PQgetvalue)       \
  X(PQnfields) X(PQntuples) X(PQprepare) X(PQreset) X(PQresultErrorField) X(PQresultErrorMessage) X(PQresultStatus) \
  X(PQsetNoticeProcessor) X(PQstatus)
// clang-format on

struct LibPq {
#define STORYFUSE_LIBPQ_SLOT(name) decltype(&::name) name = nullptr;
  STORYFUSE_LIBPQ_FUNCTIONS(STORYFUSE_LIBPQ_SLOT)
#undef STORYFUSE_LIBPQ_SLOT
};

// Debian 12's libpq5 package; the soname has been 5 since PostgreSQL 8.
constexpr const char* kLibPqSoname = "libpq.so.5";

// The table, loaded once per process (thread-safe static); its error names
// the library when it is missing.
const Result<LibPq>& LoadLibPq() {
  static const Result<LibPq> loaded = []() -> Result<LibPq> {
    STORYFUSE_ASSIGN_OR_RETURN(SharedLibrary lib, SharedLibrary::Open(kLibPqSoname, "libpq5"));
    LibPq api;
#define STORYFUSE_LIBPQ_RESOLVE(name) STORYFUSE_RETURN_IF_ERROR(lib.Resolve(#name, &api.name));
    STORYFUSE_LIBPQ_FUNCTIONS(STORYFUSE_LIBPQ_RESOLVE)
#undef STORYFUSE_LIBPQ_RESOLVE
    return api;
  }();
  return loaded;
}

// The table after Connect() succeeded (every other entry point needs a
// connection or a result, so the library is loaded by then).
const LibPq& Pq() { return *LoadLibPq(); }

// Why a connection was refused is worth a wait of this long, not more.
constexpr const char* kDefaultConnectTimeoutSeconds = "10";

void IgnoreNotice(void*, const char*) {}

// "host:port/database" from the URL, without user or password.
std::string ServerName(const std::string& url) {
  char* err = nullptr;
  PQconninfoOption* opts = Pq().PQconninfoParse(url.c_str(), &err);
  if (err != nullptr) Pq().PQfreemem(err);
  if (opts == nullptr) return "(unparsable URL)";
  std::string host, port, db;
  for (PQconninfoOption* o = opts; o->keyword != nullptr; ++o) {
    if (o->val == nullptr) continue;
    std::string_view k = o->keyword;
    if (k == "host" || (k == "hostaddr" && host.empty())) host = o->val;
    if (k == "port") port = o->val;
    if (k == "dbname") db = o->val;
  }
  Pq().PQconninfoFree(opts);
  return (host.empty() ? "localhost" : host) + ":" + (port.empty() ? "5432" : port) + "/" + db;
}

std::string Trimmed(const char* msg) {
  std::string s = msg ? msg : "";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace

void PgRows::Free::operator()(pg_result* r) const { Pq().PQclear(r); }
int PgRows::rows() const { return result_ ? Pq().PQntuples(result_.get()) : 0; }
int PgRows::columns() const { return result_ ? Pq().PQnfields(result_.get()) : 0; }
int64_t PgRows::affected() const {
  const char* n = result_ ? Pq().PQcmdTuples(result_.get()) : "";
  return *n ? std::strtoll(n, nullptr, 10) : 0;
}
std::string PgRows::Text(int row, int column) const {
  return std::string(Pq().PQgetvalue(result_.get(), row, column), Pq().PQgetlength(result_.get(), row, column));
}
int64_t PgRows::Int(int row, int column) const {
  return std::strtoll(Pq().PQgetvalue(result_.get(), row, column), nullptr, 10);
}
double PgRows::Real(int row, int column) const {
  return std::strtod(Pq().PQgetvalue(result_.get(), row, column), nullptr);
}
bool PgRows::IsNull(int row, int column) const { return Pq().PQgetisnull(result_.get(), row, column) == 1; }

Result<std::unique_ptr<PgConnection>> PgConnection::Connect(const std::string& url) {
  STORYFUSE_RETURN_IF_ERROR(LoadLibPq().status());
  std::string server = ServerName(url);
  std::string name;
  {
    std::lock_guard<std::mutex> lock(application_name_mu);
    name = ApplicationName();
  }
  // Later keywords win, and dbname expands to the whole URL: the URL's own
  // connect_timeout or client_encoding overrides these defaults. A
  // fallback_application_name yields to the URL's application_name and to
  // PGAPPNAME, as libpq defines it.
  const char* keys[] = {"connect_timeout", "client_encoding", "fallback_application_name", "dbname", nullptr};
  const char* values[] = {kDefaultConnectTimeoutSeconds, "UTF8", name.c_str(), url.c_str(), nullptr};
  pg_conn* conn = Pq().PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  if (conn == nullptr) return Status::IoError("postgresql " + server + ": out of memory");
  if (Pq().PQstatus(conn) != CONNECTION_OK) {
    std::string msg = Trimmed(Pq().PQerrorMessage(conn));
    Pq().PQfinish(conn);
    return Status::IoError("postgresql " + server + ": cannot connect: " + msg);
  }
  Pq().PQsetNoticeProcessor(conn, IgnoreNotice, nullptr);
  return std::unique_ptr<PgConnection>(new PgConnection(conn, server));
}

PgConnection::~PgConnection() { Pq().PQfinish(conn_); }

bool PgConnection::Lost() const { return Pq().PQstatus(conn_) == CONNECTION_BAD; }

Status PgConnection::Reconnect() {
  Pq().PQreset(conn_);
  if (Lost())
    return Status::IoError("postgresql " + server_ + ": reconnect failed: " + Trimmed(Pq().PQerrorMessage(conn_)));
  Pq().PQsetNoticeProcessor(conn_, IgnoreNotice, nullptr);
  prepared_.clear();  // a new session has none
  ++reconnects_;
  return Status::Ok();
}

Status PgConnection::ErrorOf(pg_result* result) const {
  std::string msg = Trimmed(result ? Pq().PQresultErrorMessage(result) : Pq().PQerrorMessage(conn_));
  if (msg.empty()) msg = Trimmed(Pq().PQerrorMessage(conn_));
  const char* state = result ? Pq().PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
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
  STORYFUSE_ASSIGN_OR_RETURN(const std::string* name, PreparedName(text, static_cast<int>(params.size())));
  pg_result* r = name != nullptr ? Pq().PQexecPrepared(conn_, name->c_str(), static_cast<int>(params.size()),
                                                       values.data(), nullptr, nullptr,
                                                       /*resultFormat=text*/ 0)
                                 : Pq().PQexecParams(conn_, text.c_str(), static_cast<int>(params.size()), nullptr,
                                                     values.data(), nullptr, nullptr, /*resultFormat=text*/ 0);
  ExecStatusType st = r ? Pq().PQresultStatus(r) : PGRES_FATAL_ERROR;
  if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return PgRows(r);
  Status error = ErrorOf(r);
  Pq().PQclear(r);
  if (name != nullptr && SqlState(error) == kCachedPlanChanged && !in_transaction_) {
    // Another process changed a table under a prepared statement (a
    // migration): forget them all and run this one as text.
    STORYFUSE_RETURN_IF_ERROR(Exec("DEALLOCATE ALL"));
    prepared_.clear();
    return Run(sql, params);
  }
  return error;
}

Result<const std::string*> PgConnection::PreparedName(const std::string& sql, int params) {
  // Statements without parameters (BEGIN, COMMIT, schema work) run as text.
  if (params == 0) return nullptr;
  if (auto it = prepared_.find(sql); it != prepared_.end()) return &it->second;
  if (prepared_.size() >= kMaxPrepared) return nullptr;
  std::string name = "sf" + std::to_string(prepared_.size());
  pg_result* r = Pq().PQprepare(conn_, name.c_str(), sql.c_str(), params, nullptr);
  ExecStatusType st = r ? Pq().PQresultStatus(r) : PGRES_FATAL_ERROR;
  if (st != PGRES_COMMAND_OK) {
    Status error = ErrorOf(r);
    Pq().PQclear(r);
    return error;  // the statement's own error (syntax, a missing table), as running it gives
  }
  Pq().PQclear(r);
  return &prepared_.emplace(sql, std::move(name)).first->second;
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
  pg_result* r = Pq().PQexec(conn_, text.c_str());
  ExecStatusType st = r ? Pq().PQresultStatus(r) : PGRES_FATAL_ERROR;
  Status out = (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) ? Status::Ok() : ErrorOf(r);
  Pq().PQclear(r);
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
