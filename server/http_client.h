// HttpFetch: a minimal blocking HTTP/1.1 client over POSIX sockets, for
// the server's tests and benchmarks on loopback (not a general client:
// one connection per request, "Connection: close", no TLS, no redirects).
// Why not cpp-httplib's Client: the hostile-input tests post bodies over
// the server's limit, which the server answers with 413 and a close before
// reading them. httplib's Client gives up on the failed write and reads no
// response; this one reads what the server said even when sending failed,
// which is the behaviour under test.
// Thread-safe: no shared state.
#ifndef STORYFUSE_SERVER_HTTP_CLIENT_H_
#define STORYFUSE_SERVER_HTTP_CLIENT_H_

#include <string>

#include "base/status.h"

namespace storyfuse {

struct HttpReply {
  int status = 0;
  std::string content_type;
  std::string body;
};

struct HttpCall {
  std::string method = "GET";
  std::string target = "/";  // path and query, already encoded
  std::string body;
  std::string content_type;  // sent when non-empty
  int timeout_ms = 30000;
};

// IoError naming host:port when it cannot connect, send or read a whole
// response within the timeout.
Result<HttpReply> HttpFetch(const std::string& host, int port, const HttpCall& call);

// %-encodes a query parameter value.
std::string UrlEncode(const std::string& value);

}  // namespace storyfuse

#endif  // STORYFUSE_SERVER_HTTP_CLIENT_H_
