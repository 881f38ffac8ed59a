#include "store/pg_connection.h"

#include <gtest/gtest.h>

#include "tests/services/throwaway_engines.h"

namespace storyfuse {
namespace {

std::unique_ptr<PgConnection> MustConnect(const std::string& url) {
  Result<std::unique_ptr<PgConnection>> c = PgConnection::Connect(url);
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  return c.ok() ? std::move(*c) : nullptr;
}

TEST(PgConnection, RecognizesUrls) {
  EXPECT_TRUE(PgConnection::IsUrl("postgresql://u@h:5432/db"));
  EXPECT_TRUE(PgConnection::IsUrl("postgres://h/db"));
  EXPECT_FALSE(PgConnection::IsUrl("stories.db"));
  EXPECT_FALSE(PgConnection::IsUrl(":memory:"));
  EXPECT_FALSE(PgConnection::IsUrl("/var/lib/postgresql://x"));
}

TEST(PgConnection, RefusedConnectionNamesTheServerNotThePassword) {
  STORYFUSE_SHARED_ENGINE_OR_SKIP(pg, ThrowawayPostgres);
  // A database that does not exist on the real server: refused.
  Result<std::unique_ptr<PgConnection>> c =
      PgConnection::Connect("postgresql://postgres:secret@127.0.0.1:" + std::to_string(pg->port()) + "/nosuchdb");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), Status::Code::kIoError);
  EXPECT_NE(c.status().message().find("127.0.0.1:" + std::to_string(pg->port()) + "/nosuchdb"), std::string::npos)
      << c.status().message();
  EXPECT_EQ(c.status().message().find("secret"), std::string::npos);
}

TEST(PgConnection, ParametersRoundTripTextNullAndNumbers) {
  STORYFUSE_SHARED_ENGINE_OR_SKIP(pg, ThrowawayPostgres);
  auto c = MustConnect(pg->url());
  ASSERT_NE(c, nullptr);
  // Quotes, a backslash and non-ASCII text are bound, never spliced.
  std::string tricky = "O'Brien said \"no\"; DROP TABLE x; -- \\ caf\xC3\xA9";
  Result<PgRows> r =
      c->Query("SELECT $1::text, $2::text IS NULL, $3::bigint * 2, length($1::text)", {tricky, std::nullopt, "21"});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->rows(), 1);
  EXPECT_EQ(r->Text(0, 0), tricky);
  EXPECT_EQ(r->Text(0, 1), "t");
  EXPECT_EQ(r->Int(0, 2), 42);
  EXPECT_EQ(r->Int(0, 3), 42);  // characters, not its 43 bytes: the text went in as UTF-8
}

TEST(PgConnection, SessionsCarryTheApplicationNameUnlessTheUrlGivesOne) {
  STORYFUSE_SHARED_ENGINE_OR_SKIP(pg, ThrowawayPostgres);
  auto name_of = [](PgConnection* c) {
    Result<PgRows> r = c->Query("SELECT current_setting('application_name')");
    return r.ok() && r->rows() == 1 ? r->Text(0, 0) : "error: " + r.status().ToString();
  };
  auto plain = MustConnect(pg->url());
  ASSERT_NE(plain, nullptr);
  EXPECT_EQ(name_of(plain.get()), "storyfuse");
  PgConnection::SetApplicationName("storyfuse worker brief");
  auto named = MustConnect(pg->url());
  auto overridden = MustConnect(pg->url() + "?application_name=night-backfill");
  PgConnection::SetApplicationName("storyfuse");
  ASSERT_NE(named, nullptr);
  ASSERT_NE(overridden, nullptr);
  EXPECT_EQ(name_of(named.get()), "storyfuse worker brief");
  EXPECT_EQ(name_of(overridden.get()), "night-backfill");
  EXPECT_EQ(name_of(plain.get()), "storyfuse");  // an open session keeps its name
}

TEST(PgConnection, SqlErrorsCarrySqlStateAndServer) {
  STORYFUSE_SHARED_ENGINE_OR_SKIP(pg, ThrowawayPostgres);
  auto c = MustConnect(pg->url());
  ASSERT_NE(c, nullptr);
  Result<PgRows> r = c->Query("SELEC 1");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(PgConnection::SqlState(r.status()), "42601");
  EXPECT_NE(r.status().message().find(c->server()), std::string::npos);
  // The connection is still usable after a statement error.
  EXPECT_TRUE(c->Query("SELECT 1").ok());
}

TEST(PgConnection, TransactionsCommitOrRollBack) {
  STORYFUSE_SHARED_ENGINE_OR_SKIP(pg, ThrowawayPostgres);
  auto c = MustConnect(pg->url());
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->Exec("DROP TABLE IF EXISTS tx_t; CREATE TABLE tx_t (k text PRIMARY KEY)").ok());
  {
    Result<PgConnection::Transaction> tx = c->Begin();
    ASSERT_TRUE(tx.ok()) << tx.status().ToString();
    ASSERT_TRUE(c->Query("INSERT INTO tx_t VALUES ($1)", {"dropped"}).ok());
  }  // destroyed uncommitted: rolled back
  {
    Result<PgConnection::Transaction> tx = c->Begin();
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(c->Query("INSERT INTO tx_t VALUES ($1)", {"kept"}).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  Result<PgRows> r = c->Query("SELECT k FROM tx_t ORDER BY k");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->rows(), 1);
  EXPECT_EQ(r->Text(0, 0), "kept");
  // A unique violation is a statement error with its SQLSTATE.
  Result<PgRows> dup = c->Query("INSERT INTO tx_t VALUES ($1)", {"kept"});
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(PgConnection::SqlState(dup.status()), "23505");
}

