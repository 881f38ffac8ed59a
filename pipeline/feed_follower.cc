#include "pipeline/feed_follower.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <optional>
#include <set>

#include "feed/feed_discovery.h"
#include "feed/feed_parser.h"
#include "feed/host_scheduler.h"
#include "feed/sitemap_parser.h"
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

// A feed or sitemap to poll; `probe_of` is the site whose common feed path
// `feed.url` is (then `feed` is not stored).
struct Source {
  FeedRecord feed;
  int64_t probe_of = 0;
};

constexpr const char* kNoFeedFound =
    "an HTML page, not a feed, announcing no feed and with none at the common feed paths or in robots.txt";

// A feed or sitemap that names no encoding (no BOM, no encoding= in its
// XML declaration) is read in the Content-Type's charset: XML would take
// it for UTF-8, and a windows-1251 feed would fail as malformed. Valid
// UTF-8 stays as it is (CharsetDecoder), whatever the label.
void DecodeByHeader(FetchResponse* r) {
  if (r->charset.empty() || XmlInput::DeclaresEncoding(r->body)) return;
  Result<std::string> utf8 = CharsetDecoder::ToUtf8(r->body, r->charset, false);
  if (utf8.ok()) r->body = std::move(*utf8);
}

// The body as a sitemap, when it is one: a <urlset> or <sitemapindex>, or
// a text sitemap of at least one URL (any other non-XML body would read as
// an empty text sitemap).
std::optional<Sitemap> AsSitemap(const FetchResponse& r) {
  if (XmlInput::LooksLikeHtml(r.body)) return std::nullopt;
  Result<Sitemap> map = SitemapParser::Parse(r.body, r.final_url);
  if (!map.ok() || (map->kind == SitemapKind::kText && map->entries.empty())) return std::nullopt;
  return std::move(*map);
}

// The sitemaps of an index to follow: the kMaxSitemapsPerIndex most
// recently modified (in index order when undated). An index lists a site's
// whole archive, a sitemap per day or month for years; news is in the
// newest.
constexpr size_t kMaxSitemapsPerIndex = 20;
std::vector<std::string> NewestSitemaps(const Sitemap& index) {
  std::vector<const SitemapEntry*> entries;
  for (const SitemapEntry& e : index.entries) entries.push_back(&e);
  std::stable_sort(entries.begin(), entries.end(),
                   [](const SitemapEntry* a, const SitemapEntry* b) { return a->lastmod > b->lastmod; });
  std::vector<std::string> out;
  for (size_t i = 0; i < entries.size() && i < kMaxSitemapsPerIndex; ++i) out.push_back(entries[i]->loc);
  return out;
}

// A sitemap entry as a feed item: news sitemaps give a title and the
// publication date, others only the last modification.
FeedItem ItemOf(const SitemapEntry& e) {
  FeedItem item;
  item.guid = e.loc;
  item.link = e.loc;
  item.title = e.news.title;
  item.published = !e.news.publication_date.empty() ? e.news.publication_date : e.lastmod;
  return item;
}

struct Pending {
  int64_t feed_id;
  std::string canonical;
  FeedItemEvidence evidence;
  std::string id;  // the article's: the page's own canonical URL, else `canonical`
};

FeedItemEvidence EvidenceOf(const FeedItem& item) { return {item.title, item.published, item.author, item.summary}; }

// 4xx: the page is gone or refused and will stay so; 5xx and 429 pass.
bool PermanentStatus(long status) { return status >= 400 && status < 500 && status != 429; }  // NOLINT

}  // namespace

FeedFollower::FeedFollower(FeedStore* store, Crawler* crawler, IngestFn ingest)
    : store_(store), crawler_(crawler), ingest_(std::move(ingest)) {}

