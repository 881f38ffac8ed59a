#include "server/api_router.h"

#include <algorithm>
#include <charconv>
#include <chrono>

#include "pipeline/correction_json.h"
#include "server/article_payload.h"
#include "server/json_response.h"
#include "server/prometheus_text.h"
#include "server/web_assets.h"
#include "text/ascii_chars.h"

namespace storyfuse {
namespace {

using nlohmann::json;

constexpr int kMaxLimit = 200;
constexpr std::string_view kStoriesPrefix = "/api/stories/";
constexpr std::string_view kArticlesPrefix = "/api/articles/";

int StatusFor(const Status& st) {
  switch (st.code()) {
    case Status::Code::kNotFound:
      return 404;
    case Status::Code::kInvalidArgument:
      return 400;
    case Status::Code::kUnsupported:
      return 503;  // a query stopped (budget, client gone)
    default:
      return 500;
  }
}

bool IsWrite(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

// "name:port" or "[v6]:port" -> name (lower case), without the port.
std::string HostName(std::string_view host) {
  if (!host.empty() && host.front() == '[') return AsciiLower(host.substr(0, host.find(']') + 1));
  return AsciiLower(host.substr(0, host.find(':')));
}

bool IsIpLiteral(const std::string& name) {
  if (name.size() > 2 && name.front() == '[' && name.back() == ']') {
    return name.find_first_not_of("0123456789abcdef:.", 1) == name.size() - 1;
  }
  int dots = 0;
  for (char c : name) {
    if (c == '.')
      ++dots;
    else if (c < '0' || c > '9')
      return false;
  }
  return dots == 3;
}

// A page's origin "http://host:port" -> "host:port" (lower case); "" for
// anything else ("null", other schemes).
std::string OriginAuthority(std::string_view origin) {
  for (std::string_view scheme : {"http://", "https://"}) {
    if (origin.substr(0, scheme.size()) == scheme) return AsciiLower(origin.substr(scheme.size()));
  }
  return "";
}

// Compares without leaking how much of the token matched.
bool SameSecret(std::string_view a, std::string_view b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i % (b.empty() ? 1 : b.size())]);
  return diff == 0 && !b.empty();
}

int DaysIn(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// Parses an integer parameter in [lo, hi]; absent gives `fallback`.
Status IntParam(const HttpRequest& req, const char* name, int lo, int hi, int fallback, int* out) {
  *out = fallback;
  auto it = req.params.find(name);
  if (it == req.params.end() || it->second.empty()) return Status::Ok();
  const std::string& v = it->second;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), *out);
  if (ec != std::errc() || end != v.data() + v.size() || *out < lo || *out > hi) {
    return Status::InvalidArgument(std::string(name) + " must be an integer from " + std::to_string(lo) + " to " +
                                   std::to_string(hi) + ", got \"" + v + "\"");
  }
  return Status::Ok();
}

std::string Param(const HttpRequest& req, const char* name) {
  auto it = req.params.find(name);
  return it == req.params.end() ? "" : it->second;
}

