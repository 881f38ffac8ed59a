#include "store/database.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

namespace storyfuse {
namespace {
namespace fs = std::filesystem;

std::string TempDb(const std::string& name) {
  fs::path p = fs::temp_directory_path() / ("storyfuse_db_" + std::to_string(getpid()) + "_" + name);
  fs::remove(p);
  fs::remove(p.string() + "-wal");
  fs::remove(p.string() + "-shm");
  return p.string();
}

TEST(DatabaseTest, OpensInWalModeAndRunsStatements) {
  std::string path = TempDb("wal.db");
  Result<std::unique_ptr<Database>> db = Database::Open(path);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  Result<SqlStatement> mode = (*db)->Prepare("PRAGMA journal_mode");
  ASSERT_TRUE(mode.ok());
  ASSERT_TRUE(mode->Step().value());
  EXPECT_EQ(mode->Text(0), "wal");
  ASSERT_TRUE((*db)->Exec("CREATE TABLE t (k TEXT, v INTEGER)").ok());
  Result<SqlStatement> ins = (*db)->Prepare("INSERT INTO t VALUES (?1, ?2)");
  ASSERT_TRUE(ins.ok());
  ASSERT_TRUE(ins->Bind(1, "a").Bind(2, int64_t{7}).Run().ok());
  ASSERT_TRUE(ins->BindNull(1).Bind(2, int64_t{8}).Run().ok());
  EXPECT_EQ((*db)->LastInsertRowId(), 2);
  Result<SqlStatement> sel = (*db)->Prepare("SELECT k, v FROM t ORDER BY v");
  ASSERT_TRUE(sel.ok());
  ASSERT_TRUE(sel->Step().value());
  EXPECT_EQ(sel->Text(0), "a");
  EXPECT_EQ(sel->Int(1), 7);
  ASSERT_TRUE(sel->Step().value());
  EXPECT_TRUE(sel->IsNull(0));
  EXPECT_EQ(sel->Text(0), "");
  EXPECT_FALSE(sel->Step().value());
  fs::remove(path);
}

TEST(DatabaseTest, ReportsErrorsAsStatus) {
  Result<std::unique_ptr<Database>> db = Database::Open(":memory:");
  ASSERT_TRUE(db.ok());
  Result<SqlStatement> bad = (*db)->Prepare("SELEC nonsense");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("syntax error"), std::string::npos);
  EXPECT_FALSE((*db)->Exec("INSERT INTO missing VALUES (1)").ok());
  ASSERT_TRUE((*db)->Exec("CREATE TABLE u (k TEXT PRIMARY KEY)").ok());
  Result<SqlStatement> ins = (*db)->Prepare("INSERT INTO u VALUES (?1)");
  ASSERT_TRUE(ins->Bind(1, "x").Run().ok());
  Status dup = ins->Bind(1, "x").Run();
  EXPECT_EQ(dup.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(dup.message().find("UNIQUE"), std::string::npos);
  Status bind = ins->Bind(5, "out of range").Run();  // kept and reported by Run
  EXPECT_FALSE(bind.ok());
  EXPECT_FALSE(Database::Open("/nonexistent-dir/x.db").ok());
}

TEST(DatabaseTest, TransactionsRollBackUnlessCommitted) {
  Result<std::unique_ptr<Database>> db = Database::Open(":memory:");
  ASSERT_TRUE(db.ok());
  Database& d = **db;
  ASSERT_TRUE(d.Exec("CREATE TABLE t (v INTEGER)").ok());
  {
    Result<Database::Transaction> tx = d.Begin();
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(d.Exec("INSERT INTO t VALUES (1)").ok());
  }  // rolled back
  {
    Result<Database::Transaction> tx = d.Begin();
    ASSERT_TRUE(d.Exec("INSERT INTO t VALUES (2)").ok());
    ASSERT_TRUE(tx->Commit().ok());
    EXPECT_FALSE(tx->Commit().ok());
  }
  Result<SqlStatement> sum = d.Prepare("SELECT count(*), sum(v) FROM t");
  ASSERT_TRUE(sum->Step().value());
  EXPECT_EQ(sum->Int(0), 1);
  EXPECT_EQ(sum->Int(1), 2);
}

TEST(DatabaseTest, SecondWriterWaitsThenReportsBusy) {
  std::string path = TempDb("busy.db");
  Database::Options quick;
  quick.busy_timeout_ms = 50;
  Result<std::unique_ptr<Database>> a = Database::Open(path, quick);
  Result<std::unique_ptr<Database>> b = Database::Open(path, quick);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_TRUE((*a)->Exec("CREATE TABLE t (v INTEGER)").ok());
  Result<Database::Transaction> tx = (*a)->Begin();
  ASSERT_TRUE(tx.ok());
  Result<Database::Transaction> tx2 = (*b)->Begin();
  ASSERT_FALSE(tx2.ok());
  EXPECT_NE(tx2.status().message().find("busy"), std::string::npos) << tx2.status().ToString();
  ASSERT_TRUE(tx->Commit().ok());
  fs::remove(path);
}

}  // namespace
}  // namespace storyfuse
