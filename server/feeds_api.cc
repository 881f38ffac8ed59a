#include "server/feeds_api.h"

#include <charconv>

#include <nlohmann/json.hpp>

#include "server/api_router.h"
#include "server/json_response.h"

namespace storyfuse {
namespace {

using nlohmann::json;

constexpr std::string_view kFeeds = "/api/feeds";
constexpr std::string_view kFeedPrefix = "/api/feeds/";

HttpResponse NotAllowed(const HttpRequest& req, const char* allow) {
  HttpResponse r = ApiRouter::Error(405, "method " + req.method + " not allowed on " + req.path);
  r.allow = allow;
  return r;
}

json FeedJson(const FeedRecord& f) {
  const char* health = f.error_count > 0 ? "failing" : f.last_success.empty() ? "new" : "ok";
  return {{"id", f.id},
          {"url", f.url},
          {"title", f.title},
          {"health", health},
          {"added_at", f.added_at},
          {"last_fetch", f.last_fetch},
          {"last_success", f.last_success},
          {"last_error", f.last_error},
          {"error_count", f.error_count},
          {"items_seen", f.items_seen},
          {"articles", f.articles}};
}

}  // namespace

bool FeedsApi::Serves(const std::string& path) {
  return path == kFeeds || (path.starts_with(kFeedPrefix) && path.size() > kFeedPrefix.size());
}

HttpResponse FeedsApi::Handle(const HttpRequest& req) {
  if (req.path == kFeeds) {
    if (req.method == "GET" || req.method == "HEAD") return List();
    if (req.method == "POST") return Add(req);
    return NotAllowed(req, "GET, HEAD, POST");
  }
  if (req.method != "DELETE") return NotAllowed(req, "DELETE");
  return Remove(req.path.substr(kFeedPrefix.size()));
}

HttpResponse FeedsApi::List() {
  Result<std::vector<FeedRecord>> feeds = follower_->List();
  if (!feeds.ok()) return ApiRouter::Error(500, feeds.status().message());
  json list = json::array();
  for (const FeedRecord& f : *feeds) list.push_back(FeedJson(f));
  FollowerThread::RoundInfo info = follower_->LastRound();
  json round = {{"rounds", info.rounds},
                {"running", info.running},
                {"finished_at", info.finished_at},
                {"feeds", info.last.feeds},
                {"feeds_not_modified", info.last.feeds_not_modified},
                {"feed_errors", info.last.feed_errors},
                {"pages_fetched", info.last.pages_fetched},
                {"pages_stored", info.last.pages_stored},
                {"page_errors", info.last.page_errors}};
  if (!info.error.empty()) round["error"] = info.error;
  return JsonResponse({{"feeds", list},
                       {"interval_seconds", std::chrono::duration<double>(follower_->interval()).count()},
                       {"round", round}});
}

HttpResponse FeedsApi::Add(const HttpRequest& req) {
  json body = json::parse(req.body, nullptr, false);
  if (!body.is_object()) return ApiRouter::Error(400, "expected a JSON object {\"url\"}, {\"urls\"} or {\"opml\"}");
  std::vector<std::string> urls;
  std::string opml;
  if (body.contains("url")) {
    if (!body["url"].is_string()) return ApiRouter::Error(400, "\"url\" must be a string");
    urls.push_back(body["url"]);
  }
  if (body.contains("urls")) {
    if (!body["urls"].is_array()) return ApiRouter::Error(400, "\"urls\" must be an array of strings");
    for (const json& u : body["urls"]) {
      if (!u.is_string()) return ApiRouter::Error(400, "\"urls\" must be an array of strings");
      urls.push_back(u);
    }
  }
  if (body.contains("opml")) {
    if (!body["opml"].is_string()) return ApiRouter::Error(400, "\"opml\" must be a string (the OPML document)");
    opml = body["opml"];
  }
  if (urls.empty() && opml.empty()) return ApiRouter::Error(400, "no feed given: send \"url\", \"urls\" or \"opml\"");
  Result<FollowerThread::Added> added = follower_->Add(urls, opml);
  if (!added.ok()) return ApiRouter::Error(500, added.status().message());
  json feeds = json::array();
  for (const FeedRecord& f : added->feeds) feeds.push_back(FeedJson(f));
  json out = {{"added", feeds}, {"errors", added->errors}};
  if (added->feeds.empty()) {
    out["error"] = "no usable feed";
    out["status"] = 400;
    return JsonResponse(out, 400);
  }
  return JsonResponse(out);
}

HttpResponse FeedsApi::Remove(const std::string& id_text) {
  int64_t id = 0;
  auto [end, ec] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), id);
  if (ec != std::errc() || end != id_text.data() + id_text.size() || id <= 0) {
    return ApiRouter::Error(404, "no feed " + id_text.substr(0, 100));
  }
  Status st = follower_->Remove(id);
  if (st.code() == Status::Code::kNotFound) return ApiRouter::Error(404, st.message());
  if (!st.ok()) return ApiRouter::Error(500, st.message());
  return JsonResponse({{"deleted", id}});
}

}  // namespace storyfuse
