#include "pipeline/follower_thread.h"

#include <utility>

#include "feed/opml_reader.h"
#include "feed/url_canonicalizer.h"
#include "pipeline/story_pipeline.h"

namespace storyfuse {

Result<std::unique_ptr<FollowerThread>> FollowerThread::Open(const std::string& db_path, StoryRepository* repository,
                                                             Options options) {
  STORYFUSE_ASSIGN_OR_RETURN(std::unique_ptr<FeedStore> api, FeedStore::Open(db_path));
  STORYFUSE_ASSIGN_OR_RETURN(std::unique_ptr<FeedStore> follow, FeedStore::Open(db_path));
  return std::unique_ptr<FollowerThread>(
      new FollowerThread(std::move(api), std::move(follow), repository, std::move(options)));
}

FollowerThread::FollowerThread(std::unique_ptr<FeedStore> api_store, std::unique_ptr<FeedStore> follow_store,
                               StoryRepository* repository, Options options)
    : options_(std::move(options)),
      repository_(repository),
      api_store_(std::move(api_store)),
      follow_store_(std::move(follow_store)),
      crawler_(options_.crawl),
      follower_(follow_store_.get(), &crawler_,
                [this](std::vector<RawDoc> docs) { return repository_->Ingest(std::move(docs)); }) {}

FollowerThread::~FollowerThread() { Stop(); }

void FollowerThread::Start() {
  std::lock_guard<std::mutex> lock(mu_);
  if (thread_.joinable() || stop_) return;
  thread_ = std::thread([this] { Loop(); });
}

void FollowerThread::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  crawler_.Cancel();
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void FollowerThread::Wake() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    wake_ = true;
  }
  cv_.notify_all();
}

void FollowerThread::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stop_) {
    wake_ = false;
    info_.running = true;
    lock.unlock();
    Result<FollowStats> stats = follower_.Round();
    lock.lock();
    info_.running = false;
    ++info_.rounds;
    info_.finished_at = NowIso8601();
    info_.error = stats.ok() ? "" : stats.status().message();
    if (stats.ok()) info_.last = *stats;
    cv_.notify_all();
    cv_.wait_for(lock, options_.interval, [this] { return stop_ || wake_; });
  }
}

Result<std::vector<FeedRecord>> FollowerThread::List() {
  std::lock_guard<std::mutex> lock(api_mu_);
  return api_store_->List();
}

Result<FollowerThread::Added> FollowerThread::Add(const std::vector<std::string>& urls, const std::string& opml) {
  Added out;
  std::vector<std::string> wanted;
  for (const std::string& u : urls) {
    Result<std::string> canonical = UrlCanonicalizer::Canonicalize(u);
    if (!(u.starts_with("http://") || u.starts_with("https://")) || !canonical.ok()) {
      out.errors.push_back(u.substr(0, 200) + ": not an absolute http(s) URL");
      continue;
    }
    wanted.push_back(u);
  }
  if (!opml.empty()) {
    Result<SubscriptionList> list = OpmlReader::Parse(opml);
    if (!list.ok()) {
      out.errors.push_back("opml: " + list.status().message());
    } else {
      for (const std::string& e : list->errors) out.errors.push_back("opml: " + e);
      for (const Subscription& s : list->feeds) wanted.push_back(s.url);
    }
  }
  {
    std::lock_guard<std::mutex> lock(api_mu_);
    for (const std::string& u : wanted) {
      STORYFUSE_ASSIGN_OR_RETURN(FeedRecord added, api_store_->Add(u, ""));
      out.feeds.push_back(added);
    }
  }
  if (!out.feeds.empty()) Wake();
  return out;
}

Status FollowerThread::Remove(int64_t id) {
  std::lock_guard<std::mutex> lock(api_mu_);
  return api_store_->Remove(id);
}

FollowerThread::RoundInfo FollowerThread::LastRound() const {
  std::lock_guard<std::mutex> lock(mu_);
  return info_;
}

}  // namespace storyfuse
