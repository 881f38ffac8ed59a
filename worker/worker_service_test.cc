// The workers against real PostgreSQL and Redis (issue #25), as
// subprocesses of the built CLI: the same input through single-machine
// `ingest` and through the workers gives the same stored result, also when
// workers of every role are killed with SIGKILL mid-run.
#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "store/pg_connection.h"
#include "store/story_store.h"
#include "tests/services/throwaway_engines.h"
#include "tests/services/worker_fleet.h"

namespace storyfuse {
namespace {

namespace fs = std::filesystem;
using std::chrono::seconds;

// Small enough for CI (the whole suite is near its time limit): the seeds
// plus this many invented articles, a few dozen stories with copies.
constexpr int kSyntheticArticles = 100;
// Articles settled together (`ingest --batch`): several batches, so the
// story stream revises its window several times, at the same points in
// both runs.
constexpr const char* kSettleBatch = "16";

class WorkerRun : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("storyfuse-workers-" + std::to_string(getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    if (HasFailure()) {  // the workers' logs say what they did
      for (const auto& e : fs::directory_iterator(dir_)) {
        if (e.path().extension() != ".log") continue;
        std::string out;
        // A log that cannot be read prints empty: this is a failure's context.
        static_cast<void>(RunProgram({"/usr/bin/tail", "-n", "5", e.path().string()}, &out));
        std::printf("--- %s\n%s", e.path().filename().c_str(), out.c_str());
      }
    }
    if (!HasFailure()) fs::remove_all(dir_);
  }

  // The test's inputs: the seeds (when ../shared is there) and the invented
  // articles, in that order. Cleaning learns each outlet's repeated lines
  // from the articles before (BoilerplateMemory, in input order): the
  // assigner keeps that memory, and stores it with its checkpoint, so any
  // number of extract workers, and a replacement assigner, give the same.
  std::vector<std::string> Inputs(bool outlet_per_article) {
    std::vector<std::string> inputs;
    fs::path seeds = fs::path(STORYFUSE_SHARED_DIR) / "seeds";
    if (fs::is_directory(seeds)) inputs.push_back(seeds.string());
    std::string synthetic = (dir_ / (outlet_per_article ? "synthetic-own-outlets.jsonl" : "synthetic.jsonl")).string();
    EXPECT_TRUE(WriteSyntheticNews(synthetic, kSyntheticArticles, 1, outlet_per_article).ok());
    inputs.push_back(synthetic);
    return inputs;
  }

  // A fresh database on the shared server.
  std::string Database(ThrowawayPostgres* pg, const std::string& name) {
    Result<std::unique_ptr<PgConnection>> admin = PgConnection::Connect(pg->url());
    EXPECT_TRUE(admin.ok()) << admin.status().ToString();
    if (!admin.ok()) return "";
    EXPECT_TRUE((*admin)->Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").ok());
    EXPECT_TRUE((*admin)->Exec("CREATE DATABASE " + name).ok());
    return pg->url(name);
  }

  // Single-machine ingest into SQLite: what the workers must reproduce.
  std::string Reference(const std::vector<std::string>& inputs, const std::string& name) {
    std::string db = (dir_ / (name + ".sqlite")).string();
    IngestInto(db, inputs);
    return db;
  }
  void IngestInto(const std::string& db, const std::vector<std::string>& inputs) {
    std::vector<std::string> args = {STORYFUSE_BINARY, "ingest", "--db", db, "--batch", kSettleBatch};
    args.insert(args.end(), inputs.begin(), inputs.end());
    std::string out;
    Result<int> rc = RunProgram(args, &out);
    EXPECT_TRUE(rc.ok() && *rc == 0) << out;
  }
  // `storyfuse correct` with `target` (--db PATH or --queue URL).
  void Correct(const std::string& flag, const std::string& target, const std::string& file) {
    std::string out;
    Result<int> rc = RunProgram({STORYFUSE_BINARY, "correct", flag, target, file}, &out);
    EXPECT_TRUE(rc.ok() && *rc == 0) << out;
  }

  // `ingest --queue`: returns how many documents were numbered.
  int64_t Publish(const std::string& queue, const std::vector<std::string>& inputs) {
    std::vector<std::string> args = {STORYFUSE_BINARY, "ingest", "--queue", queue, "--batch", kSettleBatch};
    args.insert(args.end(), inputs.begin(), inputs.end());
    std::string out;
    Result<int> rc = RunProgram(args, &out);
    EXPECT_TRUE(rc.ok() && *rc == 0) << out;
    size_t at = out.find(" documents published");
    EXPECT_NE(at, std::string::npos) << out;
    return at == std::string::npos ? 0 : std::stoll(out.substr(out.rfind(": ", at) + 2));
  }

  fs::path dir_;
};

// Waits until the assigner's checkpoint passed `seq` (or the run ended).
void WaitForProgress(WorkerFleet& fleet, int64_t seq) {
  for (int i = 0; i < 600; ++i) {
    Result<int64_t> at = fleet.AssignedUpTo();
    if (at.ok() && *at > seq) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

TEST_F(WorkerRun, OneAndManyExtractWorkersMatchSingleMachineIngest) {
  STORYFUSE_SHARED_ENGINE_OR_SKIP(pg, ThrowawayPostgres);
  STORYFUSE_SHARED_ENGINE_OR_SKIP(redis, ThrowawayRedis);
  struct Shape {
    int extract, brief;
  };
  int db_index = 1;
  for (Shape shape : {Shape{1, 1}, Shape{3, 2}}) {
    SCOPED_TRACE(std::to_string(shape.extract) + " extract + " + std::to_string(shape.brief) + " brief workers");
    // Outlets repeat lines across their articles: cleaning's boilerplate
    // memory matters, and the assigner applies it in input order.
    std::vector<std::string> inputs = Inputs(/*outlet_per_article=*/false);
    std::string reference = Reference(inputs, "reference-" + std::to_string(db_index));
    std::string db = Database(pg, "workers_equal_" + std::to_string(db_index));
    std::string queue = redis->url() + "/" + std::to_string(db_index++);
    int64_t docs = Publish(queue, inputs);
    WorkerFleet fleet(STORYFUSE_BINARY, queue, db, dir_.string());
    for (int i = 0; i < shape.extract; ++i) ASSERT_TRUE(fleet.Start("extract").ok());
    ASSERT_TRUE(fleet.Start("assign", {"--metrics-port", "0"}).ok());
    for (int i = 0; i < shape.brief; ++i) ASSERT_TRUE(fleet.Start("brief").ok());
    Status done = fleet.WaitDone(docs, seconds(120));
    // The assigner's /metrics counts every document (rejected ones too).
    std::string log;
    ASSERT_TRUE(
        RunProgram({"/bin/cat", (dir_ / ("assign-" + std::to_string(shape.extract + 1) + ".log")).string()}, &log)
            .ok());
    size_t at = log.find("http://127.0.0.1:");
    ASSERT_NE(at, std::string::npos) << log;
    httplib::Client client("127.0.0.1", std::stoi(log.substr(at + 17)));
    httplib::Result metrics = client.Get("/metrics");
    ASSERT_TRUE(metrics) << "no answer from the assigner's /metrics";
    EXPECT_NE(metrics->body.find("storyfuse_worker_processed_total{role=\"assign\"} " + std::to_string(docs) + "\n"),
              std::string::npos)
        << metrics->body;
    EXPECT_NE(metrics->body.find("storyfuse_worker_queue_waiting{role=\"assign\"} 0\n"), std::string::npos)
        << metrics->body;
    // Some invented articles repeat their outlet's lines: the assigner
    // cleaned them again with its memory (else this run proves little).
    const std::string recleaned_key = "storyfuse_worker_recleaned_total{role=\"assign\"} ";
    size_t recleaned = metrics->body.find(recleaned_key);
    ASSERT_NE(recleaned, std::string::npos) << metrics->body;
    EXPECT_GT(std::stod(metrics->body.substr(recleaned + recleaned_key.size())), 0) << metrics->body;
    fleet.StopAll();
    ASSERT_TRUE(done.ok()) << done.ToString();
    std::string summary;
    Result<std::string> diff = CompareStores(reference, db, &summary);
    ASSERT_TRUE(diff.ok()) << diff.status().ToString();
    EXPECT_EQ(*diff, "") << summary;
    std::printf("equal to single-machine ingest: %s\n", summary.c_str());
  }
}

// Editors' corrections published among the documents (`correct --queue`)
// are applied by the assigner at that point, as `correct` run between two
// `ingest` runs: the same moves, constraints and stories.
TEST_F(WorkerRun, CorrectionsThroughTheQueueMatchCorrectBetweenIngests) {
  STORYFUSE_SHARED_ENGINE_OR_SKIP(pg, ThrowawayPostgres);
  STORYFUSE_SHARED_ENGINE_OR_SKIP(redis, ThrowawayRedis);
  std::string first = (dir_ / "first.jsonl").string(), second = (dir_ / "second.jsonl").string();
  ASSERT_TRUE(WriteSyntheticNews(first, kSyntheticArticles, 1).ok());
  ASSERT_TRUE(WriteSyntheticNews(second, kSyntheticArticles / 2, 2).ok());  // the same ids, other texts: updates
  std::string reference = (dir_ / "reference.sqlite").string();
  IngestInto(reference, {first});
  // Corrections of the stories as they are now: one merge, one detach.
  std::string merge_from, merge_into;
  {
    Result<std::unique_ptr<StoryStore>> store = OpenStoryStore(reference);
    ASSERT_TRUE(store.ok());
    for (int i = 0; i < kSyntheticArticles && merge_into.empty(); ++i) {
      Result<std::optional<StoredArticle>> a = (*store)->Get("syn-" + std::to_string(i));
      ASSERT_TRUE(a.ok());
      if (!*a) continue;
      if (merge_from.empty())
        merge_from = (*a)->story_id;
      else if ((*a)->story_id != merge_from)
        merge_into = (*a)->story_id;
    }
  }
  ASSERT_FALSE(merge_into.empty());
  std::string corrections = (dir_ / "corrections.jsonl").string();
  {
    std::ofstream out(corrections);
    out << "{\"kind\": \"merge\", \"story\": \"" << merge_from << "\", \"into\": \"" << merge_into
        << "\", \"note\": \"one event\"}\n{\"kind\": \"detach\", \"article\": \"syn-7\"}\n";
  }
  Correct("--db", reference, corrections);
  IngestInto(reference, {second});

  std::string db = Database(pg, "workers_corrections");
  std::string queue = redis->url() + "/8";
  int64_t numbers = Publish(queue, {first});
  WorkerFleet fleet(STORYFUSE_BINARY, queue, db, dir_.string());
  for (const char* role : {"extract", "extract", "assign"}) ASSERT_TRUE(fleet.Start(role).ok());
  Result<pid_t> brief = fleet.Start("brief");
  ASSERT_TRUE(brief.ok());
  ASSERT_TRUE(fleet.WaitDone(numbers, seconds(120)).ok());
  Result<std::unique_ptr<StoryStore>> built = OpenStoryStore(db);
  ASSERT_TRUE(built.ok());
  Result<std::vector<std::string>> before = (*built)->StoryIds();
  ASSERT_TRUE(before.ok());
  // No brief worker while the merge and the updates are assigned: the
  // stories they replace keep their last brief until a successor is
  // built (a reader of their id is never answered 404 meanwhile).
  fleet.Kill(*brief);
  Correct("--queue", queue, corrections);
  numbers += 2 + Publish(queue, {second});
  WaitForProgress(fleet, numbers);
  Result<int64_t> assigned = fleet.AssignedUpTo();
  ASSERT_TRUE(assigned.ok() && *assigned > numbers);
  for (const std::string& id : *before) {
    Result<std::optional<StoredStory>> story = (*built)->GetStory(id);
    ASSERT_TRUE(story.ok());
    EXPECT_TRUE(*story && !(*story)->brief_json.empty()) << id << " gone before its successor was built";
  }
  ASSERT_TRUE(fleet.Start("brief").ok());
  Status done = fleet.WaitDone(numbers, seconds(120));
  fleet.StopAll();
  ASSERT_TRUE(done.ok()) << done.ToString();
  std::string summary;
  Result<std::string> diff = CompareStores(reference, db, &summary);
  ASSERT_TRUE(diff.ok()) << diff.status().ToString();
  EXPECT_EQ(*diff, "") << summary;
  Result<std::unique_ptr<StoryStore>> store = OpenStoryStore(db);
  ASSERT_TRUE(store.ok());
  Result<std::vector<StreamEvent>> events = (*store)->StreamEvents();
  ASSERT_TRUE(events.ok());
  int edits = 0;
  for (const StreamEvent& e : *events) edits += e.kind != "revise";
  EXPECT_EQ(edits, 2) << summary;
}

TEST_F(WorkerRun, KilledWorkersOfEveryRoleLoseAndDoubleNothing) {
  STORYFUSE_SHARED_ENGINE_OR_SKIP(pg, ThrowawayPostgres);
  STORYFUSE_SHARED_ENGINE_OR_SKIP(redis, ThrowawayRedis);
  std::vector<std::string> inputs = Inputs(/*outlet_per_article=*/false);
  std::string reference = Reference(inputs, "reference");
  std::string db = Database(pg, "workers_faults");
  std::string queue = redis->url() + "/9";
  int64_t docs = Publish(queue, inputs);
  // Small batches and a short lag window keep every role busy for the whole
  // run; a short claim time lets the survivors take over quickly.
  std::vector<std::string> flags = {"--batch", "4", "--lag-window", "12", "--claim-idle-ms", "1500"};
  WorkerFleet fleet(STORYFUSE_BINARY, queue, db, dir_.string());
  Result<pid_t> extract = fleet.Start("extract", flags);
  ASSERT_TRUE(fleet.Start("extract", flags).ok());
  Result<pid_t> assign = fleet.Start("assign", flags);
  Result<pid_t> brief = fleet.Start("brief", flags);
  ASSERT_TRUE(extract.ok() && assign.ok() && brief.ok());

  WaitForProgress(fleet, docs / 5);
  fleet.Kill(*extract);
  ASSERT_TRUE(fleet.Start("extract", flags).ok());
  WaitForProgress(fleet, docs / 3);
  fleet.Kill(*assign);
  ASSERT_TRUE(fleet.Start("assign", flags).ok());
  WaitForProgress(fleet, docs / 2);
  fleet.Kill(*brief);
  ASSERT_TRUE(fleet.Start("brief", flags).ok());

  Status done = fleet.WaitDone(docs, seconds(150));
  ASSERT_TRUE(done.ok()) << done.ToString();
  // Two read-only servers beside the workers (the assigner holds the
  // writer lock) serve the stories.
  for (int i = 0; i < 2; ++i) {
    Result<pid_t> reader = fleet.StartReader();
    ASSERT_TRUE(reader.ok());
    std::string log;
    for (int wait = 0; wait < 200 && log.find("http://127.0.0.1:") == std::string::npos; ++wait) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      log = fleet.LogOf(*reader);
    }
    size_t at = log.find("http://127.0.0.1:");
    ASSERT_NE(at, std::string::npos) << log;
    httplib::Client client("127.0.0.1", std::stoi(log.substr(at + 17)));
    httplib::Result list = client.Get("/api/stories?limit=1");
    ASSERT_TRUE(list) << "no answer from a read-only server";
    EXPECT_EQ(list->status, 200) << list->body;
    EXPECT_NE(list->body.find("\"total\""), std::string::npos) << list->body;
    httplib::Result post = client.Post("/api/articles", "{}", "application/json");
    ASSERT_TRUE(post);
    EXPECT_NE(post->status, 200) << "a read-only server stored an article";
  }
  fleet.StopAll();
  std::string summary;
  Result<std::string> diff = CompareStores(reference, db, &summary);
  ASSERT_TRUE(diff.ok()) << diff.status().ToString();
  EXPECT_EQ(*diff, "") << summary;

  // The store's own check agrees, and finds nothing to repair.
  std::string out;
  Result<int> rc = RunProgram({STORYFUSE_BINARY, "serve", "--check", "--db", db}, &out);
  ASSERT_TRUE(rc.ok());
  EXPECT_EQ(*rc, 0) << out;
  EXPECT_NE(out.find(" 0 stories repaired on open: consistent"), std::string::npos) << out;
}

// How often `log` says the assigner opened again after a lost engine.
int Reopenings(const std::string& log) {
  int n = 0;
  for (size_t at = log.find("assign opened again"); at != std::string::npos;
       at = log.find("assign opened again", at + 1))
    ++n;
  return n;
}

// PostgreSQL restarted (every session ends), twice: mid-run, where the
// stateless roles retry and the assigner, if it meets the restart, opens
// again and recovers from the store; then between two inputs of updates
// (new versions of articles stored before), where the assigner is idle, so
// it meets the lost session when it stores the second one, deterministically,
// and replays a store that holds updated articles. Nothing is lost or
// doubled, and the store's own check agrees.
TEST_F(WorkerRun, PostgresRestartedMidRunAndBetweenUpdatesIsSurvived) {
  STORYFUSE_SHARED_ENGINE_OR_SKIP(pg, ThrowawayPostgres);
  STORYFUSE_SHARED_ENGINE_OR_SKIP(redis, ThrowawayRedis);
  std::vector<std::string> inputs = Inputs(/*outlet_per_article=*/false);
  std::string updates = (dir_ / "updates.jsonl").string();
  ASSERT_TRUE(WriteSyntheticNews(updates, kSyntheticArticles / 2, 2).ok());  // the same ids, other texts
  std::string before = (dir_ / "updates-before.jsonl").string(), after = (dir_ / "updates-after.jsonl").string();
  {
    std::ifstream in(updates);
    std::ofstream out_before(before), out_after(after);
    std::string line;
    for (int i = 0; std::getline(in, line); ++i) (i < kSyntheticArticles / 4 ? out_before : out_after) << line << '\n';
  }
  std::string reference = Reference(inputs, "reference");
  IngestInto(reference, {before});
  IngestInto(reference, {after});
  std::string db = Database(pg, "workers_pg_restart");
  std::string queue = redis->url() + "/7";
  int64_t numbers = Publish(queue, inputs);
  std::vector<std::string> flags = {"--batch", "4", "--lag-window", "12", "--claim-idle-ms", "1500"};
  WorkerFleet fleet(STORYFUSE_BINARY, queue, db, dir_.string());
  for (const char* role : {"extract", "extract", "brief"}) ASSERT_TRUE(fleet.Start(role, flags).ok());
  Result<pid_t> assign = fleet.Start("assign", flags);
  ASSERT_TRUE(assign.ok());
  WaitForProgress(fleet, numbers / 3);
  ASSERT_TRUE(pg->Restart().ok());
  Status done = fleet.WaitDone(numbers, seconds(120));
  ASSERT_TRUE(done.ok()) << done.ToString();
  // The assigner may have finished its input before PostgreSQL went down
  // (it is the fastest role); if it met the restart, it opened again.
  std::string assign_log = fleet.LogOf(*assign);
  if (assign_log.find("connection lost") != std::string::npos) EXPECT_GT(Reopenings(assign_log), 0) << assign_log;
  int reopened = Reopenings(assign_log);

  numbers += Publish(queue, {before});
  done = fleet.WaitDone(numbers, seconds(120));
  ASSERT_TRUE(done.ok()) << done.ToString();
  ASSERT_TRUE(pg->Restart().ok());
  numbers += Publish(queue, {after});
  done = fleet.WaitDone(numbers, seconds(120));
  assign_log = fleet.LogOf(*assign);
  fleet.StopAll();
  ASSERT_TRUE(done.ok()) << done.ToString();
  EXPECT_EQ(Reopenings(assign_log), reopened + 1) << assign_log;
  std::string summary;
  Result<std::string> diff = CompareStores(reference, db, &summary);
  ASSERT_TRUE(diff.ok()) << diff.status().ToString();
  EXPECT_EQ(*diff, "") << summary;
  // Both stores are consistent as they are: a replay of a store holding
  // updates gives its stories back.
  for (const std::string& store : {reference, db}) {
    std::string out;
    Result<int> rc = RunProgram({STORYFUSE_BINARY, "serve", "--check", "--db", store}, &out);
    ASSERT_TRUE(rc.ok());
    EXPECT_EQ(*rc, 0) << out;
    EXPECT_NE(out.find(" 0 stories repaired on open: consistent"), std::string::npos) << out;
  }
}

}  // namespace
}  // namespace storyfuse
