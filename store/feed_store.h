// FeedStore: the state of the feeds storyfuse follows (schema 5, in the
// same SQLite file as the articles; docs/store.md): each feed's validators
// (ETag, Last-Modified), its last fetch and last success, its last error
// with the count of consecutive errors, and the items it has seen, keyed by
// the canonical URL of the item's page. An item is recorded as seen only
// once its page is settled (stored, or refused for good), so a restart
// fetches no stored page again, and a kill -9 before that loses nothing:
// the page is fetched again.
//
// Open() opens the store through ArticleStore, which migrates the schema,
// and then keeps its own connection.
//
// Thread safety: not thread-safe; one FeedStore per thread. Several
// processes may share the file (WAL, busy timeout).
#ifndef STORYFUSE_STORE_FEED_STORE_H_
#define STORYFUSE_STORE_FEED_STORE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/database.h"

namespace storyfuse {

struct FeedRecord {
  int64_t id = 0;
  std::string url;
  std::string title;
  std::string etag;
  std::string last_modified;
  std::string added_at;
  std::string last_fetch;    // last attempt, "" when never
  std::string last_success;  // last 200 or 304, "" when never
  std::string last_error;    // names the URL; "" after a success
  int64_t error_count = 0;   // consecutive rounds with an error
  int64_t items_seen = 0;
  int64_t articles = 0;  // distinct stored articles its items brought
};

// What a feed or sitemap said of an item (issue #24: "the feed's own
// title, date, author and summary are kept as evidence"), beside what the
// page says in the stored article.
struct FeedItemEvidence {
  std::string title;
  std::string published;  // UTC, as FeedDate gives it
  std::string author;
  std::string summary;  // plain text
};

class FeedStore {
 public:
  // The SQL that schema 5 adds (run by ArticleStore's migration).
  static const char* const kSchemaV5;
  // Schema 7: the feed's evidence columns on feed_items.
  static const char* const kSchemaV7;

  static Result<std::unique_ptr<FeedStore>> Open(const std::string& path);

  // Adds the feed at `url` (as given) unless present; returns its record.
  Result<FeedRecord> Add(const std::string& url, const std::string& now);
  Result<std::vector<FeedRecord>> List();
  Result<std::optional<FeedRecord>> Get(int64_t id);
  // Removes a feed and its seen items (not the articles). NotFound if absent.
  Status Remove(int64_t id);

  // A fetch that answered 200 or 304: keeps the new validators (empty ones
  // clear the old), sets last_success and clears the error.
  Status RecordSuccess(int64_t id, const std::string& etag, const std::string& last_modified, const std::string& title,
                       const std::string& now);
  // A fetch, parse or page failure; `message` names the URL.
  Status RecordError(int64_t id, const std::string& message, const std::string& now);

  // True when any feed has seen the page `canonical_url`.
  Result<bool> Seen(const std::string& canonical_url);
  // Records `canonical_url` as seen by feed `id`, with the stored article's
  // id ("" when the page was refused, then `error` says why).
  // `evidence` is what the feed said of the item.
  Status MarkSeen(int64_t id, const std::string& canonical_url, const std::string& article_id, const std::string& error,
                  const std::string& now, const FeedItemEvidence& evidence = {});
  // What the first feed to list `canonical_url` said of it; nullopt when
  // no feed has seen it.
  Result<std::optional<FeedItemEvidence>> Evidence(const std::string& canonical_url);

 private:
  explicit FeedStore(std::unique_ptr<Database> db) : db_(std::move(db)) {}
  std::unique_ptr<Database> db_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_STORE_FEED_STORE_H_
