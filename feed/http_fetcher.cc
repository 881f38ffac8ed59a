#include "feed/http_fetcher.h"

#include <curl/curl.h>

#include <algorithm>
#include <mutex>
#include <string_view>

#include "base/shared_library.h"
#include "ingest/charset_decoder.h"
#include "text/ascii_chars.h"

#ifndef STORYFUSE_VERSION
#define STORYFUSE_VERSION "0"
#endif

namespace storyfuse {
namespace {

// libcurl is loaded on first use, not linked (issue #21: a batch command
// should not pay for libcurl and the ~25 libraries it pulls in, gnutls,
// krb5, ldap, ssh2, ..., at start-up). The header still gives the types and
// constants; these are the functions called here, without their curl_
// prefix (curl.h makes curl_easy_setopt and curl_easy_getinfo macros).
// clang-format off
#define STORYFUSE_LIBCURL_FUNCTIONS(X)                                                              \
  X(easy_cleanup) X(easy_getinfo) X(easy_init) X(easy_perform) X(easy_reset) X(easy_setopt)       \
  X(easy_strerror) X(global_init) X(slist_append) X(slist_free_all)
// clang-format on

struct LibCurl {
#define STORYFUSE_LIBCURL_SLOT(name) decltype(&::curl_##name) name = nullptr;
  STORYFUSE_LIBCURL_FUNCTIONS(STORYFUSE_LIBCURL_SLOT)
#undef STORYFUSE_LIBCURL_SLOT
};

// Debian 12's libcurl4 package (the OpenSSL flavour libcurl4-openssl-dev
// builds against); the soname has been 4 since 2006.
constexpr const char* kLibCurlSoname = "libcurl.so.4";

// The table, loaded once per process (thread-safe static); its error names
// the library when it is missing.
const Result<LibCurl>& LoadLibCurl() {
  static const Result<LibCurl> loaded = []() -> Result<LibCurl> {
    STORYFUSE_ASSIGN_OR_RETURN(SharedLibrary lib, SharedLibrary::Open(kLibCurlSoname, "libcurl4"));
    LibCurl api;
#define STORYFUSE_LIBCURL_RESOLVE(name) STORYFUSE_RETURN_IF_ERROR(lib.Resolve("curl_" #name, &api.name));
    STORYFUSE_LIBCURL_FUNCTIONS(STORYFUSE_LIBCURL_RESOLVE)
#undef STORYFUSE_LIBCURL_RESOLVE
    return api;
  }();
  return loaded;
}

// The table once LoadLibCurl() succeeded (an HttpFetcher holds a handle
// only then).
const LibCurl& Curl() { return *LoadLibCurl(); }

// curl_global_init is not thread-safe and must run once per process before
// any handle exists.
void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] { Curl().global_init(CURL_GLOBAL_DEFAULT); });
}

struct Transfer {
  FetchResponse* response;
  size_t max_body_bytes;
  bool over_limit = false;
};

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t n = size * count;
  if (t->response->body.size() + n > t->max_body_bytes) {
    t->over_limit = true;
    return 0;  // anything but n aborts the transfer (CURLE_WRITE_ERROR)
  }
  t->response->body.append(data, n);
  return n;
}

bool HeaderIs(std::string_view name, std::string_view want) {
  return name.size() == want.size() &&
         std::equal(name.begin(), name.end(), want.begin(), [](char a, char b) { return AsciiLower(a) == b; });
}

// Headers arrive once per response of a redirect chain; a new status line
// clears what an earlier hop said, so only the final response's remain.
size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* r = static_cast<FetchResponse*>(user);
  std::string_view line(data, size * count);
  if (line.starts_with("HTTP/")) {
    r->content_type.clear();
    r->etag.clear();
    r->last_modified.clear();
    r->retry_after.clear();
    return line.size();
  }
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return line.size();
  std::string_view name = TrimAsciiSpace(line.substr(0, colon));
  std::string value(TrimAsciiSpace(line.substr(colon + 1)));
  if (HeaderIs(name, "content-type")) {
    r->content_type = value;
  } else if (HeaderIs(name, "etag")) {
    r->etag = value;
  } else if (HeaderIs(name, "last-modified")) {
    r->last_modified = value;
  } else if (HeaderIs(name, "retry-after")) {
    r->retry_after = value;
  }
  return line.size();
}

