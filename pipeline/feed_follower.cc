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

// One Round(): the state that lives from the first poll to the last page.
// Sources are polled in waves: the stored ones; then what site pages
// announced (feeds, robots.txt's sitemaps, common-path probes) and what
// sitemap indexes list; and so on, so a site URL brings its articles in
// the same round. Then the new pages are fetched and handed to `ingest` in
// batches. Store failures are kept (the first one is the round's error)
// and the round goes on, so one failed write does not cost the fetches.
class FollowRound {
 public:
  FollowRound(FeedStore* store, Crawler* crawler, const FeedFollower::IngestFn& ingest,
              const FeedFollower::ProgressFn& progress)
      : store_(store), crawler_(crawler), ingest_(ingest), progress_(progress) {}

  Result<FollowStats> Run() {
    STORYFUSE_RETURN_IF_ERROR(PollSources());
    if (!store_error_.ok()) return store_error_;
    FetchPages();
    if (!store_error_.ok()) return store_error_;
    return stats_;
  }

 private:
  // Sites (HTML pages given as feeds) whose common paths are being probed.
  struct Probing {
    bool found = false;         // a probe found a feed
    bool has_sitemaps = false;  // robots.txt named sitemaps
    FeedRecord site;
  };

  void Keep(const Status& st) {
    if (!st.ok() && store_error_.ok()) store_error_ = st;
  }

  Status PollSources() {
    STORYFUSE_ASSIGN_OR_RETURN(std::vector<FeedRecord> listed, store_->List());
    std::vector<Source> sources;
    for (FeedRecord& f : listed) sources.push_back({std::move(f), 0});
    for (const Source& s : sources) polled_.insert(s.feed.id);
    for (int wave = 0; wave < FeedFollower::kMaxWaves && !sources.empty(); ++wave) {
      std::vector<CrawlJob> jobs;
      for (size_t i = 0; i < sources.size(); ++i) {
        const FeedRecord& f = sources[i].feed;
        jobs.push_back({{f.url, f.etag, f.last_modified}, i});
      }
      std::vector<std::optional<Result<FetchResponse>>> answers(sources.size());
      crawler_->Run(jobs, [&](const CrawlJob& job, Result<FetchResponse> r) { answers[job.tag] = std::move(r); });
      std::vector<Source> next;
      for (size_t i = 0; i < sources.size(); ++i) {
        Result<FetchResponse>& r = *answers[i];
        Status st = sources[i].probe_of != 0 ? OnProbe(sources[i], r) : OnSource(wave, sources[i].feed, r, &next);
        if (!st.ok()) return st;
      }
      SettleProbes(next);
      sources = std::move(next);
    }
    return Status::Ok();
  }

  // A common path of a site: a feed there is followed, anything else is no
  // news (most of them 404).
  Status OnProbe(const Source& source, Result<FetchResponse>& r) {
    Probing& site = probing_[source.probe_of];
    if (site.found || !r.ok() || !r->ok()) return Status::Ok();
    DecodeByHeader(&*r);
    Result<Feed> feed = FeedParser::Parse(r->body, r->final_url);
    if (!feed.ok()) return Status::Ok();
    site.found = true;
    STORYFUSE_ASSIGN_OR_RETURN(FeedRecord added, store_->Add(source.feed.url, ""));
    ++stats_.feeds_discovered;
    ++stats_.feeds;
    if (!polled_.insert(added.id).second) return Status::Ok();
    Keep(store_->RecordSuccess(added.id, r->etag, r->last_modified, feed->title, ""));
    return EnqueueAll(added.id, &*feed);
  }

  // A stored feed, sitemap or site page, or one found in an earlier wave.
  Status OnSource(int wave, const FeedRecord& f, Result<FetchResponse>& r, std::vector<Source>* next) {
    ++stats_.feeds;
    if (!r.ok()) return RecordFeedError(f.id, r.status().message());
    if (r->not_modified()) {
      ++stats_.feeds_not_modified;
      Keep(store_->RecordSuccess(f.id, f.etag, f.last_modified, f.title, ""));
      return Status::Ok();
    }
    if (!r->ok()) return RecordFeedError(f.id, f.url + ": HTTP " + std::to_string(r->status));
    DecodeByHeader(&*r);
    Result<Feed> feed = FeedParser::Parse(r->body, r->final_url);
    if (feed.ok()) {
      Keep(store_->RecordSuccess(f.id, r->etag, r->last_modified, feed->title, ""));
      return EnqueueAll(f.id, &*feed);
    }
    if (std::optional<Sitemap> map = AsSitemap(*r)) return OnSitemap(f, *r, *map, next);
    if (wave > 0 || !XmlInput::LooksLikeHtml(r->body))
      return RecordFeedError(f.id, f.url + ": " + feed.status().message());
    OnSitePage(f, *r, feed.status(), next);
    return Status::Ok();
  }

