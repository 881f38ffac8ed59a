// HttpRequest / HttpResponse: the server's own view of one HTTP exchange,
// so routes are plain functions testable without sockets and the HTTP
// library's types stay inside http_server.cc.
#ifndef STORYFUSE_SERVER_HTTP_TYPES_H_
#define STORYFUSE_SERVER_HTTP_TYPES_H_

#include <map>
#include <string>

namespace storyfuse {

struct HttpRequest {
  std::string method;  // "GET", "POST", ...
  std::string path;    // decoded path without the query string
  std::map<std::string, std::string> params;  // decoded query parameters
  std::string content_type;                   // media type, lower case, no parameters
  std::string body;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::string cache_control;  // empty: not sent
};

}  // namespace storyfuse

#endif  // STORYFUSE_SERVER_HTTP_TYPES_H_
