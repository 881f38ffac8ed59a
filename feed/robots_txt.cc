#include "feed/robots_txt.h"

#include <array>
#include <cstdlib>

#include "feed/url_canonicalizer.h"
#include "text/ascii_chars.h"

namespace storyfuse {
namespace {

bool IsAlnum(char c) { return IsAsciiLetter(c) || IsAsciiDigit(c); }
bool IsUnreserved(char c) { return IsAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~'; }

int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = AsciiLower(c);
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

// Percent escapes in one spelling, so "/%7euser" and "/~user" compare equal.
std::string NormalizePath(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == '%' && i + 2 < s.size() && Hex(s[i + 1]) >= 0 && Hex(s[i + 2]) >= 0) {
      auto decoded = static_cast<char>(Hex(s[i + 1]) * 16 + Hex(s[i + 2]));
      if (IsUnreserved(decoded)) {
        out.push_back(decoded);
      } else {
        out.push_back('%');
        out.push_back(kHex[static_cast<unsigned char>(decoded) >> 4]);
        out.push_back(kHex[static_cast<unsigned char>(decoded) & 15]);
      }
      i += 2;
    } else if (c <= 0x20 || c >= 0x7F) {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

// The product token of a User-agent value: its leading letters, '-' and
// '_' (RFC 9309 2.2.1), lower-cased; "*" stays "*".
std::string ProductToken(std::string_view value) {
  value = TrimAsciiSpace(value);
  if (!value.empty() && value[0] == '*') return "*";
  size_t n = 0;
  while (n < value.size() && (IsAsciiLetter(value[n]) || value[n] == '-' || value[n] == '_')) ++n;
  return AsciiLower(value.substr(0, n));
}

enum class Key { kUserAgent, kAllow, kDisallow, kCrawlDelay, kSitemap, kOther };

Key KeyOf(std::string_view key) {
  std::string k = AsciiLower(TrimAsciiSpace(key));
  static constexpr std::array<std::pair<std::string_view, Key>, 14> kKeys = {{
      {"user-agent", Key::kUserAgent},
      {"useragent", Key::kUserAgent},
      {"user agent", Key::kUserAgent},
      {"allow", Key::kAllow},
      {"disallow", Key::kDisallow},
      {"dissallow", Key::kDisallow},
      {"dissalow", Key::kDisallow},
      {"disalow", Key::kDisallow},
      {"disallaw", Key::kDisallow},
      {"crawl-delay", Key::kCrawlDelay},
      {"crawldelay", Key::kCrawlDelay},
      {"crawl delay", Key::kCrawlDelay},
      {"sitemap", Key::kSitemap},
      {"site-map", Key::kSitemap},
  }};
  for (const auto& [name, value] : kKeys) {
    if (k == name) return value;
  }
  return Key::kOther;
}

std::optional<double> ParseDelay(std::string_view v) {
  if (v.empty() || v.size() > 16) return std::nullopt;
  for (char c : v) {
    if (!(c >= '0' && c <= '9') && c != '.') return std::nullopt;
  }
  std::string s(v);
  char* end = nullptr;
  double d = std::strtod(s.c_str(), &end);
  if (end == s.c_str() || *end != '\0') return std::nullopt;
  return d;
}

// True when `pattern` ('*' any run, trailing '$' the end) matches a prefix
// of `path` (the whole of it with '$'). Literal runs between '*'s are
// found leftmost-first: the earliest match leaves the most path for the
// runs after it, so no backtracking is needed.
bool Matches(std::string_view pattern, std::string_view path) {
  bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  size_t star = pattern.find('*');
  std::string_view first = pattern.substr(0, star);
  if (path.substr(0, first.size()) != first) return false;
  if (star == std::string_view::npos) return !anchored || path.size() == first.size();
  size_t pos = first.size();
  pattern.remove_prefix(star + 1);
  while (true) {
    size_t next = pattern.find('*');
    std::string_view run = pattern.substr(0, next);
    if (next == std::string_view::npos) {  // the last run
      if (!anchored) return path.find(run, pos) != std::string_view::npos;
      return path.size() >= pos + run.size() && path.substr(path.size() - run.size()) == run;
    }
    size_t at = path.find(run, pos);
    if (at == std::string_view::npos) return false;
    pos = at + run.size();
    pattern.remove_prefix(next + 1);
  }
}

// The path and query of `url` ("/" when it has no path).
std::string_view PathOf(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme != std::string_view::npos && url.find_first_of("/?#") > scheme) {
    url.remove_prefix(scheme + 3);
    size_t start = url.find_first_of("/?#");
    url = start == std::string_view::npos ? std::string_view() : url.substr(start);
  }
  url = url.substr(0, url.find('#'));
  return url.empty() ? std::string_view("/") : url;
}

}  // namespace

RobotsTxt RobotsTxt::Parse(std::string_view text) {
  RobotsTxt robots;
  if (text.size() > kMaxBytes) text = text.substr(0, kMaxBytes);
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  bool in_agents = false;  // the last meaningful line was a User-agent line
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    line = TrimAsciiSpace(line.substr(0, line.find('#')));
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    Key key = KeyOf(line.substr(0, colon));
    std::string_view value = TrimAsciiSpace(line.substr(colon + 1));
    switch (key) {
      case Key::kUserAgent:
        if (!in_agents) robots.groups_.emplace_back();
        in_agents = true;
        if (std::string token = ProductToken(value); !token.empty()) robots.groups_.back().agents.push_back(token);
        break;
      case Key::kAllow:
      case Key::kDisallow: {
        in_agents = false;
        if (robots.groups_.empty() || value.empty() || value.size() > UrlCanonicalizer::kMaxUrlBytes) break;
        std::string pattern = NormalizePath(value);
        if (pattern[0] != '/' && pattern[0] != '*') pattern = "/" + pattern;
        robots.groups_.back().rules.push_back({key == Key::kAllow, std::move(pattern)});
        break;
      }
      case Key::kCrawlDelay:
        in_agents = false;
        if (robots.groups_.empty()) break;
        if (auto d = ParseDelay(value); d && !robots.groups_.back().crawl_delay) robots.groups_.back().crawl_delay = d;
        break;
      case Key::kSitemap:
        if (!value.empty()) robots.sitemaps_.emplace_back(value);
        break;
      case Key::kOther:
        break;
    }
  }
  return robots;
}

std::vector<size_t> RobotsTxt::GroupsFor(std::string_view user_agent) const {
  std::string token = ProductToken(user_agent);
  std::vector<size_t> named;
  std::vector<size_t> star;
  for (size_t g = 0; g < groups_.size(); ++g) {
    bool is_named = false;
    bool is_star = false;
    for (const std::string& a : groups_[g].agents) {
      is_named = is_named || (!token.empty() && a == token);
      is_star = is_star || a == "*";
    }
    if (is_named) named.push_back(g);
    if (is_star) star.push_back(g);
  }
  return named.empty() ? star : named;
}

bool RobotsTxt::IsAllowed(std::string_view user_agent, std::string_view url) const {
  std::string path = NormalizePath(PathOf(url));
  if (path == "/robots.txt") return true;
  size_t best = 0;
  bool allowed = true;
  bool any = false;
  for (size_t g : GroupsFor(user_agent)) {
    for (const Rule& r : groups_[g].rules) {
      if (!Matches(r.pattern, path)) continue;
      size_t length = r.pattern.size();
      if (!any || length > best) {
        allowed = r.allow;
      } else if (length == best) {
        allowed = allowed || r.allow;
      } else {
        continue;
      }
      best = length;
      any = true;
    }
  }
  return allowed;
}

std::optional<double> RobotsTxt::CrawlDelay(std::string_view user_agent) const {
  for (size_t g : GroupsFor(user_agent)) {
    if (groups_[g].crawl_delay) return groups_[g].crawl_delay;
  }
  return std::nullopt;
}

}  // namespace storyfuse
