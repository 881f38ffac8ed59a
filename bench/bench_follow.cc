// bench_follow: the bar of issue #24 at full size. A child process serves
// FictionalNews (50 feeds on 10 hosts, 5,000 pages of 300 stories by
// default) on 127.0.0.1, one port per host; this process follows the feeds
// once (FeedFollower into a fresh SQLite store, as `storyfuse follow
// --once` does), polls them again (every feed must answer 304 and no page
// be fetched), then ingests the same pages into a second store as
// `storyfuse ingest` would, and compares the stories.
//
// usage: bench_follow [--pages N] [--stories N] [--feeds N] [--hosts N]
//                     [--delay S] [--threads N] [--dir DIR]
// Prints the follow's CPU seconds (user + system of this process: fetch,
// extraction, clustering, briefs and store; the server runs in the child),
// pages per CPU second, wall time and peak RSS; the server's counts (pages
// fetched other than once, most requests a host saw in one second); and
// whether the stories equal ingest's and the generator's. Exit 1 when a
// bar check fails.
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "feed/fictional_news_server.h"
#include "feed/http_fetcher.h"
#include "ingest/article_extractor.h"
#include "pipeline/feed_follower.h"
#include "pipeline/store_story_repository.h"
#include "store/article_store.h"
#include "store/feed_store.h"

namespace storyfuse {
namespace {

double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 + u.ru_stime.tv_sec + u.ru_stime.tv_usec / 1e6;
}
long PeakRssMb() {  // NOLINT(runtime/int)
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}
double WallSeconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// The child: serves, reports its origins on `out`, answers /__stats, and
// runs until killed.
[[noreturn]] void Serve(const FictionalNews& news, int out) {
  FictionalNewsServer server(&news);
  double delay_window = 1.0;
  server.server(0).Get("/__stats", [&](const httplib::Request&, httplib::Response& res) {
    nlohmann::json j;
    int not_once = 0, never = 0;
    for (size_t i = 0; i < news.pages().size(); ++i) {
      int n = server.page_requests(static_cast<int>(i));
      not_once += n != 1;
      never += n == 0;
    }
    int most = 0;
    for (int h = 0; h < news.options().hosts; ++h) most = std::max(most, server.MostRequestsWithin(h, delay_window));
    j["pages_not_fetched_once"] = not_once;
    j["pages_never_fetched"] = never;
    j["most_requests_in_a_second"] = most;
    j["not_modified"] = server.not_modified();
    res.set_content(j.dump(), "application/json");
  });
  if (!server.Start()) _exit(1);
  std::string origins;
  for (int h = 0; h < news.options().hosts; ++h) origins += server.Origin(h) + "\n";
  origins += "\n";
  if (write(out, origins.data(), origins.size()) != static_cast<ssize_t>(origins.size())) _exit(1);
  for (;;) pause();
}

std::set<std::set<std::string>> StoriesByUrl(const std::string& path) {
  std::set<std::set<std::string>> out;
  Result<std::unique_ptr<ArticleStore>> store = ArticleStore::Open(path);
  if (!store.ok()) return out;
  std::vector<std::pair<std::string, std::string>> rows;
  (void)(*store)->ForEachArticleStory([&](const std::string& id, const std::string& story) {
    rows.push_back({id, story});
  });
  std::map<std::string, std::set<std::string>> by_story;
  for (const auto& [id, story] : rows) {
    Result<std::optional<StoredArticle>> a = (*store)->Get(id);
    if (a.ok() && a->has_value()) by_story[story].insert((*a)->article.url);
  }
  for (auto& [story, urls] : by_story) out.insert(std::move(urls));
  return out;
}

void Remove(const std::string& db) {
  for (const char* suffix : {"", "-wal", "-shm", ".lock"}) std::filesystem::remove(db + suffix);
}

int Run(int argc, char** argv) {
  FictionalNews::Options options;
  double delay = 0.02;
  int threads = 4;
  std::string dir = std::filesystem::temp_directory_path().string();
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--pages")
      options.pages = std::stoi(value);
    else if (flag == "--stories")
      options.stories = std::stoi(value);
    else if (flag == "--feeds")
      options.feeds = std::stoi(value);
    else if (flag == "--hosts")
      options.hosts = std::stoi(value);
    else if (flag == "--delay")
      delay = std::stod(value);
    else if (flag == "--threads")
      threads = std::stoi(value);
    else if (flag == "--dir")
      dir = value;
    else {
      std::fprintf(stderr, "bench_follow: unknown flag %s\n", flag.c_str());
      return 2;
    }
  }
  FictionalNews news(options);
  int fds[2];
  if (pipe(fds) != 0) return 1;
  pid_t child = fork();
  if (child == 0) {
    close(fds[0]);
    Serve(news, fds[1]);
  }
  close(fds[1]);
  std::vector<std::string> origins;
  {
    std::string text;
    char buf[4096];
    while (text.find("\n\n") == std::string::npos) {
      ssize_t n = read(fds[0], buf, sizeof buf);
      if (n <= 0) return 1;
      text.append(buf, n);
    }
    for (size_t at = 0, nl; (nl = text.find('\n', at)) != std::string::npos && nl > at; at = nl + 1) {
      origins.push_back(text.substr(at, nl - at));
    }
  }
  std::printf("%d feeds on %d hosts, %zu pages, %d stories; per-host delay %.3f s (%.0f requests/s), %d threads\n",
              options.feeds, options.hosts, news.pages().size(), options.stories, delay, 1 / delay, threads);

