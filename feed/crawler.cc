#include "feed/crawler.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <limits>
#include <memory>
#include <thread>

namespace storyfuse {
namespace {
constexpr double kMaxWaitS = 0.25;
}  // namespace

// The jobs of one Run, grouped by host, and the workers' shared state (all
// under Crawler::mu_).
struct Crawler::Batch {
  std::map<std::string, std::deque<Pending>> by_host;
  size_t in_flight = 0;
  std::mutex done_mu;  // serializes on_done
  std::condition_variable cv;
};

Crawler::Crawler(Options options)
    : options_(std::move(options)),
      user_agent_(HttpFetcher::UserAgent(options_.fetch.contact_url)),
      scheduler_(options_.schedule) {}

double Crawler::Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

void Crawler::Run(std::vector<CrawlJob> jobs, const DoneFn& on_done) {
  // Without libcurl every fetch, robots.txt's first, would fail, and the
  // robots step would hide why; each job answers the library's error.
  if (Status available = HttpFetcher::Available(); !available.ok()) {
    for (const CrawlJob& job : jobs) on_done(job, available.WithContext(job.request.url));
    return;
  }
  Batch batch;
  std::vector<CrawlJob> unhosted;
  for (CrawlJob& job : jobs) {
    std::string host = HostScheduler::HostKey(job.request.url);
    if (host.empty()) {
      unhosted.push_back(std::move(job));
      continue;
    }
    batch.by_host[host].push_back(Pending{std::move(job), 0});
  }
  for (const CrawlJob& job : unhosted) {
    on_done(job, Status::InvalidArgument(job.request.url + ": not an absolute http(s) URL"));
  }
  int threads = std::max(1, std::min<int>(options_.threads, static_cast<int>(batch.by_host.size())));
  std::vector<std::unique_ptr<HttpFetcher>> fetchers;
  std::vector<std::thread> workers;
  for (int i = 0; i < threads; ++i) fetchers.push_back(std::make_unique<HttpFetcher>(options_.fetch));
  for (int i = 0; i < threads; ++i) {
    workers.emplace_back([this, &batch, f = fetchers[i].get(), &on_done] { Worker(&batch, f, on_done); });
  }
  for (std::thread& t : workers) t.join();
}

void Crawler::Worker(Batch* batch, HttpFetcher* fetcher, const DoneFn& on_done) {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    // Drop hosts with nothing left; stop when nothing is left anywhere.
    for (auto it = batch->by_host.begin(); it != batch->by_host.end();) {
      it = it->second.empty() ? batch->by_host.erase(it) : std::next(it);
    }
    if (batch->by_host.empty() && batch->in_flight == 0) {
      batch->cv.notify_all();
      return;
    }
    if (cancelled_) {
      std::vector<Pending> dropped = TakeAll(batch);
      if (!dropped.empty()) {
        FailAll(batch, &lock, on_done, dropped, ": not fetched: the crawler is stopping");
        continue;
      }
    }
    double now = Now();
    double earliest = std::numeric_limits<double>::infinity();
    std::vector<Pending> deferred;
    std::string host = PickHost(batch, now, &earliest, &deferred);
    if (!deferred.empty()) {
      FailAll(batch, &lock, on_done, deferred, ": not fetched, its host asked crawlers to pause");
      continue;
    }
    if (host.empty()) {
      if (earliest == std::numeric_limits<double>::infinity()) {
        if (batch->by_host.empty() && batch->in_flight == 0) continue;
        batch->cv.wait(lock);
      } else {
        // Waking at least every kMaxWaitS lets Cancel() end a long wait.
        batch->cv.wait_for(lock, std::chrono::duration<double>(std::min(earliest - now, kMaxWaitS)));
      }
      continue;
    }
    scheduler_.TryStart(host, now);
    starts_[host].push_back(now);
    ++batch->in_flight;
    if (options_.obey_robots && robots_[host].state == Robots::State::kUnknown) {
      FetchRobots(batch, &lock, fetcher, host);
      continue;
    }
    Pending pending = std::move(batch->by_host[host].front());
    batch->by_host[host].pop_front();
    const Robots& robots = robots_[host];
    if (options_.obey_robots && (!robots.reachable || !robots.rules.IsAllowed(user_agent_, pending.job.request.url))) {
      // Nothing was sent: give the slot back as it was.
      scheduler_.Finish(host, now, 200, std::nullopt);
      starts_[host].pop_back();
      --batch->in_flight;
      FailAll(batch, &lock, on_done, {std::move(pending)},
              std::string(": disallowed by robots.txt") + (robots.reachable ? "" : " (robots.txt unreachable)"));
      continue;
    }
    FetchPage(batch, &lock, fetcher, host, std::move(pending), on_done);
  }
}

