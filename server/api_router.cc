#include "server/api_router.h"

#include <charconv>
#include <chrono>

#include "server/article_payload.h"
#include "server/web_assets.h"

namespace storyfuse {
namespace {

using nlohmann::json;

constexpr int kMaxLimit = 200;
constexpr std::string_view kStoriesPrefix = "/api/stories/";
constexpr std::string_view kArticlesPrefix = "/api/articles/";

HttpResponse JsonResponse(const json& j, int status = 200) {
  HttpResponse r;
  r.status = status;
  r.body = j.dump(-1, ' ', false, json::error_handler_t::replace);
  r.cache_control = "no-store";
  return r;
}

int StatusFor(const Status& st) {
  switch (st.code()) {
    case Status::Code::kNotFound: return 404;
    case Status::Code::kInvalidArgument: return 400;
    default: return 500;
  }
}

// Parses an integer parameter in [lo, hi]; absent gives `fallback`.
Status IntParam(const HttpRequest& req, const char* name, int lo, int hi, int fallback, int* out) {
  *out = fallback;
  auto it = req.params.find(name);
  if (it == req.params.end() || it->second.empty()) return Status::Ok();
  const std::string& v = it->second;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), *out);
  if (ec != std::errc() || end != v.data() + v.size() || *out < lo || *out > hi) {
    return Status::InvalidArgument(std::string(name) + " must be an integer from " + std::to_string(lo) +
                                   " to " + std::to_string(hi) + ", got \"" + v + "\"");
  }
  return Status::Ok();
}

std::string Param(const HttpRequest& req, const char* name) {
  auto it = req.params.find(name);
  return it == req.params.end() ? "" : it->second;
}

// ISO 8601 date or date-time: YYYY-MM-DD, optionally followed by T...
bool LooksLikeIsoDate(const std::string& s) {
  if (s.size() < 10 || (s.size() > 10 && s[10] != 'T')) return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return s[4] == '-' && s[7] == '-';
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

json SummaryJson(const StorySummary& s) {
  auto str = [](const std::string& v) { return v.empty() ? json(nullptr) : json(v); };
  return {{"id", s.id},         {"headline", str(s.headline)},
          {"articles", s.articles}, {"outlets", s.outlets},
          {"independent_sources", s.independent_sources},
          {"updated", str(s.updated)}, {"published", str(s.published)}};
}

}  // namespace

ApiRouter::ApiRouter(StoryRepository* repository, ServerMetrics* metrics)
    : repository_(repository), metrics_(metrics) {}

HttpResponse ApiRouter::Error(int status, std::string_view message) {
  return JsonResponse({{"error", message}, {"status", status}}, status);
}

HttpResponse ApiRouter::Handle(const HttpRequest& request) {
  auto start = std::chrono::steady_clock::now();
  std::string route = "other";
  HttpResponse response = Route(request, &route);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (metrics_) metrics_->RecordRequest(route, response.status, seconds);
  return response;
}

HttpResponse ApiRouter::Route(const HttpRequest& req, std::string* route) {
  const std::string& p = req.path;
  bool get = req.method == "GET" || req.method == "HEAD";
  auto only = [&](bool allowed, const char* name, auto handler) {
    *route = name;
    return allowed ? handler() : Error(405, "method " + req.method + " not allowed on " + p);
  };
  if (p == "/api/stories") return only(get, "stories", [&] { return ListStories(req); });
  if (StartsWith(p, kStoriesPrefix) && p.size() > kStoriesPrefix.size()) {
    return only(get, "story", [&] { return GetStory(p.substr(kStoriesPrefix.size())); });
  }
  if (p == "/api/articles") return only(req.method == "POST", "ingest", [&] { return PostArticles(req); });
  if (StartsWith(p, kArticlesPrefix) && p.size() > kArticlesPrefix.size()) {
    return only(get, "article", [&] { return GetArticle(p.substr(kArticlesPrefix.size())); });
  }
  if (p == "/api/search") return only(get, "search", [&] { return SearchAll(req); });
  if (p == "/healthz") return only(get, "healthz", [&] { return Health(); });
  if (p == "/metrics") return only(get, "metrics", [&] { return Metrics(); });
  if (const WebAsset* asset = FindWebAsset(p)) {
    return only(get, "page", [&] {
      return HttpResponse{200, std::string(asset->content_type), std::string(asset->body), "no-cache", ""};
    });
  }
  return Error(404, "no route for " + req.method + " " + p);
}

