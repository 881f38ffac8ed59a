#include "pipeline/feed_follower.h"

#include <mutex>
#include <optional>
#include <set>

#include "feed/feed_discovery.h"
#include "feed/feed_parser.h"
#include "feed/url_canonicalizer.h"
#include "feed/xml_input.h"
#include "ingest/charset_decoder.h"

namespace storyfuse {
namespace {

struct PageTask {
  int64_t feed_id = 0;
  std::string canonical;
  FeedItem item;
};

struct Pending {
  int64_t feed_id;
  std::string canonical;
};

// 4xx: the page is gone or refused and will stay so; 5xx and 429 pass.
bool PermanentStatus(long status) { return status >= 400 && status < 500 && status != 429; }  // NOLINT

}  // namespace

FeedFollower::FeedFollower(FeedStore* store, Crawler* crawler, IngestFn ingest)
    : store_(store), crawler_(crawler), ingest_(std::move(ingest)) {}

Result<FollowStats> FeedFollower::Round() {
  Result<std::vector<FeedRecord>> listed = store_->List();
  if (!listed.ok()) return listed.status();
  std::vector<FeedRecord> feeds = std::move(*listed);
  FollowStats stats;

  Status store_error;
  auto keep = [&store_error](Status st) {
    if (!st.ok() && store_error.ok()) store_error = st;
  };
  std::vector<PageTask> pages;
  std::set<std::string> queued;
  std::set<int64_t> polled;
  // Feeds are polled in waves: the stored ones, then those that site pages
  // of the first wave announced (so a site URL brings its articles in the
  // same round).
  for (int wave = 0; wave < 2 && !feeds.empty(); ++wave) {
    std::vector<CrawlJob> feed_jobs;
    for (size_t i = 0; i < feeds.size(); ++i) {
      feed_jobs.push_back({{feeds[i].url, feeds[i].etag, feeds[i].last_modified}, i});
      polled.insert(feeds[i].id);
    }
    stats.feeds += feeds.size();
    std::vector<std::optional<Result<FetchResponse>>> answers(feeds.size());
    crawler_->Run(feed_jobs, [&](const CrawlJob& job, Result<FetchResponse> r) { answers[job.tag] = std::move(r); });
    std::vector<FeedRecord> announced;
    for (size_t i = 0; i < feeds.size(); ++i) {
      const FeedRecord& f = feeds[i];
      Result<FetchResponse>& r = *answers[i];
      if (!r.ok()) {
        ++stats.feed_errors;
        keep(store_->RecordError(f.id, r.status().message(), ""));
        continue;
      }
      if (r->not_modified()) {
        ++stats.feeds_not_modified;
        keep(store_->RecordSuccess(f.id, f.etag, f.last_modified, "", ""));
        continue;
      }
      if (!r->ok()) {
        ++stats.feed_errors;
        keep(store_->RecordError(f.id, f.url + ": HTTP " + std::to_string(r->status), ""));
        continue;
      }
      Result<Feed> feed = FeedParser::Parse(r->body, r->final_url);
      if (!feed.ok()) {
        std::vector<DiscoveredFeed> found;
        if (wave == 0 && XmlInput::LooksLikeHtml(r->body)) found = FeedDiscovery::FromHtml(r->body, r->final_url);
        if (found.empty()) {
          ++stats.feed_errors;
          keep(store_->RecordError(f.id, f.url + ": " + feed.status().message(), ""));
          continue;
        }
        // A site's page: follow the feeds it announces instead.
        for (const DiscoveredFeed& d : found) {
          Result<FeedRecord> added = store_->Add(d.url, "");
          if (!added.ok()) return added.status();
          ++stats.feeds_discovered;
          if (polled.insert(added->id).second) announced.push_back(*added);
        }
        keep(store_->Remove(f.id));
        continue;
      }
      keep(store_->RecordSuccess(f.id, r->etag, r->last_modified, feed->title, ""));
      for (FeedItem& item : feed->items) {
        if (item.link.empty()) continue;
        Result<std::string> canonical = UrlCanonicalizer::Canonicalize(item.link);
        if (!canonical.ok() || queued.count(*canonical)) continue;
        Result<bool> seen = store_->Seen(*canonical);
        if (!seen.ok()) return seen.status();
        if (*seen) continue;
        queued.insert(*canonical);
        pages.push_back({f.id, *canonical, std::move(item)});
      }
    }
    feeds = std::move(announced);
  }
  if (!store_error.ok()) return store_error;

  std::vector<CrawlJob> page_jobs;
  for (size_t i = 0; i < pages.size(); ++i) page_jobs.push_back({{pages[i].item.link, "", ""}, i});
  std::vector<RawDoc> batch;
  std::vector<Pending> batch_keys;
  auto page_failed = [&](const PageTask& p, const std::string& message, bool permanent) {
    ++stats.page_errors;
    keep(store_->RecordError(p.feed_id, message, ""));
    if (permanent) keep(store_->MarkSeen(p.feed_id, p.canonical, "", message, ""));
  };
  auto flush = [&] {
    if (batch.empty()) return;
    Result<std::vector<IngestOutcome>> out = ingest_(std::move(batch));
    if (!out.ok()) {
      keep(out.status());
    } else {
      for (size_t k = 0; k < out->size() && k < batch_keys.size(); ++k) {
        const IngestOutcome& o = (*out)[k];
        if (o.status == "rejected") {
          page_failed({batch_keys[k].feed_id, batch_keys[k].canonical, {}}, batch_keys[k].canonical + ": " + o.error,
                      true);
          continue;
        }
        if (o.status == "created" || o.status == "updated") ++stats.pages_stored;
        keep(store_->MarkSeen(batch_keys[k].feed_id, batch_keys[k].canonical, o.stored_id, "", ""));
      }
    }
    batch.clear();
    batch_keys.clear();
  };
  crawler_->Run(page_jobs, [&](const CrawlJob& job, Result<FetchResponse> r) {
    const PageTask& p = pages[job.tag];
    if (!r.ok()) {
      // Size cap and redirect loops are the page's own doing (InvalidArgument
      // from the fetcher would say so); transport failures pass.
      const std::string& m = r.status().message();
      bool permanent = m.find("byte limit") != std::string::npos || m.find("too many redirects") != std::string::npos;
      page_failed(p, m, permanent);
    } else {
      ++stats.pages_fetched;
      if (!r->ok()) {
        page_failed(p, p.item.link + ": HTTP " + std::to_string(r->status), PermanentStatus(r->status));
      } else {
        RawDoc doc;
        doc.source = p.item.link;
        doc.id = p.canonical;
        doc.url = p.canonical;
        doc.format = DocFormat::kHtml;
        doc.title = p.item.title;
        doc.published = p.item.published;
        if (!p.item.author.empty()) doc.authors.push_back(p.item.author);
        Result<std::string> utf8 = CharsetDecoder::ToUtf8(r->body, r->charset, true);
        if (!utf8.ok()) {
          page_failed(p, p.item.link + ": " + utf8.status().message(), true);
        } else {
          doc.bytes = std::move(*utf8);
          batch.push_back(std::move(doc));
          batch_keys.push_back({p.feed_id, p.canonical});
          if (batch.size() >= kBatch) flush();
        }
      }
    }
    if (progress_) progress_(stats);
  });
  flush();
  if (!store_error.ok()) return store_error;
  return stats;
}

}  // namespace storyfuse