std::vector<Crawler::Pending> Crawler::TakeAll(Batch* batch) {
  std::vector<Pending> taken;
  for (auto& [key, queue] : batch->by_host) {
    for (Pending& p : queue) taken.push_back(std::move(p));
    queue.clear();
  }
  return taken;
}

std::string Crawler::PickHost(Batch* batch, double now, double* earliest, std::vector<Pending>* deferred) {
  for (auto& [key, queue] : batch->by_host) {
    if (queue.empty() || scheduler_.Busy(key)) continue;
    Robots& r = robots_[key];
    if (options_.obey_robots && r.state == Robots::State::kFetching) continue;
    double ready = scheduler_.ReadyAt(key);
    if (ready - now > options_.max_retry_wait_s + scheduler_.Delay(key)) {
      // The host asked for a long pause (Retry-After or backoff): its
      // other URLs wait for a later round instead of holding this one.
      for (Pending& p : queue) deferred->push_back(std::move(p));
      queue.clear();
      continue;
    }
    if (ready <= now) return key;
    *earliest = std::min(*earliest, ready);
  }
  return "";
}

void Crawler::FailAll(Batch* batch, std::unique_lock<std::mutex>* lock, const DoneFn& on_done,
                      const std::vector<Pending>& pending, const std::string& why) {
  lock->unlock();
  {
    std::lock_guard<std::mutex> done(batch->done_mu);
    for (const Pending& p : pending) on_done(p.job, Status::IoError(p.job.request.url + why));
  }
  lock->lock();
  batch->cv.notify_all();
}

void Crawler::FetchRobots(Batch* batch, std::unique_lock<std::mutex>* lock, HttpFetcher* fetcher,
                          const std::string& host) {
  robots_[host].state = Robots::State::kFetching;
  lock->unlock();
  Result<FetchResponse> r = fetcher->Fetch({host + "/robots.txt", "", ""});
  Observe(r);
  lock->lock();
  Robots& known = robots_[host];
  known.state = Robots::State::kKnown;
  int status = r.ok() ? static_cast<int>(r->status) : 0;
  if (r.ok() && r->ok()) {
    known.rules = RobotsTxt::Parse(r->body);
    if (auto delay = known.rules.CrawlDelay(user_agent_)) scheduler_.SetCrawlDelay(host, *delay);
  } else {
    known.reachable = r.ok() && status >= 400 && status < 500;
  }
  // robots.txt's own answer does not back the host off: its 5xx already
  // stops the host.
  scheduler_.Finish(host, Now(), 200, std::nullopt);
  --batch->in_flight;
  batch->cv.notify_all();
}

void Crawler::FetchPage(Batch* batch, std::unique_lock<std::mutex>* lock, HttpFetcher* fetcher, const std::string& host,
                        Pending pending, const DoneFn& on_done) {
  lock->unlock();
  Result<FetchResponse> r = fetcher->Fetch(pending.job.request);
  Observe(r);
  lock->lock();
  ++pending.attempts;
  int status = r.ok() ? static_cast<int>(r->status) : 0;
  std::optional<double> retry_after;
  if (r.ok() && !r->retry_after.empty()) {
    double unix_now = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
    retry_after = HostScheduler::ParseRetryAfter(r->retry_after, unix_now);
  }
  double finished = Now();
  scheduler_.Finish(host, finished, status, retry_after);
  --batch->in_flight;
  bool retry = HostScheduler::IsBackoffStatus(status) && pending.attempts < options_.max_attempts &&
               scheduler_.ReadyAt(host) - finished <= options_.max_retry_wait_s;
  if (retry) {
    batch->by_host[host].push_back(std::move(pending));
    batch->cv.notify_all();
    return;
  }
  lock->unlock();
  {
    std::lock_guard<std::mutex> done(batch->done_mu);
    on_done(pending.job, std::move(r));
  }
  lock->lock();
  batch->cv.notify_all();
}

void Crawler::Observe(const Result<FetchResponse>& r) {
  if (!options_.on_response || !r.ok()) return;
  std::lock_guard<std::mutex> lock(observe_mu_);
  options_.on_response(*r);
}

std::vector<std::string> Crawler::RobotsSitemaps(const std::string& url) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = robots_.find(HostScheduler::HostKey(url));
  if (it == robots_.end() || it->second.state != Robots::State::kKnown) return {};
  return it->second.rules.sitemaps();
}

std::map<std::string, size_t> Crawler::RequestsPerHost() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::map<std::string, size_t> out;
  for (const auto& [host, starts] : starts_) out[host] = starts.size();
  return out;
}

std::map<std::string, std::vector<double>> Crawler::RequestStarts() const {
  std::lock_guard<std::mutex> lock(mu_);
  return starts_;
}

}  // namespace storyfuse
