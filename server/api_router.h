// ApiRouter: the server's routes as one function HttpRequest ->
// HttpResponse, independent of the HTTP library.
//
//   GET  /                      the web page (and its /app.js, /app.css)
//   GET  /api/stories           ?q= &since= &limit= &offset=
//   GET  /api/stories/{id}      the story's brief
//   GET  /api/articles/{id}     the article with spans, analyses, versions
//   GET  /api/search            ?q= &limit=
//   POST /api/articles          JSON object, JSON array or JSON Lines
//   POST /api/corrections       an editor's corrections, the same shapes
//                               (pipeline/correction_json.h)
//   GET  /healthz, GET /metrics (Prometheus text; ?format=json for JSON)
//   GET, POST /api/feeds, DELETE /api/feeds/{id}   server/feeds_api.h,
//                               when set_feeds gave one (else 404)
//
// Errors are JSON {"error": message, "status": code}: 400 for a bad
// parameter or body, 404 for an unknown id or path, 405 for a wrong
// method (OPTIONS included: there is no CORS), 500 when the repository
// fails, 503 when a search runs out of its time budget.
//
// Access (Admit, also applied by Handle): every request's Host must be a
// name of this server: an IP address, "localhost" (or *.localhost), or one
// of ApiAccess::host_names, so a DNS-rebound name cannot reach it (403). A
// write (POST, PUT, PATCH, DELETE) must come from no page or a page of the
// same origin: an Origin header, when sent, must be http(s)://<Host> (403);
// must carry Content-Type application/json or application/x-ndjson (415),
// the types a cross-origin page cannot send without asking first; and,
// when ApiAccess::token is set, "Authorization: Bearer <token>" (401).
//
// Thread-safe when the repository is; the router keeps no request state.
// Does not own the repository or the metrics.
#ifndef STORYFUSE_SERVER_API_ROUTER_H_
#define STORYFUSE_SERVER_API_ROUTER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/story_repository.h"
#include "server/feeds_api.h"
#include "server/http_types.h"
#include "server/server_metrics.h"

namespace storyfuse {

struct ApiAccess {
  // Non-empty: writes need "Authorization: Bearer <token>".
  std::string token;
  // Names the server answers to besides IP addresses and localhost, lower
  // case, without port (e.g. "news.example.org").
  std::vector<std::string> host_names;
};

class ApiRouter {
 public:
  ApiRouter(StoryRepository* repository, ServerMetrics* metrics, ApiAccess access = {});

  // Answers one request and records it in the metrics.
  HttpResponse Handle(const HttpRequest& request);

  // The access rules above, from the request's head alone (the server
  // calls it before reading a body): a refusal, or nullopt to go on.
  std::optional<HttpResponse> Admit(const HttpRequest& request) const;

  // Serves /api/feeds from `feeds` (not owned; `serve --follow`).
  void set_feeds(FeedsApi* feeds) { feeds_ = feeds; }

  // The JSON error body every route uses.
  static HttpResponse Error(int status, std::string_view message);

 private:
  HttpResponse Route(const HttpRequest& request, std::string* route);
  HttpResponse ListStories(const HttpRequest& request);
  HttpResponse GetStory(const std::string& id);
  HttpResponse GetArticle(const std::string& id);
  HttpResponse SearchAll(const HttpRequest& request);
  HttpResponse PostArticles(const HttpRequest& request);
  HttpResponse PostCorrections(const HttpRequest& request);
  HttpResponse Health();
  HttpResponse Metrics(const HttpRequest& req);

  StoryRepository* repository_;
  ServerMetrics* metrics_;
  ApiAccess access_;
  FeedsApi* feeds_ = nullptr;
};

}  // namespace storyfuse

#endif  // STORYFUSE_SERVER_API_ROUTER_H_
