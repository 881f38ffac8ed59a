// storyfuse follow --db PATH [--interval 10m] [--once] [--contact URL]
//                  [--delay SECONDS] [--threads N] [--warc DIR] FEEDS...
//
// Follows news feeds: adds FEEDS (http(s) URLs, OPML files, or files with
// one URL a line) to the store's feed list, then polls every stored feed
// each interval (FeedFollower: conditional requests, robots.txt, a per-host
// rate limit), fetches the pages of new items and sends them through the
// same pipeline as `ingest` (stories and briefs updated). FEEDS may also be
// sitemaps or site URLs (their feeds and sitemaps are found). `--warc DIR`
// keeps every response in WARC files. `--once` polls once
// and exits, for cron jobs and tests. Per-feed errors are printed on stderr,
// naming the URL, and never stop the other feeds. A summary line per round
// on stdout; progress on stderr only when it is a terminal.
#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <thread>

#include "feed/opml_reader.h"
#include "feed/warc_writer.h"
#include "pipeline/feed_follower.h"
#include "pipeline/store_story_repository.h"
#include "store/feed_store.h"
#include "tools/command.h"
#include "tools/progress.h"

namespace storyfuse {

std::optional<double> ParseInterval(const std::string& text) {
  if (text.empty()) return std::nullopt;
  double unit = 1;
  std::string digits = text;
  switch (text.back()) {
    case 's':
      digits.pop_back();
      break;
    case 'm':
      unit = 60, digits.pop_back();
      break;
    case 'h':
      unit = 3600, digits.pop_back();
      break;
    default:
      break;
  }
  if (digits.empty() || digits.find_first_not_of("0123456789.") != std::string::npos) return std::nullopt;
  double v = std::stod(digits) * unit;
  if (v <= 0) return std::nullopt;
  return v;
}

namespace {
bool IsUrl(const std::string& s) { return s.starts_with("http://") || s.starts_with("https://"); }

}  // namespace

bool CollectFeeds(const std::vector<std::string>& inputs, std::vector<std::string>* urls) {
  bool ok = true;
  for (const std::string& in : inputs) {
    if (IsUrl(in)) {
      urls->push_back(in);
      continue;
    }
    std::ifstream file(in, std::ios::binary);
    if (!file) {
      std::fprintf(stderr, "storyfuse: %s: cannot read (not a URL or a readable file)\n", in.c_str());
      ok = false;
      continue;
    }
    std::stringstream bytes;
    bytes << file.rdbuf();
    Result<SubscriptionList> list = OpmlReader::Parse(bytes.str());
    if (!list.ok()) {
      std::fprintf(stderr, "storyfuse: %s: %s\n", in.c_str(), list.status().message().c_str());
      ok = false;
      continue;
    }
    for (const std::string& e : list->errors) std::fprintf(stderr, "storyfuse: %s: %s\n", in.c_str(), e.c_str());
    ok = ok && list->errors.empty();
    for (const Subscription& s : list->feeds) urls->push_back(s.url);
  }
  return ok;
}

bool KeepResponsesInWarc(const std::string& dir, Crawler::Options* crawl) {
  if (dir.empty()) return true;
  Result<std::unique_ptr<WarcWriter>> writer = WarcWriter::Open(dir);
  if (!writer.ok()) {
    std::fprintf(stderr, "storyfuse: --warc %s\n", writer.status().message().c_str());
    return false;
  }
  auto shared = std::shared_ptr<WarcWriter>(std::move(*writer));
  auto reported = std::make_shared<std::atomic<bool>>(false);
  crawl->on_response = [shared, reported](const FetchResponse& r) {
    Status st = shared->Write(r);
    if (!st.ok() && !reported->exchange(true)) std::fprintf(stderr, "storyfuse: --warc: %s\n", st.message().c_str());
  };
  return true;
}

namespace {

struct FollowOptions {
  std::string db;
  std::string interval = "10m";
  bool once = false;
  std::string contact;
  double delay = 1.0;
  int threads = 4;
  std::string warc;
  std::vector<std::string> feeds;
};

int RunFollow(const FollowOptions& opt) {
  std::optional<double> interval = ParseInterval(opt.interval);
  if (!interval) {
    std::fprintf(stderr, "storyfuse: --interval %s: expected seconds, or a number with s, m or h\n",
                 opt.interval.c_str());
    return kExitUsage;
  }
  std::vector<std::string> urls;
  bool inputs_ok = CollectFeeds(opt.feeds, &urls);
  Result<std::unique_ptr<StoreStoryRepository>> repo = StoreStoryRepository::Open(opt.db, 0);
  if (!repo.ok()) {
    std::fprintf(stderr, "storyfuse: %s\n", repo.status().message().c_str());
    return ExitCodeForOpen(repo.status());
  }
  Result<std::unique_ptr<FeedStore>> feeds = FeedStore::Open(opt.db);
  if (!feeds.ok()) {
    std::fprintf(stderr, "storyfuse: %s\n", feeds.status().message().c_str());
    return ExitCodeForOpen(feeds.status());
  }
  for (const std::string& url : urls) {
    Result<FeedRecord> added = (*feeds)->Add(url, "");
    if (!added.ok()) {
      std::fprintf(stderr, "storyfuse: %s: %s\n", url.c_str(), added.status().message().c_str());
      return kExitUnavailable;
    }
  }

  Crawler::Options co;
  co.fetch.contact_url = opt.contact;
  co.schedule.min_delay_s = opt.delay;
  co.threads = opt.threads;
  if (!KeepResponsesInWarc(opt.warc, &co)) return kExitBadInput;
  Crawler crawler(co);
  FeedFollower follower(feeds->get(), &crawler,
                        [&](std::vector<RawDoc> docs) { return (*repo)->Ingest(std::move(docs)); });
  for (int round = 1;; ++round) {
    Result<FollowStats> stats = Status::Internal("no round ran");
    {
      Progress progress("pages");
      size_t shown = 0;
      follower.set_progress([&](const FollowStats& s) {
        size_t done = s.pages_fetched + s.page_errors;
        if (done > shown) progress.Tick(done - shown), shown = done;
      });
      stats = follower.Round();
    }
    if (!stats.ok()) {
      std::fprintf(stderr, "storyfuse: %s: %s\n", opt.db.c_str(), stats.status().message().c_str());
      return kExitUnavailable;
    }
    Result<std::vector<FeedRecord>> all = (*feeds)->List();
    if (all.ok()) {
      for (const FeedRecord& f : *all) {
        if (f.error_count > 0) {
          std::fprintf(stderr, "storyfuse: %s (%lld in a row)\n", f.last_error.c_str(),
                       static_cast<long long>(f.error_count));
        }
      }
    }
    std::printf("round %d: %zu feeds (%zu not modified, %zu failed), %zu pages fetched, %zu stored, %zu page errors\n",
                round, stats->feeds, stats->feeds_not_modified, stats->feed_errors, stats->pages_fetched,
                stats->pages_stored, stats->page_errors);
    std::fflush(stdout);
    if (opt.once) break;
    std::this_thread::sleep_for(std::chrono::duration<double>(*interval));
  }
  return inputs_ok ? kExitOk : kExitBadInput;
}

}  // namespace

void RegisterFollow(CLI::App& app, int* exit_code) {
  auto opt = std::make_shared<FollowOptions>();
  CLI::App* cmd = app.add_subcommand(
      "follow", "Follow news feeds: poll them politely, fetch new articles' pages, store and brief them");
  cmd->add_option("--db", opt->db, "SQLite database file (created if missing)")->required();
  cmd->add_option("--interval", opt->interval, "Time between rounds: 90s, 10m, 1h (default 10m)");
  cmd->add_flag("--once", opt->once, "Poll every feed once, fetch what is new, and exit");
  cmd->add_option("--contact", opt->contact, "URL where site owners can reach you, named in the User-Agent");
  cmd->add_option("--delay", opt->delay,
                  "Seconds between two requests to one host (default 1; robots.txt may ask more)")
      ->check(CLI::Range(0.0, 3600.0));
  cmd->add_option("--threads", opt->threads, "Hosts fetched at once (default 4)")->check(CLI::Range(1, 64));
  cmd->add_option("--warc", opt->warc,
                  "Keep every response in WARC files in this folder (1 GB each), for `ingest` to read again");
  cmd->add_option("feeds", opt->feeds, "Feed URLs, OPML files, or files with one URL a line");
  cmd->callback([opt, exit_code] { *exit_code = RunFollow(*opt); });
}

}  // namespace storyfuse
