// FollowerThread: following feeds inside a long-running process (`storyfuse
// serve --follow`). A thread runs FeedFollower rounds, one every
// Options::interval (at once after Wake()), storing every page through the
// process's StoryRepository::Ingest, the same call as POST /api/articles,
// so the server's one writer stores what the follower brings. The API's
// calls (List, Add, Remove) use their own connection to the feed state,
// under a mutex.
//
// Add takes feed URLs, site URLs (the follower replaces a site by the feeds
// its page announces, docs/feeds.md) and OPML lists; each URL must be an
// absolute http(s) URL. Bad entries are reported one by one, the others
// added.
//
// Errors of a round (the store failing) are kept for LastRound(); rounds go
// on. Stop() (and the destructor) cancels the crawl (requests in flight
// finish within the fetch timeout) and joins the thread.
//
// Thread-safe. The repository must outlive the service.
#ifndef STORYFUSE_PIPELINE_FOLLOWER_THREAD_H_
#define STORYFUSE_PIPELINE_FOLLOWER_THREAD_H_

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "base/status.h"
#include "feed/crawler.h"
#include "pipeline/feed_follower.h"
#include "pipeline/story_repository.h"
#include "store/feed_store.h"

namespace storyfuse {

class FollowerThread {
 public:
  struct Options {
    Crawler::Options crawl;
    // Ten minutes: feeds of news sites change every few minutes, and a
    // conditional request every ten minutes is what feed readers send.
    std::chrono::milliseconds interval{10 * 60 * 1000};
  };

  struct RoundInfo {
    int64_t rounds = 0;       // rounds completed
    bool running = false;     // a round is running now
    FollowStats last;         // of the last completed round
    std::string finished_at;  // ISO 8601 UTC of its end, "" before the first
    std::string error;        // the last round's store error, or ""
  };

  struct Added {
    std::vector<FeedRecord> feeds;    // added or already followed
    std::vector<std::string> errors;  // one per entry refused, naming it
  };

  // Opens the feed state in the SQLite store at `db_path` (the file the
  // repository stores in). Does not start the thread.
  static Result<std::unique_ptr<FollowerThread>> Open(const std::string& db_path, StoryRepository* repository,
                                                      Options options);
  ~FollowerThread();

  void Start();
  void Stop();
  // Starts a round now (or right after the one running).
  void Wake();

  Result<std::vector<FeedRecord>> List();
  // Adds `urls` and the feeds of `opml` (an OPML document or a list of
  // URLs, one a line; may be empty), then wakes the follower.
  Result<Added> Add(const std::vector<std::string>& urls, const std::string& opml);
  // NotFound when there is no feed `id`.
  Status Remove(int64_t id);
  RoundInfo LastRound() const;
  std::chrono::milliseconds interval() const { return options_.interval; }

 private:
  FollowerThread(std::unique_ptr<FeedStore> api_store, std::unique_ptr<FeedStore> follow_store,
                 StoryRepository* repository, Options options);
  void Loop();

  Options options_;
  StoryRepository* repository_;
  std::mutex api_mu_;  // guards api_store_
  std::unique_ptr<FeedStore> api_store_;
  std::unique_ptr<FeedStore> follow_store_;  // the follower thread's
  Crawler crawler_;
  FeedFollower follower_;

  mutable std::mutex mu_;  // guards what follows
  std::condition_variable cv_;
  bool stop_ = false;
  bool wake_ = false;
  RoundInfo info_;
  std::thread thread_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_PIPELINE_FOLLOWER_THREAD_H_
