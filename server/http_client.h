// HttpFetch: a minimal blocking HTTP/1.1 client over POSIX sockets, for
// the server's tests and benchmarks on loopback (not a general client:
// one connection per request, "Connection: close", no TLS, no redirects;
// HttpConnection below keeps one open).
// Why not cpp-httplib's Client: the hostile-input tests post bodies over
// the server's limit, which the server answers with 413 and a close before
// reading them. httplib's Client gives up on the failed write and reads no
// response; this one reads what the server said even when sending failed,
// which is the behaviour under test.
// Thread-safe: no shared state.
#ifndef STORYFUSE_SERVER_HTTP_CLIENT_H_
#define STORYFUSE_SERVER_HTTP_CLIENT_H_

#include <string>
#include <utility>

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

// HttpConnection: one kept-alive connection to host:port for many
// requests, as a browser keeps one (the load bench's readers): no connect
// and accept per request. Sends "Connection: keep-alive" and reads each
// response by its Content-Length; when the server has closed the
// connection (its idle or request limit) the request is sent again once
// on a new connection. A response without Content-Length, or with
// "Connection: close", ends the connection after it.
// Not thread-safe: one per thread.
class HttpConnection {
 public:
  HttpConnection(std::string host, int port);
  ~HttpConnection();
  HttpConnection(const HttpConnection&) = delete;
  HttpConnection& operator=(const HttpConnection&) = delete;

  // As HttpFetch.
  Result<HttpReply> Fetch(const HttpCall& call);
  // Connections opened so far (1 while the server keeps it alive).
  int connects() const { return connects_; }

 private:
  // One attempt; `*stale` when the connection had been closed before any
  // byte of the response came (worth one retry).
  Result<HttpReply> Attempt(const HttpCall& call, bool* stale);
  void Close();

  std::string host_;
  int port_;
  int fd_ = -1;
  int connects_ = 0;
};

// %-encodes a query parameter value.
std::string UrlEncode(const std::string& value);

}  // namespace storyfuse

#endif  // STORYFUSE_SERVER_HTTP_CLIENT_H_
