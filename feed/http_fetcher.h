// HttpFetcher: the project's one wrapper of libcurl. Fetches one http(s) URL
// at a time, as a polite crawler must:
//   - redirects followed up to Options::max_redirects (a loop ends there);
//   - gzip and deflate asked for and inflated; the size cap counts the
//     inflated bytes, so a gzip bomb stops at the cap like a 50 MB page;
//   - a connect timeout and a total timeout (a server that stalls, or drips
//     one byte a second, ends at the total timeout);
//   - conditional requests: Request::etag (If-None-Match) and
//     Request::last_modified (If-Modified-Since); a 304 is a Response;
//   - the charset parameter of Content-Type, in Response::charset, for
//     CharsetDecoder (the body is returned as sent, never re-encoded);
//   - a User-Agent naming storyfuse, its version and the contact URL the
//     user set ("storyfuse/0.1 (+https://example.test/contact)"), so a site
//     owner can see who crawls and reach them.
// Only the http and https schemes are allowed, for the first URL and for
// every redirect.
//
// Errors (IoError, the message starting with the URL): a transport failure
// ("connection refused", "timed out after 2000 ms"), "too many redirects
// (over 5)", "body over the 16777216-byte limit". Any HTTP status, 404 and
// 500 included, is a Response, not an error: the caller decides.
// libcurl.so.4 is loaded when the first HttpFetcher is made, not at process
// start (base/shared_library.h); without it every Fetch fails with
// "<url>: libcurl.so.4 cannot be loaded (install libcurl4, ...)".
//
// Not thread-safe: one HttpFetcher per thread (it keeps one libcurl handle,
// whose connection cache lets a host's requests share a connection).
#ifndef STORYFUSE_FEED_HTTP_FETCHER_H_
#define STORYFUSE_FEED_HTTP_FETCHER_H_

#include <chrono>
#include <memory>
#include <string>

#include "base/status.h"

namespace storyfuse {

struct FetchRequest {
  std::string url;
  std::string etag;           // sent as If-None-Match when not empty
  std::string last_modified;  // sent as If-Modified-Since when not empty
};

struct FetchResponse {
  long status = 0;        // NOLINT(runtime/int): libcurl's type
  std::string url;        // the URL asked for
  std::string final_url;  // after redirects
  std::string body;       // inflated, in the charset the server sent
  std::string content_type;
  std::string charset;  // Content-Type's charset parameter, or ""
  std::string etag;
  std::string last_modified;
  std::string retry_after;  // the raw Retry-After header, or ""
  int redirects = 0;

  bool ok() const { return status >= 200 && status < 300; }
  bool not_modified() const { return status == 304; }
};

class HttpFetcher {
 public:
  struct Options {
    // Where a site owner can reach whoever runs this crawler; named in the
    // User-Agent. May be empty (then only storyfuse and its version).
    std::string contact_url;
    // Browsers stop at 20; news sites need 1 to 3 (http->https, a slash,
    // a consent host). 5 ends a loop quickly.
    int max_redirects = 5;
    std::chrono::milliseconds connect_timeout{10000};
    // A page takes well under 5 s; 30 s ends a stall or a drip.
    std::chrono::milliseconds total_timeout{30000};
    // The largest news pages are ~2 MiB of HTML; FeedParser's own limit is
    // 16 MiB, so no larger body is of use.
    size_t max_body_bytes = size_t{16} << 20;
  };

  explicit HttpFetcher(Options options);
  ~HttpFetcher();
  HttpFetcher(const HttpFetcher&) = delete;
  HttpFetcher& operator=(const HttpFetcher&) = delete;

  Result<FetchResponse> Fetch(const FetchRequest& request);

  // OK when libcurl is loaded (it is opened on first use); otherwise the
  // Unsupported error naming the library and its package, which every Fetch
  // would answer. Callers that fetch many URLs check it once and report it
  // instead of one failure per URL. Thread-safe.
  static Status Available();

  // The User-Agent header value sent.
  const std::string& user_agent() const { return user_agent_; }

  // "storyfuse/<version>" plus " (+contact_url)" when one is set.
  static std::string UserAgent(const std::string& contact_url);

 private:
  Options options_;
  std::string user_agent_;
  void* curl_ = nullptr;  // CURL*, kept out of this header; null when libcurl is missing
};

}  // namespace storyfuse

#endif  // STORYFUSE_FEED_HTTP_FETCHER_H_