Result<FollowStats> FeedFollower::Round() {
  STORYFUSE_ASSIGN_OR_RETURN(std::vector<FeedRecord> listed, store_->List());
  std::vector<Source> sources;
  for (FeedRecord& f : listed) sources.push_back({std::move(f), 0});
  FollowStats stats;

  Status store_error;
  auto keep = [&store_error](Status st) {
    if (!st.ok() && store_error.ok()) store_error = st;
  };
  std::vector<PageTask> pages;
  std::set<std::string> queued;
  std::set<int64_t> polled;
  for (const Source& s : sources) polled.insert(s.feed.id);
  // A new page of feed `feed_id`, unless seen or already queued.
  auto enqueue = [&](int64_t feed_id, FeedItem item) -> Status {
    if (item.link.empty()) return Status::Ok();
    Result<std::string> canonical = UrlCanonicalizer::Canonicalize(item.link);
    if (!canonical.ok() || queued.count(*canonical)) return Status::Ok();
    STORYFUSE_ASSIGN_OR_RETURN(bool seen, store_->Seen(*canonical));
    if (seen) return Status::Ok();
    queued.insert(*canonical);
    pages.push_back({feed_id, *canonical, std::move(item)});
    return Status::Ok();
  };
  // Adds a feed or sitemap found on the way, to poll in the next wave.
  auto discovered = [&](const std::string& url, std::vector<Source>* next) -> Status {
    STORYFUSE_ASSIGN_OR_RETURN(FeedRecord added, store_->Add(url, ""));
    ++stats.feeds_discovered;
    if (polled.insert(added.id).second) next->push_back({added, 0});
    return Status::Ok();
  };
  // Sites (HTML pages given as feeds) whose common paths are being probed.
  struct Probing {
    bool found = false;         // a probe found a feed
    bool has_sitemaps = false;  // robots.txt named sitemaps
    FeedRecord site;
  };
  std::map<int64_t, Probing> probing;

  // Sources are polled in waves: the stored ones; then what site pages
  // announced (feeds, robots.txt's sitemaps, common-path probes) and what
  // sitemap indexes list; and so on, so a site URL brings its articles in
  // the same round.
  for (int wave = 0; wave < kMaxWaves && !sources.empty(); ++wave) {
    std::vector<CrawlJob> jobs;
    for (size_t i = 0; i < sources.size(); ++i) {
      const FeedRecord& f = sources[i].feed;
      jobs.push_back({{f.url, f.etag, f.last_modified}, i});
    }
    std::vector<std::optional<Result<FetchResponse>>> answers(sources.size());
    crawler_->Run(jobs, [&](const CrawlJob& job, Result<FetchResponse> r) { answers[job.tag] = std::move(r); });
    std::vector<Source> next;
    for (size_t i = 0; i < sources.size(); ++i) {
      const FeedRecord& f = sources[i].feed;
      const int64_t site = sources[i].probe_of;
      Result<FetchResponse>& r = *answers[i];
      if (site != 0) {
        // A common path of a site: a feed there is followed, anything
        // else is no news (most of them 404).
        if (probing[site].found || !r.ok() || !r->ok()) continue;
        DecodeByHeader(&*r);
        Result<Feed> feed = FeedParser::Parse(r->body, r->final_url);
        if (!feed.ok()) continue;
        probing[site].found = true;
        STORYFUSE_ASSIGN_OR_RETURN(FeedRecord added, store_->Add(f.url, ""));
        ++stats.feeds_discovered;
        ++stats.feeds;
        if (!polled.insert(added.id).second) continue;
        keep(store_->RecordSuccess(added.id, r->etag, r->last_modified, feed->title, ""));
        for (FeedItem& item : feed->items) {
          Status st = enqueue(added.id, std::move(item));
          if (!st.ok()) return st;
        }
        continue;
      }
      ++stats.feeds;
      if (!r.ok()) {
        ++stats.feed_errors;
        keep(store_->RecordError(f.id, r.status().message(), ""));
        continue;
      }
      if (r->not_modified()) {
        ++stats.feeds_not_modified;
        keep(store_->RecordSuccess(f.id, f.etag, f.last_modified, f.title, ""));
        continue;
      }
      if (!r->ok()) {
        ++stats.feed_errors;
        keep(store_->RecordError(f.id, f.url + ": HTTP " + std::to_string(r->status), ""));
        continue;
      }
      DecodeByHeader(&*r);
      Result<Feed> feed = FeedParser::Parse(r->body, r->final_url);
      if (feed.ok()) {
        keep(store_->RecordSuccess(f.id, r->etag, r->last_modified, feed->title, ""));
        for (FeedItem& item : feed->items) {
          Status st = enqueue(f.id, std::move(item));
          if (!st.ok()) return st;
        }
        continue;
      }
      std::optional<Sitemap> map = AsSitemap(*r);
      if (map && map->kind == SitemapKind::kIndex) {
        keep(store_->RecordSuccess(f.id, r->etag, r->last_modified, f.title, ""));
        for (const std::string& child : NewestSitemaps(*map)) keep(discovered(child, &next));
        continue;
      }
      if (map) {
        std::string title = !map->entries.empty() ? map->entries[0].news.publication_name : "";
        keep(store_->RecordSuccess(f.id, r->etag, r->last_modified, title.empty() ? f.title : title, ""));
        for (const SitemapEntry& e : map->entries) {
          Status st = enqueue(f.id, ItemOf(e));
          if (!st.ok()) return st;
        }
        continue;
      }
      if (wave > 0 || !XmlInput::LooksLikeHtml(r->body)) {
        ++stats.feed_errors;
        keep(store_->RecordError(f.id, f.url + ": " + feed.status().message(), ""));
        continue;
      }
      // A site's page: follow the feeds it announces, else those at the
      // common paths, and the sitemaps its robots.txt names.
      std::vector<DiscoveredFeed> announced = FeedDiscovery::FromHtml(r->body, r->final_url);
      for (const DiscoveredFeed& d : announced) keep(discovered(d.url, &next));
      size_t from_robots = 0;
      for (const std::string& s : crawler_->RobotsSitemaps(r->final_url)) {
        Result<std::string> url = UrlCanonicalizer::Resolve(HostScheduler::HostKey(r->final_url) + "/robots.txt", s);
        if (!url.ok()) continue;
        keep(discovered(*url, &next));
        ++from_robots;
      }
      if (announced.empty()) {
        std::vector<std::string> paths = FeedDiscovery::CommonPaths(r->final_url);
        for (const std::string& p : paths) {
          FeedRecord probe;
          probe.url = p;
          next.push_back({std::move(probe), f.id});
        }
        if (!paths.empty()) probing[f.id] = {false, from_robots > 0, f};
        if (!paths.empty()) continue;
      }
      if (announced.empty() && from_robots == 0) {
        ++stats.feed_errors;
        keep(store_->RecordError(f.id, f.url + ": " + feed.status().message(), ""));
        continue;
      }
      keep(store_->Remove(f.id));
    }
    // Sites whose probes ended in this wave: replaced by what they gave, or
    // failed when nothing was found.
    if (std::none_of(next.begin(), next.end(), [](const Source& s) { return s.probe_of != 0; })) {
      for (auto& [id, p] : probing) {
        if (p.found || p.has_sitemaps) {
          keep(store_->Remove(id));
        } else {
          ++stats.feed_errors;
          keep(store_->RecordError(id, p.site.url + ": " + kNoFeedFound, ""));
        }
      }
      probing.clear();
    }
    sources = std::move(next);
  }
  if (!store_error.ok()) return store_error;

  std::vector<CrawlJob> page_jobs;
  for (size_t i = 0; i < pages.size(); ++i) page_jobs.push_back({{pages[i].item.link, "", ""}, i});
  std::vector<RawDoc> batch;
  std::vector<Pending> batch_keys;
  std::set<std::string> ids;  // articles sent to `ingest` this round
  auto page_failed = [&](const PageTask& p, const std::string& message, bool permanent) {
    ++stats.page_errors;
    keep(store_->RecordError(p.feed_id, message, ""));
    if (permanent) keep(store_->MarkSeen(p.feed_id, p.canonical, "", message, "", EvidenceOf(p.item)));
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
        const Pending& key = batch_keys[k];
        keep(store_->MarkSeen(key.feed_id, key.canonical, o.stored_id, "", "", key.evidence));
        // The canonical URL too, so a feed listing it later costs no fetch.
        if (key.id != key.canonical) keep(store_->MarkSeen(key.feed_id, key.id, o.stored_id, "", "", key.evidence));
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
        doc.format = DocFormat::kHtml;
        // The page wins where it says more; the feed's word is kept as
        // evidence in feed_items.
        doc.listed_title = p.item.title;
        doc.listed_published = p.item.published;
        if (!p.item.author.empty()) doc.listed_authors.push_back(p.item.author);
        Result<std::string> utf8 = CharsetDecoder::ToUtf8(r->body, r->charset, true);
        if (!utf8.ok()) {
          page_failed(p, p.item.link + ": " + utf8.status().message(), true);
        } else {
          // The page's rel="canonical" identifies the article, so one page
          // reached by two links (an AMP copy, a section path) is stored once.
          std::string id = FeedDiscovery::CanonicalUrl(*utf8, r->final_url);
          if (id.empty()) id = p.canonical;
          bool stored_before = false;
          if (id != p.canonical) {
            Result<bool> seen = store_->Seen(id);
            keep(seen.status());
            stored_before = ids.count(id) > 0 || (seen.ok() && *seen);
          }
          if (stored_before) {
            keep(store_->MarkSeen(p.feed_id, p.canonical, id, "", "", EvidenceOf(p.item)));
          } else {
            ids.insert(id);
            doc.id = id;
            doc.url = id;
            doc.bytes = std::move(*utf8);
            batch.push_back(std::move(doc));
            batch_keys.push_back({p.feed_id, p.canonical, EvidenceOf(p.item), id});
            if (batch.size() >= kBatch) flush();
          }
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
