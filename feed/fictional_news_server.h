// FictionalNewsServer: serves a FictionalNews on 127.0.0.1, one
// LocalTestServer (its own ephemeral port) per outlet, so that a crawler
// sees Options::hosts distinct hosts ("http://127.0.0.1:PORT" is the unit
// of its rate limit and robots.txt) and no request leaves the machine.
//
// Each host serves /robots.txt, a home page announcing no feed, a news
// sitemap (FictionalNews::kNewsSitemapPath), its feeds (with an ETag, answering 304 to a
// matching If-None-Match) and its pages; anything else is 404. The server
// counts every request per page and per feed and records when each request
// arrived, per host, for tests that check "every page fetched once" and
// the per-host rate. set_published(n) makes the feeds list only the first n
// pages (the outlets publishing as time goes on).
//
// Test and benchmark support (header-only, cpp-httplib). Thread-safe.
#ifndef STORYFUSE_FEED_FICTIONAL_NEWS_SERVER_H_
#define STORYFUSE_FEED_FICTIONAL_NEWS_SERVER_H_

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "feed/fictional_news.h"
#include "feed/local_test_server.h"

namespace storyfuse {

class FictionalNewsServer {
 public:
  explicit FictionalNewsServer(const FictionalNews* news)
      : news_(news),
        page_requests_(news->pages().size()),
        feed_requests_(news->feeds().size()),
        arrivals_(news->options().hosts) {
    for (auto& n : page_requests_) n = 0;
    for (auto& n : feed_requests_) n = 0;
    published_ = static_cast<int>(news->pages().size());
    for (int h = 0; h < news->options().hosts; ++h) servers_.push_back(std::make_unique<LocalTestServer>());
    for (size_t i = 0; i < news->pages().size(); ++i) {
      page_at_[{news->pages()[i].host, news->pages()[i].path}] = static_cast<int>(i);
    }
    for (size_t f = 0; f < news->feeds().size(); ++f) {
      feed_at_[{news->feeds()[f].host, news->feeds()[f].path}] = static_cast<int>(f);
    }
  }

  // Stops the hosts before the maps their handlers read go.
  ~FictionalNewsServer() {
    for (auto& s : servers_) s->Stop();
  }

  // Binds every host's port and starts serving. False when a port could
  // not be bound.
  bool Start() {
    for (int h = 0; h < static_cast<int>(servers_.size()); ++h) {
      servers_[h]->server().Get(
          R"(/.*)", [this, h](const httplib::Request& req, httplib::Response& res) { Serve(h, req, &res); });
      if (!servers_[h]->Start()) return false;
    }
    return true;
  }

  httplib::Server& server(int host) { return servers_[host]->server(); }
  std::string Origin(int host) const { return "http://127.0.0.1:" + std::to_string(servers_[host]->port()); }
  std::string FeedUrl(int feed) const { return Origin(news_->feeds()[feed].host) + news_->feeds()[feed].path; }
  std::string PageUrl(int page) const { return Origin(news_->pages()[page].host) + news_->pages()[page].path; }

  void set_published(int n) { published_ = n; }
  int page_requests(int page) const { return page_requests_[page]; }
  int feed_requests(int feed) const { return feed_requests_[feed]; }
  int not_modified() const { return not_modified_; }
  // Seconds (steady clock) at which each request to `host` arrived.
  std::vector<double> Arrivals(int host) const {
    std::lock_guard<std::mutex> lock(mu_);
    return arrivals_[host];
  }
  // The most requests `host` received within any `window_s` seconds.
  int MostRequestsWithin(int host, double window_s) const {
    std::vector<double> t = Arrivals(host);
    std::sort(t.begin(), t.end());
    int most = 0;
    for (size_t i = 0, j = 0; j < t.size(); ++j) {
      while (t[j] - t[i] >= window_s) ++i;
      most = std::max(most, static_cast<int>(j - i + 1));
    }
    return most;
  }

 private:
  void Serve(int host, const httplib::Request& req, httplib::Response* res) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      arrivals_[host].push_back(
          std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count());
    }
    if (req.path == "/robots.txt") {
      res->set_content(FictionalNews::RobotsTxt(), "text/plain");
      return;
    }
    if (req.path == "/") {
      res->set_content(news_->HomePage(host), "text/html; charset=utf-8");
      return;
    }
    if (req.path == FictionalNews::kNewsSitemapPath) {
      res->set_content(news_->NewsSitemap(host, Origin(host), published_), "application/xml");
      return;
    }
    if (auto f = feed_at_.find({host, req.path}); f != feed_at_.end()) {
      ++feed_requests_[f->second];
      std::string body = news_->FeedBody(f->second, Origin(host), published_);
      std::string etag = "\"" + std::to_string(std::hash<std::string>()(body)) + "\"";
      res->set_header("ETag", etag);
      if (req.get_header_value("If-None-Match") == etag) {
        ++not_modified_;
        res->status = 304;
        return;
      }
      res->set_content(body, FictionalNews::ContentType(news_->feeds()[f->second].kind));
      return;
    }
    if (auto p = page_at_.find({host, req.path}); p != page_at_.end()) {
      ++page_requests_[p->second];
      res->set_content(news_->PageHtml(p->second, Origin(host)), "text/html; charset=utf-8");
      return;
    }
    res->status = 404;
  }

  const FictionalNews* news_;
  std::vector<std::unique_ptr<LocalTestServer>> servers_;
  std::map<std::pair<int, std::string>, int> page_at_, feed_at_;
  std::vector<std::atomic<int>> page_requests_, feed_requests_;
  std::atomic<int> published_{0};
  std::atomic<int> not_modified_{0};
  mutable std::mutex mu_;
  std::vector<std::vector<double>> arrivals_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_FEED_FICTIONAL_NEWS_SERVER_H_
