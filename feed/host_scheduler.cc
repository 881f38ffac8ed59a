#include "feed/host_scheduler.h"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <limits>

#include "text/ascii_chars.h"

namespace storyfuse {

void HostScheduler::SetCrawlDelay(const std::string& host, double seconds) {
  hosts_[host].crawl_delay = std::max(0.0, seconds);
}

double HostScheduler::Delay(const std::string& host) const {
  auto it = hosts_.find(host);
  double crawl = it == hosts_.end() ? 0 : it->second.crawl_delay;
  return std::min(std::max(options_.min_delay_s, crawl), std::max(options_.min_delay_s, options_.max_delay_s));
}

double HostScheduler::ReadyAt(const std::string& host) const {
  auto it = hosts_.find(host);
  if (it == hosts_.end() || !it->second.last_start) return -std::numeric_limits<double>::infinity();
  return std::max(*it->second.last_start + Delay(host), it->second.blocked_until);
}

bool HostScheduler::Busy(const std::string& host) const {
  auto it = hosts_.find(host);
  return it != hosts_.end() && it->second.busy;
}

bool HostScheduler::TryStart(const std::string& host, double now) {
  if (Busy(host) || ReadyAt(host) > now) return false;
  Host& h = hosts_[host];
  h.busy = true;
  h.last_start = now;
  return true;
}

void HostScheduler::Finish(const std::string& host, double now, int status, std::optional<double> retry_after_s) {
  Host& h = hosts_[host];
  h.busy = false;
  if (!IsBackoffStatus(status)) {
    h.failures = 0;
    return;
  }
  ++h.failures;
  double pause = options_.backoff_base_s * std::pow(2.0, h.failures - 1);
  if (retry_after_s) pause = std::max(*retry_after_s, 0.0);
  pause = std::min(pause, options_.max_backoff_s);
  h.blocked_until = std::max(h.blocked_until, now + pause);
}

int HostScheduler::ConsecutiveFailures(const std::string& host) const {
  auto it = hosts_.find(host);
  return it == hosts_.end() ? 0 : it->second.failures;
}

std::optional<double> HostScheduler::ParseRetryAfter(std::string_view value, double now_unix) {
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    // Digits beyond 9 would overflow nothing useful: a day is 5 digits.
    if (value.size() > 9) return std::nullopt;
    return static_cast<double>(std::stol(std::string(value)));
  }
  // IMF-fixdate, the form RFC 9110 requires senders to use.
  std::tm tm{};
  std::string text(value);
  const char* end = strptime(text.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
  if (end == nullptr || *end != '\0') return std::nullopt;
  double when = static_cast<double>(timegm(&tm));
  return std::max(0.0, when - now_unix);
}

std::string HostScheduler::HostKey(std::string_view url) {
  size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos || scheme_end == 0) return "";
  size_t host_start = scheme_end + 3;
  size_t host_end = url.find_first_of("/?#", host_start);
  if (host_end == std::string_view::npos) host_end = url.size();
  if (host_end == host_start) return "";
  return AsciiLower(url.substr(0, host_end));
}

}  // namespace storyfuse