HttpResponse ApiRouter::ListStories(const HttpRequest& req) {
  StoryQuery query;
  query.q = Param(req, "q");
  query.since = Param(req, "since");
  if (!query.since.empty() && !LooksLikeIsoDate(query.since)) {
    return Error(400, "since must be an ISO 8601 date (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ), got \"" +
                          query.since + "\"");
  }
  Status st = IntParam(req, "limit", 1, kMaxLimit, 20, &query.limit);
  if (st.ok()) st = IntParam(req, "offset", 0, 1 << 30, 0, &query.offset);
  if (!st.ok()) return Error(400, st.message());
  Result<StoryList> list = repository_->ListStories(query);
  if (!list.ok()) return Error(StatusFor(list.status()), list.status().message());
  json stories = json::array();
  for (const StorySummary& s : list->stories) stories.push_back(SummaryJson(s));
  return JsonResponse({{"stories", stories}, {"total", list->total}, {"limit", query.limit},
                       {"offset", query.offset}});
}

HttpResponse ApiRouter::GetStory(const std::string& id) {
  Result<std::string> brief = repository_->StoryBriefJson(id);
  if (!brief.ok()) return Error(StatusFor(brief.status()), brief.status().message());
  HttpResponse r;
  r.body = std::move(brief).value();
  r.cache_control = "no-store";
  return r;
}

HttpResponse ApiRouter::GetArticle(const std::string& id) {
  Result<json> article = repository_->ArticleJson(id);
  if (!article.ok()) return Error(StatusFor(article.status()), article.status().message());
  return JsonResponse(*article);
}

HttpResponse ApiRouter::SearchAll(const HttpRequest& req) {
  std::string q = Param(req, "q");
  if (q.find_first_not_of(" \t") == std::string::npos) return Error(400, "missing q: give words to search for");
  int limit = 0;
  if (Status st = IntParam(req, "limit", 1, kMaxLimit, 20, &limit); !st.ok()) return Error(400, st.message());
  Result<std::vector<SearchResult>> hits = repository_->Search(q, limit);
  if (!hits.ok()) return Error(StatusFor(hits.status()), hits.status().message());
  json stories = json::array(), articles = json::array();
  for (const SearchResult& h : *hits) {
    json j = {{"id", h.id}, {"title", h.title}, {"snippet", h.snippet}, {"score", h.score}};
    if (h.kind == "article") j["story"] = h.story_id;
    (h.kind == "story" ? stories : articles).push_back(std::move(j));
  }
  return JsonResponse({{"q", q}, {"stories", stories}, {"articles", articles}});
}

HttpResponse ApiRouter::PostArticles(const HttpRequest& req) {
  auto start = std::chrono::steady_clock::now();
  Result<std::vector<RawDoc>> docs = ParseArticlePayload(req.content_type, req.body);
  if (!docs.ok()) return Error(400, docs.status().message());
  size_t n = docs->size();
  Result<std::vector<IngestOutcome>> outcomes = repository_->Ingest(std::move(docs).value());
  if (!outcomes.ok()) return Error(StatusFor(outcomes.status()), outcomes.status().message());
  json items = json::array();
  int rejected = 0;
  for (const IngestOutcome& o : *outcomes) {
    json j = {{"id", o.id}, {"status", o.status}, {"story", o.story_id.empty() ? json(nullptr) : json(o.story_id)}};
    if (!o.error.empty()) j["error"] = o.error;
    rejected += o.status == "rejected";
    items.push_back(std::move(j));
  }
  if (metrics_) {
    metrics_->RecordIngest(n, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  // 422 only when nothing could be used; otherwise each item says what happened.
  int status = rejected == static_cast<int>(n) ? 422 : 200;
  return JsonResponse({{"articles", items}, {"rejected", rejected}}, status);
}

HttpResponse ApiRouter::Health() {
  Result<RepositoryStats> stats = repository_->Stats();
  if (!stats.ok()) return Error(503, stats.status().message());
  return JsonResponse({{"status", "ok"}});
}

HttpResponse ApiRouter::Metrics() {
  json j = metrics_ ? metrics_->ToJson() : json::object();
  Result<RepositoryStats> stats = repository_->Stats();
  if (stats.ok()) {
    j["counts"] = {{"articles", stats->articles}, {"versions", stats->versions}, {"stories", stats->stories}};
  }
  return JsonResponse(j);
}

}  // namespace storyfuse