  Status OnSitemap(const FeedRecord& f, const FetchResponse& r, const Sitemap& map, std::vector<Source>* next) {
    if (map.kind == SitemapKind::kIndex) {
      Keep(store_->RecordSuccess(f.id, r.etag, r.last_modified, f.title, ""));
      for (const std::string& child : NewestSitemaps(map)) Keep(Discovered(child, next));
      return Status::Ok();
    }
    std::string title = !map.entries.empty() ? map.entries[0].news.publication_name : "";
    Keep(store_->RecordSuccess(f.id, r.etag, r.last_modified, title.empty() ? f.title : title, ""));
    for (const SitemapEntry& e : map.entries) STORYFUSE_RETURN_IF_ERROR(Enqueue(f.id, ItemOf(e)));
    return Status::Ok();
  }

  // A site's page: follow the feeds it announces, else those at the common
  // paths, and the sitemaps its robots.txt names. The site itself is then
  // removed: what it led to is followed in its place.
  void OnSitePage(const FeedRecord& f, const FetchResponse& r, const Status& not_a_feed, std::vector<Source>* next) {
    std::vector<DiscoveredFeed> announced = FeedDiscovery::FromHtml(r.body, r.final_url);
    for (const DiscoveredFeed& d : announced) Keep(Discovered(d.url, next));
    size_t from_robots = 0;
    for (const std::string& s : crawler_->RobotsSitemaps(r.final_url)) {
      Result<std::string> url = UrlCanonicalizer::Resolve(HostScheduler::HostKey(r.final_url) + "/robots.txt", s);
      if (!url.ok()) continue;
      Keep(Discovered(*url, next));
      ++from_robots;
    }
    if (announced.empty()) {
      std::vector<std::string> paths = FeedDiscovery::CommonPaths(r.final_url);
      for (const std::string& p : paths) {
        FeedRecord probe;
        probe.url = p;
        next->push_back({std::move(probe), f.id});
      }
      if (!paths.empty()) {
        probing_[f.id] = {false, from_robots > 0, f};
        return;
      }
    }
    if (announced.empty() && from_robots == 0) {
      Keep(RecordFeedError(f.id, f.url + ": " + not_a_feed.message()));
      return;
    }
    Keep(store_->Remove(f.id));
  }

  // Sites whose probes ended in this wave (none queued for the next):
  // replaced by what they gave, or failed when nothing was found.
  void SettleProbes(const std::vector<Source>& next) {
    if (std::any_of(next.begin(), next.end(), [](const Source& s) { return s.probe_of != 0; })) return;
    for (auto& [id, p] : probing_) {
      if (p.found || p.has_sitemaps) {
        Keep(store_->Remove(id));
      } else {
        ++stats_.feed_errors;
        Keep(store_->RecordError(id, p.site.url + ": " + kNoFeedFound, ""));
      }
    }
    probing_.clear();
  }

  // Counts a failed feed and records why. Never fails the round.
  Status RecordFeedError(int64_t feed_id, const std::string& message) {
    ++stats_.feed_errors;
    Keep(store_->RecordError(feed_id, message, ""));
    return Status::Ok();
  }

  // Adds a feed or sitemap found on the way, to poll in the next wave.
  Status Discovered(const std::string& url, std::vector<Source>* next) {
    STORYFUSE_ASSIGN_OR_RETURN(FeedRecord added, store_->Add(url, ""));
    ++stats_.feeds_discovered;
    if (polled_.insert(added.id).second) next->push_back({added, 0});
    return Status::Ok();
  }

  Status EnqueueAll(int64_t feed_id, Feed* feed) {
    for (FeedItem& item : feed->items) STORYFUSE_RETURN_IF_ERROR(Enqueue(feed_id, std::move(item)));
    return Status::Ok();
  }

  // A new page of feed `feed_id`, unless seen or already queued.
  Status Enqueue(int64_t feed_id, FeedItem item) {
    if (item.link.empty()) return Status::Ok();
    Result<std::string> canonical = UrlCanonicalizer::Canonicalize(item.link);
    if (!canonical.ok() || queued_.count(*canonical)) return Status::Ok();
    STORYFUSE_ASSIGN_OR_RETURN(bool seen, store_->Seen(*canonical));
    if (seen) return Status::Ok();
    queued_.insert(*canonical);
    pages_.push_back({feed_id, *canonical, std::move(item)});
    return Status::Ok();
  }

  void FetchPages() {
    std::vector<CrawlJob> jobs;
    for (size_t i = 0; i < pages_.size(); ++i) jobs.push_back({{pages_[i].item.link, "", ""}, i});
    crawler_->Run(jobs, [&](const CrawlJob& job, Result<FetchResponse> r) {
      OnPage(pages_[job.tag], std::move(r));
      if (progress_) progress_(stats_);
    });
    Flush();
  }

