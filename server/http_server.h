// HttpServer: the HTTP/1.1 listener. The only place the HTTP library
// (cpp-httplib) is used; its types stay in http_server.cc.
//
// Every request goes to one Handler (ApiRouter::Handle) as an HttpRequest.
// Requests are served by a fixed pool of worker threads; one connection
// holds a worker while it is open (keep-alive up to 5 s idle, 100
// requests), so size `threads` for the concurrent connections expected.
// A body over `max_body` bytes is refused with 413 before it is read;
// errors from the library (400, 413, 500) get the same JSON error body as
// the routes.
//
// Thread safety: Start/Stop from one controlling thread; the handler is
// called from the workers concurrently.
#ifndef STORYFUSE_SERVER_HTTP_SERVER_H_
#define STORYFUSE_SERVER_HTTP_SERVER_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "base/status.h"
#include "server/http_types.h"

namespace storyfuse {

struct HttpServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                  // 0: any free port (see port())
  // Worker threads. A browser keeps its connection (and so a worker) for up
  // to 5 s after its last request: 64 lets 60-odd readers hold one each
  // and still answer the rest. Idle workers cost only their stacks.
  int threads = 64;
  size_t max_body = 16u << 20;      // bytes
};

class HttpServer {
 public:
  using Handler = std::function<HttpResponse(const HttpRequest&)>;

  HttpServer(HttpServerOptions options, Handler handler);
  ~HttpServer();  // stops the server
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the socket. IoError naming host:port when it cannot.
  Status Bind();
  // The bound port (after Bind), else 0.
  int port() const;
  // Serves until Stop() (from another thread or a signal handler's
  // helper thread). Bind() first. IoError if the listener fails.
  Status Serve();
  // Bind() and Serve() on a background thread; returns once listening.
  Status Start();
  // Stops listening and waits for the background thread, if any. Idempotent.
  void Stop();

 private:
  Status Backlog();

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_SERVER_HTTP_SERVER_H_
