// HttpServer: the HTTP/1.1 listener. The only place the HTTP library
// (cpp-httplib) is used; its types stay in http_server.cc.
//
// How a request is served:
//   - One reactor thread (epoll) accepts connections and reads requests.
//     A request is handed to a worker only once it has arrived whole
//     (server/http_framer.h decides where it ends): a slow or idle client
//     costs a buffer and a descriptor, never a worker. Workers run the
//     library's request parsing and the Handler, and write the response.
//   - Limits, each answered with a JSON error and the connection closed,
//     before the body is read:
//       body over `max_body` (Content-Length or chunked): 413;
//       a head over 16 KiB: 431; an unknown method: 400; CONNECT/TRACE: 405;
//       a request not received whole `request_timeout_seconds` after its
//       first byte: 408;
//       more than `max_connections_per_ip` connections from one address
//       (loopback exempt by default), or `max_connections` in all: the
//       longest-idle connection (of that
//       address, or any) is closed to make room; when none is idle, 503;
//       more than kMaxBufferedBytes of request bodies in memory at once: 503.
//   - Keep-alive: an idle connection is closed after `keep_alive_seconds`
//     or 100 requests; idle connections are the first closed when room is
//     needed, so they never keep an active client out.
//   - A response must be written within `request_timeout_seconds`.
//   - While a worker handles a request, the reactor watches its connection:
//     when the client closes it, HttpRequest::client_gone is set, so a
//     long query can stop (see ApiRouter).
//   - `head_check`, when given, sees each request's head (method, path,
//     headers; no body) as soon as it is in: a response it returns is sent
//     instead of reading the body (used for authorization: see ApiRouter).
//
// Thread safety: Bind/Serve/Start/Stop from one controlling thread (Stop
// also from another thread while Serve runs); handlers are called from the
// workers concurrently.
#ifndef STORYFUSE_SERVER_HTTP_SERVER_H_
#define STORYFUSE_SERVER_HTTP_SERVER_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "server/http_types.h"

namespace storyfuse {

struct HttpServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (see port())
  // Worker threads: requests handled at once. Connections do not hold a
  // worker while idle or while their request arrives, so this bounds CPU
  // use (and read connections to the database), not clients.
  int threads = 64;
  size_t max_body = 16u << 20;  // bytes
  // A request must arrive whole within this many seconds of its first
  // byte (30 s lets a 16 MB body come at 0.5 MB/s), and its response be
  // written within as many.
  int request_timeout_seconds = 30;
  // An idle keep-alive connection (or a new one that sends nothing) is
  // closed after this many seconds.
  int keep_alive_seconds = 5;
  // Open connections, in all and from one IP address. Loopback clients (a
  // reverse proxy on this host, local tools) count only against the total
  // unless `limit_loopback` is set.
  int max_connections = 4096;
  int max_connections_per_ip = 256;
  bool limit_loopback = false;
};

class HttpServer {
 public:
  using Handler = std::function<HttpResponse(const HttpRequest&)>;
  // Sees a request before its body is read (HttpRequest::body empty); a
  // response refuses it.
  using HeadCheck = std::function<std::optional<HttpResponse>(const HttpRequest&)>;

  // Request bodies held in memory at once, over all connections: a
  // connection that would pass it gets 503 (a flood of large uploads
  // cannot exhaust memory). 4 bodies of the largest size, at least 256 MB.
  static size_t MaxBufferedBytes(size_t max_body);

  HttpServer(HttpServerOptions options, Handler handler, HeadCheck head_check = nullptr);
  ~HttpServer();  // stops the server
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the socket. IoError naming host:port when it cannot.
  Status Bind();
  // The bound port (after Bind), else 0.
  int port() const;
  // Serves until Stop() (from another thread or a signal handler's
  // helper thread), then waits for the requests being handled. Bind() first.
  Status Serve();
  // Bind() and Serve() on a background thread; returns once listening.
  Status Start();
  // Stops listening, closes the connections not being handled, and (when
  // started by Start) waits for Serve to end. Idempotent.
  void Stop();

  // Answers raw request bytes without a socket, through the same framing,
  // head check, parsing and routing: the bytes that would be written. For
  // tests and fuzzing; thread-safe.
  std::string Exchange(std::string_view raw_request);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_SERVER_HTTP_SERVER_H_
