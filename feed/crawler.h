// Crawler: fetches a batch of URLs politely. Several hosts are fetched in
// parallel (Options::threads workers, each with its own HttpFetcher); each
// host gets one request at a time, spaced and backed off by HostScheduler.
// Before a host's first URL its /robots.txt is fetched (once per Crawler)
// and obeyed: URLs it disallows for storyfuse are not fetched, and its
// Crawl-delay slows the host (RFC 9309: a robots.txt answering 4xx allows
// everything; 5xx or no answer disallows everything, for this crawler's
// lifetime).
//
// A 429 or 5xx answer is retried, up to Options::max_attempts requests in
// all, when the pause it asks for (Retry-After, else the backoff) is at most
// Options::max_retry_wait_s; otherwise the last answer is the result.
//
// Results: one call of `on_done` per job, on a worker thread but never two
// at once, in completion order. The response is an error Status (transport,
// size cap, timeout, "disallowed by robots.txt"; the message starts with
// the URL) or an FetchResponse of any status.
//
// Thread safety: Run may not be called concurrently on one Crawler.
#ifndef STORYFUSE_FEED_CRAWLER_H_
#define STORYFUSE_FEED_CRAWLER_H_

#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "base/status.h"
#include "feed/host_scheduler.h"
#include "feed/http_fetcher.h"
#include "feed/robots_txt.h"

namespace storyfuse {

struct CrawlJob {
  FetchRequest request;
  size_t tag = 0;  // the caller's index; returned with the result
};

class Crawler {
 public:
  struct Options {
    HttpFetcher::Options fetch;
    HostScheduler::Options schedule;
    // Hosts fetched at once. Four keeps a small machine's one core busy
    // while servers answer; the per-host limit is what protects sites.
    int threads = 4;
    int max_attempts = 3;
    double max_retry_wait_s = 30.0;
    bool obey_robots = true;
    // Called with every response a server sent (robots.txt, retried 429s
    // and 5xx included), one call at a time, from the worker that got it:
    // for keeping them (`--warc`). Errors without a response are not passed.
    std::function<void(const FetchResponse&)> on_response;
  };

  using DoneFn = std::function<void(const CrawlJob&, Result<FetchResponse>)>;

  explicit Crawler(Options options);

  // Fetches every job and calls on_done once per job. Without libcurl
  // (HttpFetcher::Available) every job answers that error, unfetched.
  void Run(std::vector<CrawlJob> jobs, const DoneFn& on_done);

  // Makes Run end soon, from any thread: requests in flight finish (within
  // the fetch timeout); jobs not started are reported as IoError "not
  // fetched: the crawler is stopping", and so is every job of a later Run.
  void Cancel() { cancelled_ = true; }

  // Requests sent (robots.txt included) since construction, per host key.
  std::map<std::string, size_t> RequestsPerHost() const;
  // Start times (seconds on the steady clock) of every request, per host:
  // for tests that check the rate limit.
  std::map<std::string, std::vector<double>> RequestStarts() const;
  // The `Sitemap:` lines of the robots.txt of `url`'s host, when this
  // crawler has fetched it (empty otherwise): for site discovery.
  std::vector<std::string> RobotsSitemaps(const std::string& url) const;

 private:
  struct Robots {
    enum class State { kUnknown, kFetching, kKnown } state = State::kUnknown;
    bool reachable = true;
    RobotsTxt rules;
  };
  struct Pending {
    CrawlJob job;
    int attempts = 0;
  };
  struct Batch;

  // One fetching thread of Run(): takes the next ready host's next job
  // until the batch is done. The helpers below run with mu_ held (`lock`),
  // releasing it around network calls and on_done.
  void Worker(Batch* batch, HttpFetcher* fetcher, const DoneFn& on_done);
  // Every job still queued, removed from the batch.
  std::vector<Pending> TakeAll(Batch* batch);
  // A host whose next job may start now, or "" (then `earliest` is when
  // one may). Hosts that asked for a long pause move their jobs to
  // `deferred`.
  std::string PickHost(Batch* batch, double now, double* earliest, std::vector<Pending>* deferred);
  // Reports each of `pending` as not fetched, with `why` after its URL.
  void FailAll(Batch* batch, std::unique_lock<std::mutex>* lock, const DoneFn& on_done,
               const std::vector<Pending>& pending, const std::string& why);
  void FetchRobots(Batch* batch, std::unique_lock<std::mutex>* lock, HttpFetcher* fetcher, const std::string& host);
  // Fetches one job; a backoff answer with attempts and patience left
  // queues it again, anything else goes to on_done.
  void FetchPage(Batch* batch, std::unique_lock<std::mutex>* lock, HttpFetcher* fetcher, const std::string& host,
                 Pending pending, const DoneFn& on_done);
  void Observe(const Result<FetchResponse>& r);
  static double Now();

  Options options_;
  std::atomic<bool> cancelled_{false};
  std::string user_agent_;
  mutable std::mutex mu_;
  HostScheduler scheduler_;
  std::map<std::string, Robots> robots_;
  std::map<std::string, std::vector<double>> starts_;
  std::mutex observe_mu_;  // serializes Options::on_response
};

}  // namespace storyfuse

#endif  // STORYFUSE_FEED_CRAWLER_H_
