#include "server/http_server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <nlohmann/json.hpp>
#include <thread>

namespace storyfuse {
namespace {

constexpr size_t kKeepAliveRequests = 100;
// The library listens with a backlog of 5, compiled into it: with many
// clients connecting at once the accept queue overflows and the kernel
// drops handshakes (clients wait 1, 2, 4 s for retransmits, or are reset).
// Bind() listens again on the same socket with this backlog.
constexpr int kListenBacklog = 1024;
constexpr time_t kKeepAliveSeconds = 5;  // also how long a new connection may take to send its request

std::string MediaType(const std::string& header) {
  std::string type = header.substr(0, header.find(';'));
  type.erase(std::remove_if(type.begin(), type.end(), [](unsigned char c) { return std::isspace(c); }),
             type.end());
  std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::tolower(c); });
  return type;
}

HttpRequest ToRequest(const httplib::Request& in) {
  HttpRequest out;
  out.method = in.method;
  out.path = in.path;
  for (const auto& [key, value] : in.params) out.params.emplace(key, value);  // first value wins
  out.content_type = MediaType(in.get_header_value("Content-Type"));
  out.body = in.body;
  return out;
}

void Fill(const HttpResponse& in, httplib::Response* out) {
  out->status = in.status;
  out->set_content(in.body, in.content_type.c_str());
  if (!in.cache_control.empty()) out->set_header("Cache-Control", in.cache_control);
  out->set_header("X-Content-Type-Options", "nosniff");
}

std::string ErrorJson(int status, const std::string& message) {
  return nlohmann::json{{"error", message}, {"status", status}}.dump();
}

std::string LibraryError(int status, size_t max_body) {
  switch (status) {
    case 413: return "body over the limit of " + std::to_string(max_body) + " bytes";
    case 414: return "request URI too long";
    case 400: return "malformed HTTP request";
    default: return "HTTP error " + std::to_string(status);
  }
}

}  // namespace

struct HttpServer::Impl {
  HttpServerOptions options;
  Handler handler;
  httplib::Server server;
  int port = 0;
  int listen_fd = -1;  // the listening socket, seen through the socket options hook
  std::thread thread;
  std::atomic<bool> serve_ended{false};
};

HttpServer::HttpServer(HttpServerOptions options, Handler handler) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->handler = std::move(handler);
  httplib::Server& s = impl_->server;
  size_t threads = static_cast<size_t>(std::max(1, impl_->options.threads));
  s.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  s.set_payload_max_length(impl_->options.max_body);
  s.set_keep_alive_max_count(kKeepAliveRequests);
  s.set_keep_alive_timeout(kKeepAliveSeconds);
  s.set_tcp_nodelay(true);
  // SO_REUSEADDR only: the library's default SO_REUSEPORT would let a
  // second server bind the same port silently.
  s.set_socket_options([impl = impl_.get()](int sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    impl->listen_fd = sock;
  });
  Impl* impl = impl_.get();
  auto serve = [impl](const httplib::Request& req, httplib::Response& res) {
    Fill(impl->handler(ToRequest(req)), &res);
  };
  s.Get(".*", serve);
  s.Post(".*", serve);
  s.Put(".*", serve);
  s.Delete(".*", serve);
  s.Patch(".*", serve);
  s.set_error_handler(httplib::Server::HandlerWithResponse([impl](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;  // a route's own error
    res.set_content(ErrorJson(res.status, LibraryError(res.status, impl->options.max_body)), "application/json");
    return httplib::Server::HandlerResponse::Handled;
  }));
  s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "internal error";
    try {
      std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = std::string("internal error: ") + e.what();
    } catch (...) {
    }
    res.status = 500;
    res.set_content(ErrorJson(500, what), "application/json");
  });
}

HttpServer::~HttpServer() { Stop(); }

Status HttpServer::Bind() {
  const HttpServerOptions& o = impl_->options;
  std::string where = o.host + ":" + std::to_string(o.port);
  if (o.port == 0) {
    impl_->port = impl_->server.bind_to_any_port(o.host);
    if (impl_->port <= 0) return Status::IoError("cannot bind " + where);
    return Backlog();
  }
  if (!impl_->server.bind_to_port(o.host, o.port)) {
    return Status::IoError("cannot bind " + where + " (address in use, or not an address of this host)");
  }
  impl_->port = o.port;
  return Backlog();
}

Status HttpServer::Backlog() {
  if (impl_->listen_fd < 0 || ::listen(impl_->listen_fd, kListenBacklog) != 0) {
    return Status::IoError("cannot set the listen backlog");
  }
  return Status::Ok();
}

int HttpServer::port() const { return impl_->port; }

Status HttpServer::Serve() {
  if (!impl_->server.listen_after_bind()) return Status::IoError("the HTTP listener stopped with an error");
  return Status::Ok();
}

Status HttpServer::Start() {
  STORYFUSE_RETURN_IF_ERROR(Bind());
  impl_->serve_ended = false;
  impl_->thread = std::thread([this] {
    (void)Serve();
    impl_->serve_ended = true;
  });
  while (!impl_->server.is_running() && !impl_->serve_ended) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  if (impl_->serve_ended) {
    impl_->thread.join();
    return Status::IoError("the HTTP listener failed to start");
  }
  return Status::Ok();
}

void HttpServer::Stop() {
  impl_->server.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

}  // namespace storyfuse
