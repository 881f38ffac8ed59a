// HttpRequest / HttpResponse: the server's own view of one HTTP exchange,
// so routes are plain functions testable without sockets and the HTTP
// library's types stay inside http_server.cc.
#ifndef STORYFUSE_SERVER_HTTP_TYPES_H_
#define STORYFUSE_SERVER_HTTP_TYPES_H_

#include <atomic>
#include <map>
#include <memory>
#include <string>

namespace storyfuse {

struct HttpRequest {
  std::string method;                         // "GET", "POST", ...
  std::string path;                           // decoded path without the query string
  std::map<std::string, std::string> params;  // decoded query parameters
  std::string content_type;                   // media type, lower case, no parameters
  std::string body;
  // Headers the access rules read (empty when absent).
  std::string host;           // "Host", as sent (name[:port])
  std::string origin;         // "Origin"
  std::string authorization;  // "Authorization"
  std::string remote_addr;    // the peer's IP address, "" when unknown
  // Set (by the server) once the client has closed its connection: work
  // for this request is wasted from then on. Null when nobody watches.
  std::shared_ptr<const std::atomic<bool>> client_gone;

  bool abandoned() const { return client_gone && client_gone->load(std::memory_order_relaxed); }
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::string cache_control;  // empty: not sent
  std::string allow;          // "Allow" header of a 405, empty: not sent
};

}  // namespace storyfuse

#endif  // STORYFUSE_SERVER_HTTP_TYPES_H_
