// ApiRouter: the server's routes as one function HttpRequest ->
// HttpResponse, independent of the HTTP library.
//
//   GET  /                      the web page (and its /app.js, /app.css)
//   GET  /api/stories           ?q= &since= &limit= &offset=
//   GET  /api/stories/{id}      the story's brief
//   GET  /api/articles/{id}     the article with spans, analyses, versions
//   GET  /api/search            ?q= &limit=
//   POST /api/articles          JSON object, JSON array or JSON Lines
//   GET  /healthz, GET /metrics
//
// Errors are JSON {"error": message, "status": code}: 400 for a bad
// parameter or body, 404 for an unknown id or path, 405 for a wrong
// method, 500 when the repository fails.
//
// Thread-safe when the repository is; the router keeps no request state.
// Does not own the repository or the metrics.
#ifndef STORYFUSE_SERVER_API_ROUTER_H_
#define STORYFUSE_SERVER_API_ROUTER_H_

#include <string>
#include <string_view>

#include "server/http_types.h"
#include "server/server_metrics.h"
#include "server/story_repository.h"

namespace storyfuse {

class ApiRouter {
 public:
  ApiRouter(StoryRepository* repository, ServerMetrics* metrics);

  // Answers one request and records it in the metrics.
  HttpResponse Handle(const HttpRequest& request);

  // The JSON error body every route uses.
  static HttpResponse Error(int status, std::string_view message);

 private:
  HttpResponse Route(const HttpRequest& request, std::string* route);
  HttpResponse ListStories(const HttpRequest& request);
  HttpResponse GetStory(const std::string& id);
  HttpResponse GetArticle(const std::string& id);
  HttpResponse SearchAll(const HttpRequest& request);
  HttpResponse PostArticles(const HttpRequest& request);
  HttpResponse Health();
  HttpResponse Metrics();

  StoryRepository* repository_;
  ServerMetrics* metrics_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_SERVER_API_ROUTER_H_