// Digits s[at, at+n) as a number, or -1.
int Digits(const std::string& s, size_t at, size_t n) {
  if (at + n > s.size()) return -1;
  int v = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

// A real ISO 8601 date, YYYY-MM-DD, or date-time YYYY-MM-DDThh:mm[:ss]
// with an optional Z or +hh:mm / -hh:mm: the month, day, hour and minute
// must exist (2025-13-45 does not).
bool IsIsoDate(const std::string& s) {
  int year = Digits(s, 0, 4), month = Digits(s, 5, 2), day = Digits(s, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || s[4] != '-' || s[7] != '-') return false;
  if (day > DaysIn(year, month)) return false;
  if (s.size() == 10) return true;
  if (s[10] != 'T' || Digits(s, 11, 2) < 0 || Digits(s, 11, 2) > 23 || s.size() < 16 || s[13] != ':' ||
      Digits(s, 14, 2) < 0 || Digits(s, 14, 2) > 59) {
    return false;
  }
  size_t at = 16;
  if (at < s.size() && s[at] == ':') {
    if (Digits(s, at + 1, 2) < 0 || Digits(s, at + 1, 2) > 60) return false;
    at += 3;
  }
  std::string zone = s.substr(at);
  if (zone.empty() || zone == "Z") return true;
  return zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && Digits(zone, 1, 2) >= 0 &&
         Digits(zone, 1, 2) <= 23 && zone[3] == ':' && Digits(zone, 4, 2) >= 0 && Digits(zone, 4, 2) <= 59;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

json SummaryJson(const StorySummary& s) {
  auto str = [](const std::string& v) { return v.empty() ? json(nullptr) : json(v); };
  return {{"id", s.id},
          {"headline", str(s.headline)},
          {"articles", s.articles},
          {"outlets", s.outlets},
          {"independent_sources", s.independent_sources},
          {"updated", str(s.updated)},
          {"published", str(s.published)}};
}

}  // namespace

ApiRouter::ApiRouter(StoryRepository* repository, ServerMetrics* metrics, ApiAccess access)
    : repository_(repository), metrics_(metrics), access_(std::move(access)) {
  for (std::string& name : access_.host_names) name = AsciiLower(name);
}

std::optional<HttpResponse> ApiRouter::Admit(const HttpRequest& req) const {
  std::string name = HostName(req.host);
  if (!req.host.empty() && !IsIpLiteral(name) && name != "localhost" && !name.ends_with(".localhost") &&
      std::find(access_.host_names.begin(), access_.host_names.end(), name) == access_.host_names.end()) {
    return Error(403, "Host \"" + req.host.substr(0, 100) +
                          "\" is not a name of this server (add it with serve --allowed-host)");
  }
  if (!IsWrite(req.method)) return std::nullopt;
  if (!req.origin.empty() && OriginAuthority(req.origin) != AsciiLower(req.host)) {
    return Error(403, "cross-origin write refused: Origin \"" + req.origin.substr(0, 100) + "\" is not this server's");
  }
  if (!access_.token.empty()) {
    std::string_view auth = req.authorization;
    constexpr std::string_view kBearer = "Bearer ";
    if (auth.substr(0, kBearer.size()) != kBearer || !SameSecret(auth.substr(kBearer.size()), access_.token)) {
      return Error(401, "writes need \"Authorization: Bearer <token>\" with the server's token");
    }
  }
  if (req.content_type != "application/json" && req.content_type != "application/x-ndjson") {
    return Error(415, "a write needs Content-Type application/json or application/x-ndjson, got \"" +
                          req.content_type.substr(0, 100) + "\"");
  }
  return std::nullopt;
}

HttpResponse ApiRouter::Error(int status, std::string_view message) {
  return JsonResponse({{"error", message}, {"status", status}}, status);
}

HttpResponse ApiRouter::Handle(const HttpRequest& request) {
  auto start = std::chrono::steady_clock::now();
  std::string route = "other";
  std::optional<HttpResponse> refused = Admit(request);
  HttpResponse response = refused ? std::move(*refused) : Route(request, &route);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (metrics_) metrics_->RecordRequest(route, response.status, seconds);
  return response;
}

HttpResponse ApiRouter::Route(const HttpRequest& req, std::string* route) {
  const std::string& p = req.path;
  bool get = req.method == "GET" || req.method == "HEAD";
  auto only = [&](bool allowed, const char* name, auto handler) {
    *route = name;
    if (allowed) return handler();
    HttpResponse r = Error(405, "method " + req.method + " not allowed on " + p);
    r.allow = std::string_view(name) == "ingest" || std::string_view(name) == "correct" ? "POST" : "GET, HEAD";
    return r;
  };
  if (p == "/api/stories") return only(get, "stories", [&] { return ListStories(req); });
  if (StartsWith(p, kStoriesPrefix) && p.size() > kStoriesPrefix.size()) {
    return only(get, "story", [&] { return GetStory(p.substr(kStoriesPrefix.size())); });
  }
  if (p == "/api/articles") return only(req.method == "POST", "ingest", [&] { return PostArticles(req); });
  if (p == "/api/corrections") return only(req.method == "POST", "correct", [&] { return PostCorrections(req); });
  if (StartsWith(p, kArticlesPrefix) && p.size() > kArticlesPrefix.size()) {
    return only(get, "article", [&] { return GetArticle(p.substr(kArticlesPrefix.size())); });
  }
  if (p == "/api/search") return only(get, "search", [&] { return SearchAll(req); });
  if (FeedsApi::Serves(p)) {
    *route = "feeds";
    if (feeds_ == nullptr) return Error(404, "this server follows no feeds: start it with serve --follow");
    return feeds_->Handle(req);
  }
  if (p == "/healthz") return only(get, "healthz", [&] { return Health(); });
  if (p == "/metrics") return only(get, "metrics", [&] { return Metrics(req); });
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
  query.control.client_gone = req.client_gone;
  if (!query.since.empty() && !IsIsoDate(query.since)) {
    return Error(400,
                 "since must be an ISO 8601 date (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ), got \"" + query.since + "\"");
  }
  Status st = IntParam(req, "limit", 1, kMaxLimit, 20, &query.limit);
  if (st.ok()) st = IntParam(req, "offset", 0, 1 << 30, 0, &query.offset);
  if (!st.ok()) return Error(400, st.message());
  Result<StoryList> list = repository_->ListStories(query);
  if (!list.ok()) return Error(StatusFor(list.status()), list.status().message());
  json stories = json::array();
  for (const StorySummary& s : list->stories) stories.push_back(SummaryJson(s));
  return JsonResponse({{"stories", stories}, {"total", list->total}, {"limit", query.limit}, {"offset", query.offset}});
}

HttpResponse ApiRouter::GetStory(const std::string& id) {
  Result<std::string> brief = repository_->StoryBriefJson(id);
  if (!brief.ok()) return Error(StatusFor(brief.status()), brief.status().message());
  return JsonTextResponse(std::move(brief).value());
}

HttpResponse ApiRouter::GetArticle(const std::string& id) {
  Result<std::string> article = repository_->ArticleViewJson(id);
  if (!article.ok()) return Error(StatusFor(article.status()), article.status().message());
  return JsonTextResponse(std::move(article).value());
}

HttpResponse ApiRouter::SearchAll(const HttpRequest& req) {
  std::string q = Param(req, "q");
  if (q.find_first_not_of(" \t") == std::string::npos) return Error(400, "missing q: give words to search for");
  int limit = 0;
  if (Status st = IntParam(req, "limit", 1, kMaxLimit, 20, &limit); !st.ok()) return Error(400, st.message());
  QueryControl control;
  control.client_gone = req.client_gone;
  Result<std::vector<SearchResult>> hits = repository_->Search(q, limit, control);
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
    if (!o.warning.empty()) j["warning"] = o.warning;
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

HttpResponse ApiRouter::PostCorrections(const HttpRequest& req) {
  Result<std::vector<StoryCorrection>> corrections =
      CorrectionsFromText(req.body, req.content_type == "application/x-ndjson");
  if (!corrections.ok()) return Error(400, corrections.status().message());
  if (corrections->empty()) return Error(400, "no correction in the body");
  // In order, each on the stories the ones before it left.
  json items = json::array();
  int rejected = 0;
  Status last;
  for (const StoryCorrection& c : *corrections) {
    Result<std::vector<ArticleMove>> moves = repository_->Correct(c);
    json j = {{"kind", c.kind}};
    if (moves.ok()) {
      json list = json::array();
      for (const ArticleMove& m : *moves) list.push_back({{"article", m.article}, {"from", m.from}, {"to", m.to}});
      j["status"] = "applied";
      j["moves"] = std::move(list);
    } else {
      last = moves.status();
      j["status"] = "rejected";
      j["error"] = last.message();
      ++rejected;
    }
    items.push_back(std::move(j));
  }
  // One correction refused: its own status (404 unknown id, 400 nothing to
  // change, 501 no store); of several, each item says what happened.
  if (corrections->size() == 1 && rejected == 1) {
    return Error(last.code() == Status::Code::kUnsupported ? 501 : StatusFor(last), last.message());
  }
  return JsonResponse({{"corrections", items}, {"rejected", rejected}},
                      rejected == static_cast<int>(corrections->size()) ? 422 : 200);
}

HttpResponse ApiRouter::Health() {
  Result<RepositoryStats> stats = repository_->Stats();
  if (!stats.ok()) return Error(503, stats.status().message());
  return JsonResponse({{"status", "ok"}});
}

// Prometheus's text format by default, what a scraper of /metrics expects;
// ?format=json keeps the JSON object for people and scripts.
HttpResponse ApiRouter::Metrics(const HttpRequest& req) {
  Result<RepositoryStats> stats = repository_->Stats();
  auto format = req.params.find("format");
  if (format != req.params.end() && format->second == "json") {
    json j = metrics_ ? metrics_->ToJson() : json::object();
    if (stats.ok()) {
      j["counts"] = {{"articles", stats->articles}, {"versions", stats->versions}, {"stories", stats->stories}};
    }
    return JsonResponse(j);
  }
  if (format != req.params.end() && format->second != "prometheus") {
    return Error(400, "format must be prometheus or json, not '" + format->second + "'");
  }
  PrometheusText text;
  if (metrics_) metrics_->WritePrometheus(&text);
  if (stats.ok()) {
    text.Family("storyfuse_store_items", "gauge", "What the store holds: articles, article versions, stories.");
    text.Sample("storyfuse_store_items", {{"kind", "articles"}}, static_cast<double>(stats->articles));
    text.Sample("storyfuse_store_items", {{"kind", "versions"}}, static_cast<double>(stats->versions));
    text.Sample("storyfuse_store_items", {{"kind", "stories"}}, static_cast<double>(stats->stories));
  }
  return HttpResponse{200, std::string(PrometheusText::kContentType), text.text(), "no-store", ""};
}

}  // namespace storyfuse