Status Failure(const std::string& url, std::string_view why) { return Status::IoError(url + ": " + std::string(why)); }

}  // namespace

std::string HttpFetcher::UserAgent(const std::string& contact_url) {
  std::string ua = "storyfuse/" STORYFUSE_VERSION;
  if (!contact_url.empty()) ua += " (+" + contact_url + ")";
  return ua;
}

Status HttpFetcher::Available() { return LoadLibCurl().status(); }

HttpFetcher::HttpFetcher(Options options) : options_(std::move(options)), user_agent_(UserAgent(options_.contact_url)) {
  if (!LoadLibCurl().ok()) return;  // Fetch answers why
  GlobalInit();
  curl_ = Curl().easy_init();
}

HttpFetcher::~HttpFetcher() {
  if (curl_ != nullptr) Curl().easy_cleanup(static_cast<CURL*>(curl_));
}

Result<FetchResponse> HttpFetcher::Fetch(const FetchRequest& request) {
  CURL* curl = static_cast<CURL*>(curl_);
  if (curl == nullptr) {
    const Status& loaded = LoadLibCurl().status();
    return Failure(request.url, loaded.ok() ? "libcurl could not start" : loaded.message());
  }
  // Reset keeps the connection cache but clears every option of the last
  // request, so no header or validator leaks from one URL to the next.
  Curl().easy_reset(curl);
  FetchResponse response;
  response.url = request.url;
  Transfer transfer{&response, options_.max_body_bytes};
  char error[CURL_ERROR_SIZE] = {0};

  curl_slist* headers = nullptr;
  if (!request.etag.empty()) headers = Curl().slist_append(headers, ("If-None-Match: " + request.etag).c_str());
  if (!request.last_modified.empty()) {
    headers = Curl().slist_append(headers, ("If-Modified-Since: " + request.last_modified).c_str());
  }

  Curl().easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  Curl().easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  Curl().easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  Curl().easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  Curl().easy_setopt(curl, CURLOPT_MAXREDIRS, static_cast<long>(options_.max_redirects));
  Curl().easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "gzip, deflate");
  Curl().easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connect_timeout.count()));
  Curl().easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.total_timeout.count()));
  // A declared Content-Length over the cap is refused before any byte.
  Curl().easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options_.max_body_bytes));
  Curl().easy_setopt(curl, CURLOPT_USERAGENT, user_agent_.c_str());
  Curl().easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  Curl().easy_setopt(curl, CURLOPT_WRITEFUNCTION, OnBody);
  Curl().easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
  Curl().easy_setopt(curl, CURLOPT_HEADERFUNCTION, OnHeader);
  Curl().easy_setopt(curl, CURLOPT_HEADERDATA, &response);
  Curl().easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  // Threads without signals: libcurl must not use SIGALRM for timeouts.
  Curl().easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);

  CURLcode rc = Curl().easy_perform(curl);
  Curl().slist_free_all(headers);

  long redirects = 0;  // NOLINT(runtime/int)
  Curl().easy_getinfo(curl, CURLINFO_REDIRECT_COUNT, &redirects);
  response.redirects = static_cast<int>(redirects);
  char* effective = nullptr;
  Curl().easy_getinfo(curl, CURLINFO_EFFECTIVE_URL, &effective);
  response.final_url = effective != nullptr ? effective : request.url;

  if (rc != CURLE_OK) {
    if (transfer.over_limit || rc == CURLE_FILESIZE_EXCEEDED) {
      return Failure(request.url, "body over the " + std::to_string(options_.max_body_bytes) + "-byte limit");
    }
    if (rc == CURLE_TOO_MANY_REDIRECTS) {
      return Failure(request.url, "too many redirects (over " + std::to_string(options_.max_redirects) + ")");
    }
    if (rc == CURLE_OPERATION_TIMEDOUT) {
      return Failure(request.url, "timed out after " + std::to_string(options_.total_timeout.count()) + " ms");
    }
    return Failure(request.url, error[0] != '\0' ? error : Curl().easy_strerror(rc));
  }
  Curl().easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  response.charset = CharsetDecoder::FromContentType(response.content_type);
  return response;
}

}  // namespace storyfuse