  void OnPage(const PageTask& p, Result<FetchResponse> r) {
    if (!r.ok()) {
      // Size cap and redirect loops are the page's own doing (InvalidArgument
      // from the fetcher would say so); transport failures pass.
      const std::string& m = r.status().message();
      bool permanent = m.find("byte limit") != std::string::npos || m.find("too many redirects") != std::string::npos;
      return PageFailed(p, m, permanent);
    }
    ++stats_.pages_fetched;
    if (!r->ok()) return PageFailed(p, p.item.link + ": HTTP " + std::to_string(r->status), PermanentStatus(r->status));
    Result<std::string> utf8 = CharsetDecoder::ToUtf8(r->body, r->charset, true);
    if (!utf8.ok()) return PageFailed(p, p.item.link + ": " + utf8.status().message(), true);
    // The page's rel="canonical" identifies the article, so one page
    // reached by two links (an AMP copy, a section path) is stored once.
    std::string id = FeedDiscovery::CanonicalUrl(*utf8, r->final_url);
    if (id.empty()) id = p.canonical;
    if (id != p.canonical && StoredBefore(id)) {
      Keep(store_->MarkSeen(p.feed_id, p.canonical, id, "", "", EvidenceOf(p.item)));
      return;
    }
    ids_.insert(id);
    batch_.push_back(PageDoc(p, id, std::move(*utf8)));
    batch_keys_.push_back({p.feed_id, p.canonical, EvidenceOf(p.item), id});
    if (batch_.size() >= FeedFollower::kBatch) Flush();
  }

  // True when article `id` was sent to ingest this round or stored before.
  bool StoredBefore(const std::string& id) {
    Result<bool> seen = store_->Seen(id);
    Keep(seen.status());
    return ids_.count(id) > 0 || (seen.ok() && *seen);
  }

  // The page as a document; the page wins where it says more, and the
  // feed's word is kept as evidence in feed_items.
  static RawDoc PageDoc(const PageTask& p, const std::string& id, std::string utf8) {
    RawDoc doc;
    doc.source = p.item.link;
    doc.format = DocFormat::kHtml;
    doc.listed_title = p.item.title;
    doc.listed_published = p.item.published;
    if (!p.item.author.empty()) doc.listed_authors.push_back(p.item.author);
    doc.id = id;
    doc.url = id;
    doc.bytes = std::move(utf8);
    return doc;
  }

  void PageFailed(const PageTask& p, const std::string& message, bool permanent) {
    ++stats_.page_errors;
    Keep(store_->RecordError(p.feed_id, message, ""));
    if (permanent) Keep(store_->MarkSeen(p.feed_id, p.canonical, "", message, "", EvidenceOf(p.item)));
  }

  void Flush() {
    if (batch_.empty()) return;
    Result<std::vector<IngestOutcome>> out = ingest_(std::move(batch_));
    if (!out.ok()) Keep(out.status());
    for (size_t k = 0; out.ok() && k < out->size() && k < batch_keys_.size(); ++k) Record((*out)[k], batch_keys_[k]);
    batch_.clear();
    batch_keys_.clear();
  }

  void Record(const IngestOutcome& o, const Pending& key) {
    if (o.status == "rejected")
      return PageFailed({key.feed_id, key.canonical, {}}, key.canonical + ": " + o.error, true);
    if (o.status == "created" || o.status == "updated") ++stats_.pages_stored;
    Keep(store_->MarkSeen(key.feed_id, key.canonical, o.stored_id, "", "", key.evidence));
    // The canonical URL too, so a feed listing it later costs no fetch.
    if (key.id != key.canonical) Keep(store_->MarkSeen(key.feed_id, key.id, o.stored_id, "", "", key.evidence));
  }

  FeedStore* store_;
  Crawler* crawler_;
  const FeedFollower::IngestFn& ingest_;
  const FeedFollower::ProgressFn& progress_;
  FollowStats stats_;
  Status store_error_;
  std::map<int64_t, Probing> probing_;
  std::set<int64_t> polled_;
  std::set<std::string> queued_;
  std::vector<PageTask> pages_;
  std::vector<RawDoc> batch_;
  std::vector<Pending> batch_keys_;
  std::set<std::string> ids_;  // articles sent to `ingest` this round
};

}  // namespace

FeedFollower::FeedFollower(FeedStore* store, Crawler* crawler, IngestFn ingest)
    : store_(store), crawler_(crawler), ingest_(std::move(ingest)) {}

Result<FollowStats> FeedFollower::Round() { return FollowRound(store_, crawler_, ingest_, progress_).Run(); }

}  // namespace storyfuse