// Statements with parameters are prepared once per session and run by
// name after; the session's pg_prepared_statements shows them.
TEST(PgConnection, StatementsWithParametersArePreparedOncePerSession) {
  STORYFUSE_SHARED_ENGINE_OR_SKIP(pg, ThrowawayPostgres);
  auto c = MustConnect(pg->url());
  ASSERT_TRUE(c);
  auto prepared = [&] {
    Result<PgRows> r = c->Query("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%$1::int * 3%'");
    return r.ok() ? r->Int(0, 0) : -1;
  };
  for (int i = 1; i <= 3; ++i) {
    Result<PgRows> r = c->Query("SELECT $1::int * 3", {std::to_string(i)});
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->Int(0, 0), 3 * i);
  }
  EXPECT_EQ(prepared(), 1);
  // A statement that does not prepare fails as running it would.
  Result<PgRows> bad = c->Query("SELECT $1::int FROM no_such_table", {"1"});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(PgConnection::SqlState(bad.status()), "42P01");
  // Once the table exists, it prepares and runs.
  ASSERT_TRUE(c->Exec("CREATE TABLE prep_test (a int, b text)").ok());
  ASSERT_TRUE(c->Query("INSERT INTO prep_test VALUES ($1::int, $2)", {"7", "seven"}).ok());
  Result<PgRows> row = c->Query("SELECT * FROM prep_test WHERE a = $1::int", {"7"});
  ASSERT_TRUE(row.ok()) << row.status().ToString();
  EXPECT_EQ(row->Text(0, 1), "seven");
  // Another session changes the table under the prepared statement: the
  // next run is answered as text, not with "cached plan must not change
  // result type".
  auto other = MustConnect(pg->url());
  ASSERT_TRUE(other && other->Exec("ALTER TABLE prep_test ADD COLUMN c int DEFAULT 3").ok());
  row = c->Query("SELECT * FROM prep_test WHERE a = $1::int", {"7"});
  ASSERT_TRUE(row.ok()) << row.status().ToString();
  EXPECT_EQ(row->Int(0, 2), 3);
  ASSERT_TRUE(c->Exec("DROP TABLE prep_test").ok());
}

TEST(PgConnection, ReconnectsAfterTheServerDropsTheSession) {
  STORYFUSE_SHARED_ENGINE_OR_SKIP(pg, ThrowawayPostgres);
  auto victim = MustConnect(pg->url());
  auto admin = MustConnect(pg->url());
  ASSERT_TRUE(victim && admin);
  Result<PgRows> pid = victim->Query("SELECT pg_backend_pid()");
  ASSERT_TRUE(pid.ok());
  ASSERT_TRUE(admin->Query("SELECT pg_terminate_backend($1::int)", {pid->Text(0, 0)}).ok());
  Result<PgRows> after = victim->Query("SELECT $1::int + 1", {"1"});
  ASSERT_TRUE(after.ok()) << after.status().ToString();
  EXPECT_EQ(after->Int(0, 0), 2);
  EXPECT_EQ(victim->reconnects(), 1);
  // The new session prepares again what the old one had prepared.
  pid = victim->Query("SELECT pg_backend_pid() + $1::int", {"0"});
  ASSERT_TRUE(pid.ok());
  ASSERT_TRUE(admin->Query("SELECT pg_terminate_backend($1::int)", {pid->Text(0, 0)}).ok());
  after = victim->Query("SELECT $1::int + 1", {"2"});
  ASSERT_TRUE(after.ok()) << after.status().ToString();
  EXPECT_EQ(after->Int(0, 0), 3);
  EXPECT_EQ(victim->reconnects(), 2);
}

TEST(PgConnection, LostConnectionInsideATransactionIsAnErrorNotARetry) {
  STORYFUSE_SHARED_ENGINE_OR_SKIP(pg, ThrowawayPostgres);
  auto victim = MustConnect(pg->url());
  auto admin = MustConnect(pg->url());
  ASSERT_TRUE(victim && admin);
  ASSERT_TRUE(admin->Exec("DROP TABLE IF EXISTS lost_t; CREATE TABLE lost_t (k text)").ok());
  Result<PgRows> pid = victim->Query("SELECT pg_backend_pid()");
  ASSERT_TRUE(pid.ok());
  {
    Result<PgConnection::Transaction> tx = victim->Begin();
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(victim->Query("INSERT INTO lost_t VALUES ('first')").ok());
    ASSERT_TRUE(admin->Query("SELECT pg_terminate_backend($1::int)", {pid->Text(0, 0)}).ok());
    Result<PgRows> second = victim->Query("INSERT INTO lost_t VALUES ('second')");
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.status().code(), Status::Code::kIoError);
    EXPECT_FALSE(tx->Commit().ok());
  }
  // Neither row was written (the retry did not replay half a transaction),
  // and the connection works again.
  Result<PgRows> n = victim->Query("SELECT count(*) FROM lost_t");
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(n->Int(0, 0), 0);
}

TEST(PgConnection, SurvivesAServerRestart) {
  STORYFUSE_SHARED_ENGINE_OR_SKIP(pg, ThrowawayPostgres);
  auto c = MustConnect(pg->url());
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->Query("SELECT 1").ok());
  ASSERT_TRUE(pg->Restart().ok());
  Result<PgRows> r = c->Query("SELECT 2");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->Int(0, 0), 2);
}

}  // namespace
}  // namespace storyfuse
