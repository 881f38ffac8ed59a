// FeedsApi: the routes of the feeds a server follows (`serve --follow`),
// over a FollowerThread:
//
//   GET    /api/feeds        {"feeds": [feed...], "interval_seconds", "round": {...}}
//   POST   /api/feeds        {"url": U} | {"urls": [U...]} | {"opml": TEXT}
//                            (any of them together) -> {"added": [feed...], "errors": [...]}
//   DELETE /api/feeds/{id}   -> {"deleted": id}
//
// A feed is {"id", "url", "title", "health" ("new", "ok" or "failing"),
// "added_at", "last_fetch", "last_success", "last_error", "error_count",
// "items_seen", "articles"} (docs/server.md). Writes are admitted by
// ApiRouter first (Host, Origin, Content-Type application/json, --token),
// as every write.
//
// Errors as ApiRouter's: 400 for a body that is not such a JSON object or
// names no usable feed, 404 for an unknown id, 405 for another method, 500
// when the store fails. Thread-safe; does not own the follower.
#ifndef STORYFUSE_SERVER_FEEDS_API_H_
#define STORYFUSE_SERVER_FEEDS_API_H_

#include "pipeline/follower_thread.h"
#include "server/http_types.h"

namespace storyfuse {

class FeedsApi {
 public:
  explicit FeedsApi(FollowerThread* follower) : follower_(follower) {}

  // True for the paths above (whatever the method).
  static bool Serves(const std::string& path);
  HttpResponse Handle(const HttpRequest& request);

 private:
  HttpResponse List();
  HttpResponse Add(const HttpRequest& request);
  HttpResponse Remove(const std::string& id);

  FollowerThread* follower_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_SERVER_FEEDS_API_H_