  std::string follow_db = dir + "/bench_follow-follow.db", ingest_db = dir + "/bench_follow-ingest.db";
  Remove(follow_db);
  Remove(ingest_db);
  bool ok = true;
  {
    Result<std::unique_ptr<StoreStoryRepository>> repo = StoreStoryRepository::Open(follow_db, 0);
    Result<std::unique_ptr<FeedStore>> feeds = FeedStore::Open(follow_db);
    if (!repo.ok() || !feeds.ok()) return 1;
    for (const FictionalNews::Feed& f : news.feeds()) (void)(*feeds)->Add(origins[f.host] + f.path, "");
    Crawler::Options co;
    co.schedule.min_delay_s = delay;
    co.threads = threads;
    Crawler crawler(co);
    FeedFollower follower(feeds->get(), &crawler,
                          [&](std::vector<RawDoc> docs) { return (*repo)->Ingest(std::move(docs)); });
    double cpu0 = CpuSeconds(), wall0 = WallSeconds();
    Result<FollowStats> first = follower.Round();
    double cpu = CpuSeconds() - cpu0, wall = WallSeconds() - wall0;
    if (!first.ok()) {
      std::fprintf(stderr, "bench_follow: %s\n", first.status().message().c_str());
      return 1;
    }
    std::printf("follow round 1: %zu pages fetched, %zu stored, %zu page errors, %zu feed errors\n",
                first->pages_fetched, first->pages_stored, first->page_errors, first->feed_errors);
    std::printf("  %.2f s CPU (%.0f pages per CPU second), %.2f s wall, peak RSS %ld MB\n", cpu,
                first->pages_stored / cpu, wall, PeakRssMb());
    ok = ok && first->pages_stored == news.pages().size() && first->page_errors == 0 && first->feed_errors == 0;
    cpu0 = CpuSeconds();
    Result<FollowStats> second = follower.Round();
    if (!second.ok()) return 1;
    std::printf("follow round 2: %zu of %zu feeds not modified, %zu pages fetched, %.2f s CPU\n",
                second->feeds_not_modified, second->feeds, second->pages_fetched, CpuSeconds() - cpu0);
    ok = ok && second->pages_fetched == 0 && second->feeds_not_modified == second->feeds;
  }
  HttpFetcher fetcher({});
  Result<FetchResponse> stats = fetcher.Fetch({origins[0] + "/__stats", "", ""});
  if (stats.ok()) {
    nlohmann::json j = nlohmann::json::parse(stats->body, nullptr, false);
    std::printf("server: %s\n", stats->body.c_str());
    ok = ok && j.value("pages_not_fetched_once", -1) == 0 &&
         j.value("most_requests_in_a_second", 1 << 20) <= 1 / delay + 1;
  } else {
    ok = false;
  }
  kill(child, SIGTERM);
  waitpid(child, nullptr, 0);

  {
    Result<std::unique_ptr<StoreStoryRepository>> repo = StoreStoryRepository::Open(ingest_db, 0);
    if (!repo.ok()) return 1;
    ArticleExtractor extractor;
    std::vector<Article> batch;
    double cpu0 = CpuSeconds();
    for (size_t i = 0; i < news.pages().size(); ++i) {
      RawDoc doc;
      doc.source = "pages/" + std::to_string(i) + ".html";
      doc.id = std::to_string(i);
      doc.format = DocFormat::kHtml;
      doc.bytes = news.PageHtml(static_cast<int>(i), origins[news.pages()[i].host]);
      Result<Article> a = extractor.Extract(doc);
      if (!a.ok()) return 1;
      batch.push_back(std::move(*a));
      if (batch.size() == 200 || i + 1 == news.pages().size()) {
        if (!(*repo)->IngestArticles(batch).ok()) return 1;
        batch.clear();
      }
    }
    std::printf("ingest of the same pages (batches of 200): %.2f s CPU\n", CpuSeconds() - cpu0);
  }
  std::set<std::set<std::string>> followed = StoriesByUrl(follow_db), ingested = StoriesByUrl(ingest_db);
  std::map<int, std::set<std::string>> gold;
  for (const FictionalNews::Page& p : news.pages()) gold[p.story].insert(origins[p.host] + p.path);
  std::set<std::set<std::string>> written;
  for (auto& [story, urls] : gold) written.insert(urls);
  std::printf("stories: follow %zu, ingest %zu, generator %zu; follow == ingest: %s; == generator: %s\n",
              followed.size(), ingested.size(), written.size(), followed == ingested ? "yes" : "NO",
              followed == written ? "yes" : "NO");
  ok = ok && followed == ingested;
  std::map<std::string, int> story_of;
  for (const FictionalNews::Page& p : news.pages()) story_of[origins[p.host] + p.path] = p.story;
  auto show = [&](const char* what, const std::set<std::set<std::string>>& a,
                  const std::set<std::set<std::string>>& b) {
    for (const auto& s : a) {
      if (b.count(s)) continue;
      std::printf("  %s only, %zu articles of generated stories:", what, s.size());
      for (const std::string& u : s) std::printf(" %d", story_of[u]);
      std::printf("\n");
    }
  };
  show("follow", followed, written);
  show("ingest", ingested, written);
  Remove(follow_db);
  Remove(ingest_db);
  std::printf("%s\n", ok ? "bar checks passed" : "BAR CHECK FAILED");
  return ok ? 0 : 1;
}

}  // namespace
}  // namespace storyfuse

int main(int argc, char** argv) { return storyfuse::Run(argc, argv); }
