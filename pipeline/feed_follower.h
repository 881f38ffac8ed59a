// FeedFollower: one polling round over the feeds in a FeedStore. Every feed
// is fetched (conditionally, with its stored ETag and Last-Modified) through
// the Crawler; each new item's page (by canonical URL, across all feeds, so
// a page reached by two feeds or a feed whose GUIDs change on every fetch
// costs one fetch) is fetched, decoded to UTF-8 (CharsetDecoder, the
// Content-Type's charset first) and handed, in batches, to the `ingest`
// function as a RawDoc whose container metadata are the feed item's (title,
// date, author; the canonical URL as url and id): StoryRepository::Ingest,
// the call POST /api/articles makes, which extracts, clusters, briefs and
// stores, and rejects a page that is no article.
//
// A feed URL that answers an HTML page announcing feeds (<link
// rel="alternate">, FeedDiscovery) is a site: the feeds it announces are
// added to the store in its place and polled in the same round.
//
// Failures never stop the round: a feed that fails (transport error, HTTP
// error status, a body that is not a feed) or whose page fails gets a
// per-feed error state in the store (FeedStore::RecordError, the message
// naming the URL) and the other feeds go on. A page refused for good (4xx,
// over the size cap, a redirect loop, not an article, undecodable) is
// recorded as seen with its error, so it is not fetched again; a page that
// failed for a passing reason (timeout, 5xx, no connection) is fetched
// again next round. A page is recorded as seen only after `ingest` stored
// it, so a crash in between loses nothing.
//
// Thread safety: Round() may not run concurrently; it uses the FeedStore
// and `ingest` from the crawler's threads one at a time.
#ifndef STORYFUSE_PIPELINE_FEED_FOLLOWER_H_
#define STORYFUSE_PIPELINE_FEED_FOLLOWER_H_

#include <functional>
#include <vector>

#include "base/status.h"
#include "feed/crawler.h"
#include "ingest/raw_doc.h"
#include "pipeline/story_repository.h"
#include "store/feed_store.h"

namespace storyfuse {

struct FollowStats {
  size_t feeds = 0;
  size_t feeds_not_modified = 0;  // answered 304
  size_t feed_errors = 0;
  size_t pages_fetched = 0;  // page requests answered (any status)
  size_t pages_stored = 0;   // articles ingest created or updated
  size_t page_errors = 0;
  size_t feeds_discovered = 0;  // feeds added from site pages
};

class FeedFollower {
 public:
  using IngestFn = std::function<Result<std::vector<IngestOutcome>>(std::vector<RawDoc>)>;
  using ProgressFn = std::function<void(const FollowStats&)>;

  // Pages handed to `ingest` at once: clustering a batch together is
  // cheaper than one by one, and 100 pages is a few MB of memory.
  static constexpr size_t kBatch = 100;
  // Waves of sources in one round: the stored feeds; what a site's page
  // announced (feeds, robots.txt's sitemaps, probes of the common paths);
  // a sitemap index's sitemaps; an index listed by robots.txt's children.
  static constexpr int kMaxWaves = 4;

  // `store` and `crawler` must outlive the follower.
  FeedFollower(FeedStore* store, Crawler* crawler, IngestFn ingest);

  // Called after every page (from a crawler thread, one call at a time).
  void set_progress(ProgressFn fn) { progress_ = std::move(fn); }

  // Polls every feed once and fetches what is new. Errors only when the
  // store fails; feed and page failures are recorded, not returned.
  Result<FollowStats> Round();

 private:
  FeedStore* store_;
  Crawler* crawler_;
  IngestFn ingest_;
  ProgressFn progress_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_PIPELINE_FEED_FOLLOWER_H_
