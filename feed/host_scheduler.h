// HostScheduler: when each host may get its next request, so that a crawl
// is polite: one request at a time per host, requests at least the host's
// delay apart (start to start), and after a 429 or 5xx a pause that honours
// Retry-After, else grows exponentially with the host's consecutive
// failures.
//
// The delay of a host is the larger of Options::min_delay_s (the per-host
// rate limit the user sets) and its robots.txt Crawl-delay, capped at
// Options::max_delay_s (a Crawl-delay of a day would stop the follower; the
// cap is documented in docs/feeds.md).
//
// Time is a number of seconds on any monotonic clock the caller chooses
// (tests pass their own), so this class never reads a clock or sleeps.
//
// Not thread-safe: the crawler calls it under its own mutex.
#ifndef STORYFUSE_FEED_HOST_SCHEDULER_H_
#define STORYFUSE_FEED_HOST_SCHEDULER_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace storyfuse {

class HostScheduler {
 public:
  struct Options {
    // One request a second per host: what most crawler guidelines ask of
    // a crawler that has no Crawl-delay to go by.
    double min_delay_s = 1.0;
    double max_delay_s = 60.0;
    // Backoff after the n-th consecutive 429/5xx without Retry-After:
    // backoff_base_s * 2^(n-1), at most max_backoff_s.
    double backoff_base_s = 2.0;
    double max_backoff_s = 3600.0;
  };

  explicit HostScheduler(Options options) : options_(options) {}

  // Sets the host's robots.txt Crawl-delay (seconds).
  void SetCrawlDelay(const std::string& host, double seconds);
  // The host's delay between request starts.
  double Delay(const std::string& host) const;

  // The earliest time `host` may start a request (ignoring whether one is in
  // flight); a host never seen is ready at once (returns -infinity).
  double ReadyAt(const std::string& host) const;
  bool Busy(const std::string& host) const;

  // Starts a request to `host` at `now` when it is not busy and ready;
  // false otherwise (nothing changes).
  bool TryStart(const std::string& host, double now);

  // Ends the host's request at `now` with HTTP `status` (0 for a transport
  // error) and the Retry-After delay in seconds, if the server sent one.
  void Finish(const std::string& host, double now, int status, std::optional<double> retry_after_s);

  int ConsecutiveFailures(const std::string& host) const;

  // True for the statuses that ask a crawler to slow down: 429 and 5xx.
  static bool IsBackoffStatus(int status) { return status == 429 || (status >= 500 && status < 600); }

  // Seconds a Retry-After value asks to wait: delay-seconds ("120") or an
  // HTTP-date ("Fri, 04 Dec 2026 10:00:00 GMT", taken relative to
  // `now_unix`, the current Unix time). nullopt when unreadable; a date in
  // the past gives 0.
  static std::optional<double> ParseRetryAfter(std::string_view value, double now_unix);

  // "scheme://host[:port]" of an absolute URL, lower-cased: the unit the
  // rate limit and robots.txt apply to. "" when `url` has no authority.
  static std::string HostKey(std::string_view url);

 private:
  struct Host {
    std::optional<double> last_start;
    double crawl_delay = 0;
    double blocked_until = 0;
    int failures = 0;
    bool busy = false;
  };

  Options options_;
  std::map<std::string, Host> hosts_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_FEED_HOST_SCHEDULER_H_
