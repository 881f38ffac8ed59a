// Story partitions (issue #25, docs/scale.md) against real PostgreSQL and
// Redis: extract workers route invented articles by language and a
// six-month window, one assigner (and one brief worker) per partition, each
// with its own database: every article is stored once, in its window, and
// the stories come out close to one assigner's split at the boundary. The
// shared articles stream stays bounded (the lag window follows the slowest
// partition, the assigners trim what every group is done with) and a
// partition whose assigner starts late still gets every entry.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "queue/redis_stream.h"
#include "store/pg_connection.h"
#include "store/story_store.h"
#include "tests/services/throwaway_engines.h"
#include "tests/services/worker_fleet.h"

namespace storyfuse {
namespace {

namespace fs = std::filesystem;
using std::chrono::seconds;

// The invented articles are dated 2031-01 to 2031-09 (WriteSyntheticNews),
// a story's articles within one month: windows of six months split them
// into two partitions, and no story crosses the boundary.
constexpr int kArticles = 120;
constexpr const char* kMonths = "6";
const char* const kPartitions[] = {"en.2031-01", "en.2031-07"};
constexpr const char* kSettleBatch = "16";
// The extract workers' lag window: far below the input, so that the run
// shows the articles stream bounded by it (without trimming the stream
// ends holding every entry).
constexpr int64_t kLagWindow = 16;
// How far beyond the window the articles stream may grow: what a partition
// has taken since its checkpoint and not acknowledged (up to a settle
// batch; twice around the kill below, whose replacement resumes from the
// checkpoint) and the two extract workers publishing out of order.
constexpr int64_t kTrimSlack = 4 * 16;

// Each story as the set of its article ids, and each article's copy link.
struct Grouping {
  std::set<std::set<std::string>> stories;
  std::map<std::string, std::string> copy_of;
  std::map<std::string, int> partition_of;  // article -> the store it is in
  size_t articles = 0;
};

void AddStore(const std::string& path, int partition, Grouping* g) {
  Result<std::unique_ptr<StoryStore>> store = OpenStoryStore(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  Result<std::vector<std::string>> ids = (*store)->ArticleIds();
  ASSERT_TRUE(ids.ok()) << ids.status().ToString();
  std::map<std::string, std::set<std::string>> members;
  for (const std::string& id : *ids) {
    Result<std::optional<StoredArticle>> a = (*store)->Get(id);
    ASSERT_TRUE(a.ok() && a->has_value()) << id;
    members[(*a)->story_id].insert(id);
    g->partition_of[id] = partition;
    if (!(*a)->copy_of.empty()) g->copy_of[id] = (*a)->copy_of;
  }
  for (auto& [story, set] : members) g->stories.insert(set);
  g->articles += ids->size();
}

Result<int64_t> Publish(const std::string& queue, const std::string& input) {
  std::string out;
  STORYFUSE_ASSIGN_OR_RETURN(
      int rc, RunProgram({STORYFUSE_BINARY, "ingest", "--queue", queue, "--batch", kSettleBatch, input}, &out));
  size_t at = out.find(" documents published");
  if (rc != 0 || at == std::string::npos) return Status::IoError(out);
  return std::stoll(out.substr(out.rfind(": ", at) + 2));
}

TEST(WorkerPartitions, TwoWindowsGiveOneAssignersStoriesSplitAtTheBoundary) {
  STORYFUSE_SHARED_ENGINE_OR_SKIP(pg, ThrowawayPostgres);
  STORYFUSE_SHARED_ENGINE_OR_SKIP(redis, ThrowawayRedis);
  fs::path dir = fs::temp_directory_path() / ("storyfuse-partitions-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string input = (dir / "synthetic.jsonl").string();
  ASSERT_TRUE(WriteSyntheticNews(input, kArticles).ok());

  // One machine, one story index: the reference.
  std::string reference = (dir / "reference.sqlite").string();
  std::string out;
  Result<int> rc = RunProgram({STORYFUSE_BINARY, "ingest", "--db", reference, "--batch", kSettleBatch, input}, &out);
  ASSERT_TRUE(rc.ok() && *rc == 0) << out;

  // Two extract workers route, with both partitions declared and a short
  // lag window; one assigner and one brief worker per partition, each
  // partition in its own database. The second partition's assigner starts
  // late.
  std::string queue = redis->url() + "/12";
  Result<int64_t> docs = Publish(queue, input);
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_GT(*docs, kLagWindow + kTrimSlack);  // else the bound below proves nothing
  Result<std::unique_ptr<PgConnection>> admin = PgConnection::Connect(pg->url());
  ASSERT_TRUE(admin.ok()) << admin.status().ToString();
  WorkerFleet router(STORYFUSE_BINARY, queue, pg->url(), dir.string());
  std::string declared = std::string(kPartitions[0]) + "," + kPartitions[1];
  std::vector<pid_t> extractors;
  for (int i = 0; i < 2; ++i) {
    Result<pid_t> pid = router.Start("extract", {"--partition-months", kMonths, "--declare-partitions", declared,
                                                 "--lag-window", std::to_string(kLagWindow)});
    ASSERT_TRUE(pid.ok()) << pid.status().ToString();
    extractors.push_back(*pid);
  }
  std::vector<std::unique_ptr<WorkerFleet>> fleets;
  std::vector<std::string> dbs;
  for (const char* key : kPartitions) {
    std::string name = "partition_" + std::to_string(dbs.size());
    ASSERT_TRUE((*admin)->Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").ok());
    ASSERT_TRUE((*admin)->Exec("CREATE DATABASE " + name).ok());
    dbs.push_back(pg->url(name));
    fs::create_directories(dir / name);  // each fleet numbers its logs from 1
    fleets.push_back(std::make_unique<WorkerFleet>(STORYFUSE_BINARY, queue, dbs.back(), (dir / name).string()));
  }
  Result<std::unique_ptr<RedisStream>> articles = RedisStream::Connect(queue, "storyfuse:articles");
  ASSERT_TRUE(articles.ok()) << articles.status().ToString();
  auto next_of = [&](const char* key) {
    Result<std::string> v = (*articles)->GetKey(std::string("storyfuse:assign:next:") + key);
    return v.ok() && !v->empty() ? std::stoll(*v) : int64_t{0};
  };
  // The first partition alone: the extract workers stop at the window of
  // the declared second partition, which has taken nothing, and the
  // stream keeps every entry for it (its group holds the trim).
  ASSERT_TRUE(fleets[0]->Start("assign", {"--partition", kPartitions[0]}).ok());
  ASSERT_TRUE(fleets[0]->Start("brief", {"--partition", kPartitions[0]}).ok());
  auto deadline = std::chrono::steady_clock::now() + seconds(60);
  while (next_of(kPartitions[0]) <= kLagWindow && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::this_thread::sleep_for(seconds(1));  // time to run past the window, were it open
  EXPECT_EQ(next_of(kPartitions[0]), kLagWindow + 1) << "the first partition took numbers up to the window";
  EXPECT_EQ(*(*articles)->Length(), kLagWindow) << "nothing the late partition needs was trimmed";

  // The late partition starts: it gets everything from the first entry,
  // and from then on the stream stays near the window.
  std::atomic<bool> sampling = true;
  std::atomic<int64_t> peak = 0;
  std::thread sampler([&] {
    Result<std::unique_ptr<RedisStream>> s = RedisStream::Connect(queue, "storyfuse:articles");
    while (s.ok() && sampling) {
      Result<int64_t> n = (*s)->Length();
      if (n.ok() && *n > peak) peak = *n;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  });
  Result<pid_t> late = fleets[1]->Start("assign", {"--partition", kPartitions[1]});
  ASSERT_TRUE(late.ok()) << late.status().ToString();
  ASSERT_TRUE(fleets[1]->Start("brief", {"--partition", kPartitions[1]}).ok());
  // Killed mid-run: what it read and did not acknowledge stays pending in
  // its group, so the other partition's trims keep it, and its
  // replacement takes it over (a lost entry would stall the replacement
  // at the gap: WaitDone below would time out).
  deadline = std::chrono::steady_clock::now() + seconds(60);
  while (next_of(kPartitions[1]) < *docs / 2 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  fleets[1]->Kill(*late);
  Result<int64_t> orphaned = (*articles)->Pending(std::string("assign:") + kPartitions[1]);
  ASSERT_TRUE(fleets[1]->Start("assign", {"--partition", kPartitions[1]}).ok());
  std::vector<Status> done;
  for (size_t i = 0; i < fleets.size(); ++i) done.push_back(fleets[i]->WaitDone(*docs, seconds(120), kPartitions[i]));
  sampling = false;
  sampler.join();
  for (size_t i = 0; i < fleets.size(); ++i) ASSERT_TRUE(done[i].ok()) << kPartitions[i] << ": " << done[i].ToString();
  for (auto& f : fleets) f->StopAll();
  router.StopAll();
  for (pid_t pid : extractors) {
    // Every article went to a declared partition (an undeclared one counts
    // an error): the log's last line is the worker's tally.
    std::string text = router.LogOf(pid);
    EXPECT_NE(text.find(" processed, 0 errors"), std::string::npos) << text;
  }
  // Measured (2026-12-05): see docs/scale.md, "Back-pressure and trimming".
  int64_t left = *(*articles)->Length();
  std::printf(
      "articles stream: %lld documents, lag window %lld; peak length %lld, %lld entries left at the end; %lld entries "
      "pending for the killed assigner\n",
      static_cast<long long>(*docs), static_cast<long long>(kLagWindow), static_cast<long long>(peak.load()),
      static_cast<long long>(left), static_cast<long long>(orphaned.ok() ? *orphaned : -1));
  EXPECT_LE(peak, kLagWindow + kTrimSlack);
  EXPECT_EQ(left, 0) << "every partition acknowledged every entry: the stream is trimmed to nothing";

  // A partition declared only now, after the stream was trimmed, would
  // miss the first entries: its assigner refuses to start, says why, and
  // leaves nothing behind that would hold the trim.
  out.clear();
  rc = RunProgram({STORYFUSE_BINARY, "worker", "--role", "assign", "--partition", "en.2030-01", "--queue", queue,
                   "--db", dbs[0], "--idle-exit-ms", "100"},
                  &out);
  ASSERT_TRUE(rc.ok());
  EXPECT_EQ(*rc, 2) << out;
  EXPECT_NE(out.find("was declared after storyfuse:articles was trimmed"), std::string::npos) << out;
  Result<std::vector<std::string>> registered = (*articles)->SetMembers("storyfuse:partitions");
  ASSERT_TRUE(registered.ok());
  EXPECT_EQ(std::set<std::string>(registered->begin(), registered->end()),
            (std::set<std::string>{kPartitions[0], kPartitions[1]}));
  Result<bool> created = (*articles)->CreateGroupIfAbsent("assign:en.2030-01");
  EXPECT_TRUE(created.ok() && *created) << "the refused partition's group was left behind";

  Grouping want, got;
  AddStore(reference, 0, &want);
  std::vector<size_t> per_partition;
  for (const std::string& db : dbs) {
    size_t before = got.articles;
    AddStore(db, static_cast<int>(per_partition.size()), &got);
    per_partition.push_back(got.articles - before);
  }
  // Both windows hold articles, and each article is stored once, in the
  // partition of its date.
  EXPECT_GT(per_partition[0], 0u) << per_partition[1];
  EXPECT_GT(per_partition[1], 0u);
  EXPECT_EQ(got.articles, want.articles);
  std::ifstream in(input);
  for (std::string line; std::getline(in, line);) {
    nlohmann::json j = nlohmann::json::parse(line);
    std::string id = j["id"], published = j["published"];
    if (!got.partition_of.count(id)) continue;  // a duplicate, not stored (as on one machine)
    EXPECT_EQ(got.partition_of[id], published.substr(0, 7) <= "2031-06" ? 0 : 1) << id << " " << published;
  }
  // One story index over all of them joins some invented stories of
  // different months (their texts share place names and speakers). The
  // partitions cannot: the best they can give is one assigner's stories
  // split at the window boundary, which is what the merge step (not built,
  // docs/scale.md) would start from. Measured (2026-12-05): 16 stories, 5
  // crossing the boundary, split into 21 pieces; the partitions give 19
  // stories, 15 of them exactly a piece, pairwise F1 0.87 against the
  // pieces (a smaller index also decides some joins within a window
  // differently: an article the other window's story held in the one
  // index now joins a story of its own window).
  std::set<std::set<std::string>> want_split;
  int crossing = 0;
  for (const std::set<std::string>& story : want.stories) {
    std::map<int, std::set<std::string>> pieces;
    for (const std::string& id : story) pieces[got.partition_of[id]].insert(id);
    crossing += pieces.size() > 1;
    for (auto& [p, piece] : pieces) want_split.insert(piece);
  }
  int exact = 0;
  for (const auto& story : got.stories) exact += want_split.count(story) > 0;
  // Pairs of articles in one story: in both, in the pieces only, in the
  // partitions only.
  auto pairs = [](const std::set<std::set<std::string>>& stories) {
    std::set<std::pair<std::string, std::string>> out;
    for (const auto& story : stories) {
      for (const std::string& a : story) {
        for (const std::string& b : story) {
          if (a < b) out.insert({a, b});
        }
      }
    }
    return out;
  };
  std::set<std::pair<std::string, std::string>> want_pairs = pairs(want_split), got_pairs = pairs(got.stories);
  size_t both = 0;
  for (const auto& p : got_pairs) both += want_pairs.count(p);
  double precision = got_pairs.empty() ? 1.0 : static_cast<double>(both) / static_cast<double>(got_pairs.size());
  double recall = want_pairs.empty() ? 1.0 : static_cast<double>(both) / static_cast<double>(want_pairs.size());
  double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
  std::printf(
      "one assigner: %zu stories, %d crossing the window boundary, %zu pieces; partitions: %zu stories, %d exactly a "
      "piece; pairwise precision %.3f recall %.3f F1 %.3f\n",
      want.stories.size(), crossing, want_split.size(), got.stories.size(), exact, precision, recall, f1);
  EXPECT_GT(crossing, 0);  // the corpus does exercise the boundary
  // A floor under the measured figure: a routing or batching fault (an
  // article in the wrong window, settles at other points) drops far below.
  EXPECT_GE(f1, 0.8);
  EXPECT_GE(exact * 2, static_cast<int>(got.stories.size()));
  // Every partition's stories are consistent on their own.
  for (const std::string& db : dbs) {
    out.clear();
    rc = RunProgram({STORYFUSE_BINARY, "serve", "--check", "--db", db}, &out);
    EXPECT_TRUE(rc.ok() && *rc == 0) << out;
  }
  if (!HasFailure())
    fs::remove_all(dir);
  else
    std::printf("logs in %s\n", dir.c_str());
}

}  // namespace
}  // namespace storyfuse
