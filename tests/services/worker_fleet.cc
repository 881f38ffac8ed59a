#include "tests/services/worker_fleet.h"

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string_view>
#include <thread>

#include "base/file.h"
#include "queue/article_message.h"
#include "queue/doc_message.h"
#include "queue/redis_stream.h"
#include "store/pg_story_store.h"
#include "store/story_store.h"
#include "worker/worker_config.h"

namespace storyfuse {

namespace {

// Invented vocabulary: no real place, person or outlet.
const char* const kPlaces[] = {"Velmora", "Tallvik",     "Orsenne", "Brakka",      "Lindqvar", "Ostrava Minor",
                               "Quellen", "Harrowfield", "Sunmere", "Kestral Bay", "Dorrin",   "Vashti Falls"};
const char* const kPeople[] = {"Ilse Brandvik", "Tomas Orrel", "Mira Kestane", "Pavel Lunde", "Ana Sorvik",
                               "Jon Meridan",   "Elin Vasker", "Rafe Dunmore", "Sela Ostrow", "Niko Farran"};
const char* const kOutlets[] = {"Harbour Daily",   "Coast Courier",   "Fjord Post",      "Valley Herald",
                                "Northern Ledger", "Morning Lantern", "Riverside Times", "Plains Gazette"};
const char* const kEvents[] = {"bridge reopening", "ferry strike",     "flood warning", "school closure",
                               "power outage",     "council election", "factory fire",  "rail delay",
                               "water shortage",   "harbour expansion"};
const char* const kVerbs[] = {"announced", "confirmed", "warned of", "described", "defended", "criticized"};

struct Lcg {
  uint64_t s;
  uint32_t Next() {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>(s >> 33);
  }
  template <typename T, size_t N>
  const char* Pick(const T (&a)[N]) {
    return a[Next() % N];
  }
};

std::string Sentence(Lcg& r, const std::string& place, const std::string& person, const std::string& event, int n) {
  switch (r.Next() % 6) {
    case 0:
      return "Officials in " + place + " " + r.Pick(kVerbs) + " the " + event + " on Tuesday, saying " +
             std::to_string(n) + " residents were affected.";
    case 1:
      return "\"We will not leave anyone behind,\" " + person + " said of the " + event + " in " + place + ".";
    case 2:
      return "The cost of the " + event + " was put at " + std::to_string(n / 10) + "." + std::to_string(n % 10) +
             " million crowns by the " + place + " council.";
    case 3:
      return person + " told reporters that the " + event + " would be reviewed by an independent panel.";
    case 4:
      return "Residents of " + place + " said the " + event + " had disrupted life for " + std::to_string(n % 30 + 2) +
             " days.";
    default:
      return "A spokesperson for " + place + " said more details about the " + event + " would follow on Friday.";
  }
}

// An article view without the times of its ingest: two runs store the same
// article at different times.
nlohmann::json ViewWithoutTimes(const std::string& view) {
  nlohmann::json j = nlohmann::json::parse(view, nullptr, false);
  std::function<void(nlohmann::json&)> strip = [&](nlohmann::json& v) {
    if (v.is_object()) {
      for (const char* key : {"ingested_at", "replaced_at", "updated"}) v.erase(key);
      for (auto& [k, child] : v.items()) strip(child);
    } else if (v.is_array()) {
      for (auto& child : v) strip(child);
    }
  };
  strip(j);
  return j;
}

// Every move of a story (StoryMoves' limit).
constexpr int kAllMoves = 1000000;

}  // namespace

Status WriteSyntheticNews(const std::string& path, int n, uint32_t seed, bool outlet_per_article) {
  std::ofstream out(path, std::ios::binary);
  if (!out) return Status::IoError(path + ": cannot write");
  Lcg r{seed};
  int written = 0;
  for (int story = 0; written < n; ++story) {
    std::string place = std::string(r.Pick(kPlaces)) + " " + std::to_string(story);
    std::string person = r.Pick(kPeople);
    std::string event = r.Pick(kEvents);
    int number = static_cast<int>(r.Next() % 900 + 100);
    int size = static_cast<int>(r.Next() % 5 + 1);
    std::string first_text;
    for (int k = 0; k < size && written < n; ++k, ++written) {
      std::string text;
      bool copy = k > 0 && r.Next() % 4 == 0;  // a quarter re-publish the first outlet's text word for word
      if (copy) {
        text = first_text;
      } else {
        int sentences = static_cast<int>(r.Next() % 4 + 4);
        for (int s = 0; s < sentences; ++s) text += Sentence(r, place, person, event, number) + "\n\n";
        if (k == 0) first_text = text;
      }
      nlohmann::json j = {{"id", "syn-" + std::to_string(written)},
                          {"outlet", outlet_per_article ? "Outlet " + std::to_string(written) : r.Pick(kOutlets)},
                          {"title", place + " " + event + ": " + person + " speaks"},
                          {"published", "2031-0" + std::to_string(story % 9 + 1) + "-1" + std::to_string(k % 9)},
                          {"text", text}};
      out << j.dump() << '\n';
    }
  }
  return out ? Status::Ok() : Status::IoError(path + ": write failed");
}

Result<int> RunProgram(const std::vector<std::string>& args, std::string* output, double* cpu_seconds) {
  int pipefd[2];
  if (pipe(pipefd) != 0) return Status::IoError("pipe failed");
  pid_t pid = fork();
  if (pid < 0) return Status::IoError("fork failed");
  if (pid == 0) {
    dup2(pipefd[1], 1);
    dup2(pipefd[1], 2);
    close(pipefd[0]);
    close(pipefd[1]);
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(pipefd[1]);
  char buf[4096];
  ssize_t got;
  while ((got = read(pipefd[0], buf, sizeof buf)) > 0) {
    if (output) output->append(buf, static_cast<size_t>(got));
  }
  close(pipefd[0]);
  int status = 0;
  struct rusage ru {};
  wait4(pid, &status, 0, &ru);
  if (cpu_seconds) {
    *cpu_seconds = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

WorkerFleet::WorkerFleet(std::string binary, std::string queue_url, std::string db_url, std::string log_dir)
    : binary_(std::move(binary)),
      queue_url_(std::move(queue_url)),
      db_url_(std::move(db_url)),
      log_dir_(std::move(log_dir)) {}

WorkerFleet::~WorkerFleet() {
  for (const auto& [pid, role] : running_) {
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
  }
}

Result<pid_t> WorkerFleet::Start(const std::string& role, const std::vector<std::string>& extra) {
  std::string name = role + "-" + std::to_string(++started_);
  std::vector<std::string> args = {binary_, "worker", "--queue", queue_url_,   "--db",
                                   db_url_, "--role", role,      "--consumer", name};
  args.insert(args.end(), extra.begin(), extra.end());
  STORYFUSE_ASSIGN_OR_RETURN(pid_t pid, Spawn(args, name, /*worker=*/true));
  running_[pid] = role;
  return pid;
}

Result<pid_t> WorkerFleet::StartReader(int threads, const std::vector<std::string>& extra) {
  std::string name = "serve-" + std::to_string(++started_);
  std::vector<std::string> args = {binary_, "serve",     "--read-only",          "--db", db_url_, "--port",
                                   "0",     "--threads", std::to_string(threads)};
  args.insert(args.end(), extra.begin(), extra.end());
  STORYFUSE_ASSIGN_OR_RETURN(pid_t pid, Spawn(args, name));
  running_[pid] = "serve";
  return pid;
}

Result<pid_t> WorkerFleet::StartReaderWith(const std::vector<std::string>& extra) {
  std::string name = "serve-" + std::to_string(++started_);
  std::vector<std::string> args = {binary_, "serve", "--read-only", "--port", "0"};
  args.insert(args.end(), extra.begin(), extra.end());
  STORYFUSE_ASSIGN_OR_RETURN(pid_t pid, Spawn(args, name));
  running_[pid] = "serve";
  return pid;
}

Result<int> WorkerFleet::ReaderPort(pid_t pid, std::chrono::milliseconds timeout) const {
  constexpr std::string_view kListening = "http://127.0.0.1:";
  auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    std::string log = LogOf(pid);
    if (size_t at = log.find(kListening); at != std::string::npos) {
      return std::atoi(log.c_str() + at + kListening.size());
    }
    if (std::chrono::steady_clock::now() >= deadline) return Status::IoError("serve did not start: " + log);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

std::string WorkerFleet::LogOf(pid_t pid) const {
  auto it = logs_.find(pid);
  if (it == logs_.end()) return "";
  std::ifstream in(it->second);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

Result<pid_t> WorkerFleet::Spawn(const std::vector<std::string>& args, const std::string& name, bool worker) {
  int nice = worker ? worker_nice_ : 0;
  bool idle = worker && worker_idle_;
  const CpuQuotaGroup* group = worker ? worker_group_ : nullptr;
  std::string log = log_dir_ + "/" + name + ".log";
  pid_t pid = fork();
  if (pid < 0) return Status::IoError("fork failed");
  if (pid == 0) {
    if (nice != 0) (void)::nice(nice);
    if (idle) {
      sched_param param{};
      (void)sched_setscheduler(0, SCHED_IDLE, &param);
    }
    int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
      dup2(fd, 1);
      dup2(fd, 2);
      close(fd);
    }
    if (group != nullptr && !group->JoinSelf()) {
      static const char kRefused[] = "worker_fleet: the CPU quota group refused this process\n";
      (void)!write(2, kRefused, sizeof kRefused - 1);
      _exit(126);
    }
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  logs_[pid] = log;
  return pid;
}

void WorkerFleet::Kill(pid_t pid) {
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  running_.erase(pid);
}

std::map<std::string, double> WorkerFleet::StopAll() {
  std::map<std::string, double> cpu;
  for (const auto& [pid, role] : running_) kill(pid, SIGTERM);
  for (const auto& [pid, role] : running_) {
    struct rusage ru {};
    int status = 0;
    wait4(pid, &status, 0, &ru);
    cpu[role] += ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
  }
  running_.clear();
  return cpu;
}

Result<int64_t> WorkerFleet::AssignedUpTo() {
  STORYFUSE_ASSIGN_OR_RETURN(std::unique_ptr<PgStoryStore> store, PgStoryStore::Open(db_url_));
  STORYFUSE_ASSIGN_OR_RETURN(std::optional<std::string> next, store->GetState("assign:next_seq"));
  return next ? std::stoll(*next) : int64_t{0};
}

Status WorkerFleet::WaitDone(int64_t last, std::chrono::seconds timeout, const std::string& partition) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  std::string stream = partition.empty() ? "storyfuse:stories" : "storyfuse:stories:" + partition;
  STORYFUSE_ASSIGN_OR_RETURN(std::unique_ptr<RedisStream> stories, RedisStream::Connect(queue_url_, stream));
  STORYFUSE_ASSIGN_OR_RETURN(std::unique_ptr<PgStoryStore> store, PgStoryStore::Open(db_url_));
  while (std::chrono::steady_clock::now() < deadline) {
    STORYFUSE_ASSIGN_OR_RETURN(std::optional<std::string> next, store->GetState("assign:next_seq"));
    STORYFUSE_ASSIGN_OR_RETURN(int64_t waiting, stories->Length());
    if (next && std::stoll(*next) > last && waiting == 0) return Status::Ok();
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  // Where the run stands, so that a run that did not finish says which
  // stage held it.
  std::string state = "; the assigner's checkpoint: ";
  Result<std::optional<std::string>> next = store->GetState("assign:next_seq");
  state += next.ok() && *next ? **next : "none";
  state += " (done past " + std::to_string(last) + ")";
  Result<std::string> next_key = stories->GetKey(kAssignNextKey);
  state += "; " + std::string(kAssignNextKey) + ": " + (next_key.ok() ? *next_key : "?");
  for (auto [name, group] : {std::pair{kDocStream, kExtractGroup}, std::pair{kArticleStream, kAssignGroup},
                             std::pair{kStoryStream, kBriefGroup}}) {
    Result<std::unique_ptr<RedisStream>> s = RedisStream::Connect(queue_url_, name);
    if (!s.ok()) continue;
    Result<int64_t> n = (*s)->Length();
    Result<int64_t> pending = (*s)->Pending(group);
    state += std::string("; ") + name + ": " + (n.ok() ? std::to_string(*n) : "?") + " entries, " +
             (pending.ok() ? std::to_string(*pending) : "?") + " pending";
  }
  return Status::IoError("the workers did not finish within " + std::to_string(timeout.count()) + " s" + state);
}

Result<std::string> CompareStores(const std::string& want_path, const std::string& got_path, std::string* summary) {
  STORYFUSE_ASSIGN_OR_RETURN(std::unique_ptr<StoryStore> want, OpenStoryStore(want_path));
  STORYFUSE_ASSIGN_OR_RETURN(std::unique_ptr<StoryStore> got, OpenStoryStore(got_path));
  STORYFUSE_ASSIGN_OR_RETURN(std::vector<std::string> want_ids, want->ArticleIds());
  STORYFUSE_ASSIGN_OR_RETURN(std::vector<std::string> got_ids, got->ArticleIds());
  if (want_ids != got_ids) {
    std::string why =
        "article ids differ: " + std::to_string(want_ids.size()) + " vs " + std::to_string(got_ids.size());
    for (size_t i = 0; i < std::max(want_ids.size(), got_ids.size()); ++i) {
      std::string w = i < want_ids.size() ? want_ids[i] : "-", g = i < got_ids.size() ? got_ids[i] : "-";
      if (w != g) return why + "; first difference at " + std::to_string(i) + ": " + w + " vs " + g;
    }
    return why;
  }
  int copies = 0, moves = 0;
  for (const std::string& id : want_ids) {
    STORYFUSE_ASSIGN_OR_RETURN(std::optional<StoredArticle> w, want->Get(id));
    STORYFUSE_ASSIGN_OR_RETURN(std::optional<StoredArticle> g, got->Get(id));
    if (!w || !g) return "article " + id + " missing";
    if (w->story_id != g->story_id) return "article " + id + ": story " + w->story_id + " vs " + g->story_id;
    if (w->copy_of != g->copy_of) return "article " + id + ": copy of " + w->copy_of + " vs " + g->copy_of;
    if (w->version != g->version || w->content_hash != g->content_hash) return "article " + id + ": version differs";
    copies += !w->copy_of.empty();
    STORYFUSE_ASSIGN_OR_RETURN(std::optional<std::string> wv, want->GetArticleView(id));
    STORYFUSE_ASSIGN_OR_RETURN(std::optional<std::string> gv, got->GetArticleView(id));
    if (wv.has_value() != gv.has_value()) return "article " + id + ": view missing";
    if (wv) {
      nlohmann::json patch = nlohmann::json::diff(ViewWithoutTimes(*wv), ViewWithoutTimes(*gv));
      if (!patch.empty()) return "article " + id + ": view differs: " + patch.dump().substr(0, 400);
    }
  }
  STORYFUSE_ASSIGN_OR_RETURN(std::vector<std::string> want_stories, want->StoryIds());
  STORYFUSE_ASSIGN_OR_RETURN(std::vector<std::string> got_stories, got->StoryIds());
  std::sort(want_stories.begin(), want_stories.end());
  std::sort(got_stories.begin(), got_stories.end());
  if (want_stories != got_stories) {
    std::vector<std::string> only_want, only_got;
    std::set_difference(want_stories.begin(), want_stories.end(), got_stories.begin(), got_stories.end(),
                        std::back_inserter(only_want));
    std::set_difference(got_stories.begin(), got_stories.end(), want_stories.begin(), want_stories.end(),
                        std::back_inserter(only_got));
    auto join = [](const std::vector<std::string>& v) {
      std::string out;
      for (const std::string& s : v) out += (out.empty() ? "" : " ") + s;
      return out;
    };
    return "story ids differ: " + std::to_string(want_stories.size()) + " vs " + std::to_string(got_stories.size()) +
           " (only in want: " + join(only_want) + "; only in got: " + join(only_got) + ")";
  }
  for (const std::string& sid : want_stories) {
    STORYFUSE_ASSIGN_OR_RETURN(std::optional<StoredStory> w, want->GetStory(sid));
    STORYFUSE_ASSIGN_OR_RETURN(std::optional<StoredStory> g, got->GetStory(sid));
    if (!w || !g) return "story " + sid + " missing";
    if (w->brief_json != g->brief_json) return "story " + sid + ": brief differs";
    if (w->version != g->version) {
      return "story " + sid + ": version " + std::to_string(w->version) + " vs " + std::to_string(g->version);
    }
    STORYFUSE_ASSIGN_OR_RETURN(std::vector<StoryMoveRecord> wm, want->StoryMoves(sid, kAllMoves));
    STORYFUSE_ASSIGN_OR_RETURN(std::vector<StoryMoveRecord> gm, got->StoryMoves(sid, kAllMoves));
    auto key = [](const std::vector<StoryMoveRecord>& moves) {
      std::vector<std::string> out;
      for (const StoryMoveRecord& m : moves)
        out.push_back(m.article_id + " " + m.from_story + ">" + m.to_story + " " + m.cause);
      return out;
    };
    if (key(wm) != key(gm)) {
      return "story " + sid + ": moves differ: " + std::to_string(wm.size()) + " vs " + std::to_string(gm.size());
    }
    moves += static_cast<int>(wm.size());
  }
  // The stream's log: its revisions and corrections at the same points.
  STORYFUSE_ASSIGN_OR_RETURN(std::vector<StreamEvent> want_events, want->StreamEvents());
  STORYFUSE_ASSIGN_OR_RETURN(std::vector<StreamEvent> got_events, got->StreamEvents());
  auto event_key = [](const std::vector<StreamEvent>& events) {
    std::vector<std::string> out;
    for (const StreamEvent& e : events) {
      out.push_back(std::to_string(e.after_articles) + " " + e.kind + " " + e.article_id + " " + e.story_id + " " +
                    e.target_id);
    }
    return out;
  };
  std::vector<std::string> we = event_key(want_events), ge = event_key(got_events);
  if (we != ge) {
    for (size_t i = 0; i < std::max(we.size(), ge.size()); ++i) {
      std::string w = i < we.size() ? we[i] : "-", g = i < ge.size() ? ge[i] : "-";
      if (w != g) return "stream events differ at " + std::to_string(i) + ": " + w + " vs " + g;
    }
  }
  if (summary) {
    *summary = std::to_string(want_ids.size()) + " articles, " + std::to_string(want_stories.size()) + " stories, " +
               std::to_string(copies) + " copy links, " + std::to_string(moves) + " story moves, " +
               std::to_string(want_events.size()) + " stream events";
  }
  return std::string();
}

}  // namespace storyfuse
