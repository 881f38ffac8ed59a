#include "server/http_client.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <strings.h>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace storyfuse {
namespace {

// Closes the socket when it goes out of scope.
struct Socket {
  int fd = -1;
  ~Socket() {
    if (fd >= 0) close(fd);
  }
};

Status Connect(const std::string& host, int port, Socket* sock) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* res = nullptr;
  if (getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &res) != 0) {
    return Status::IoError("cannot resolve " + host);
  }
  Status st = Status::IoError("cannot connect to " + host + ":" + std::to_string(port));
  for (addrinfo* ai = res; ai; ai = ai->ai_next) {
    sock->fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
    if (sock->fd < 0) continue;
    if (connect(sock->fd, ai->ai_addr, ai->ai_addrlen) == 0) {
      int one = 1;
      setsockopt(sock->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      st = Status::Ok();
      break;
    }
    close(sock->fd);
    sock->fd = -1;
  }
  freeaddrinfo(res);
  return st;
}

Status SendAll(int fd, const std::string& data) {
  for (size_t sent = 0; sent < data.size();) {
    ssize_t n = send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Status::IoError(std::string("send failed: ") + std::strerror(errno));
    sent += static_cast<size_t>(n);
  }
  return Status::Ok();
}

Status ReadAll(int fd, int timeout_ms, std::string* out) {
  char buf[65536];
  for (;;) {
    pollfd p{fd, POLLIN, 0};
    int r = poll(&p, 1, timeout_ms);
    if (r < 0 && errno == EINTR) continue;
    if (r == 0) return Status::IoError("timed out waiting for the response");
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::IoError(std::string("recv failed: ") + std::strerror(errno));
    if (n == 0) return Status::Ok();
    out->append(buf, static_cast<size_t>(n));
  }
}

Result<HttpReply> ParseReply(const std::string& raw) {
  size_t head_end = raw.find("\r\n\r\n");
  if (raw.compare(0, 5, "HTTP/") != 0 || head_end == std::string::npos) {
    return Status::IoError("malformed HTTP response");
  }
  HttpReply reply;
  reply.status = std::atoi(raw.c_str() + raw.find(' ') + 1);
  for (size_t pos = raw.find("\r\n") + 2; pos < head_end;) {
    size_t eol = raw.find("\r\n", pos);
    std::string line = raw.substr(pos, eol - pos);
    pos = eol + 2;
    if (strncasecmp(line.c_str(), "content-type:", 13) == 0) {
      reply.content_type = line.substr(line.find_first_not_of(' ', 13));
    }
  }
  reply.body = raw.substr(head_end + 4);
  return reply;
}

}  // namespace

Result<HttpReply> HttpFetch(const std::string& host, int port, const HttpCall& call) {
  Socket sock;
  STORYFUSE_RETURN_IF_ERROR(Connect(host, port, &sock));
  std::string req = call.method + " " + call.target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n";
  if (!call.content_type.empty()) req += "Content-Type: " + call.content_type + "\r\n";
  if (!call.body.empty() || call.method == "POST")
    req += "Content-Length: " + std::to_string(call.body.size()) + "\r\n";
  req += "\r\n";
  req += call.body;
  std::string where = host + ":" + std::to_string(port) + call.target;
  Status sent = SendAll(sock.fd, req);
  // A server may answer (413) and close before reading the whole body:
  // read what it said even when sending failed.
  std::string raw;
  Status read = ReadAll(sock.fd, call.timeout_ms, &raw);
  if (!sent.ok() && raw.empty()) return sent.WithContext(where);
  if (!read.ok() && raw.empty()) return read.WithContext(where);
  Result<HttpReply> reply = ParseReply(raw);
  if (!reply.ok()) return reply.status().WithContext(where);
  return reply;
}

namespace {

std::string HeaderValue(const std::string& raw, size_t head_end, const char* name) {
  size_t len = std::strlen(name);
  for (size_t pos = raw.find("\r\n") + 2; pos < head_end;) {
    size_t eol = raw.find("\r\n", pos);
    if (eol - pos > len && strncasecmp(raw.c_str() + pos, name, len) == 0 && raw[pos + len] == ':') {
      size_t v = raw.find_first_not_of(' ', pos + len + 1);
      return v < eol ? raw.substr(v, eol - v) : "";
    }
    pos = eol + 2;
  }
  return "";
}

}  // namespace

HttpConnection::HttpConnection(std::string host, int port) : host_(std::move(host)), port_(port) {}

HttpConnection::~HttpConnection() { Close(); }

void HttpConnection::Close() {
  if (fd_ >= 0) close(fd_);
  fd_ = -1;
}

Result<HttpReply> HttpConnection::Fetch(const HttpCall& call) {
  bool stale = false;
  Result<HttpReply> reply = Attempt(call, &stale);
  if (stale) reply = Attempt(call, &stale);  // the server had closed it: once more, anew
  return reply;
}

Result<HttpReply> HttpConnection::Attempt(const HttpCall& call, bool* stale) {
  std::string where = host_ + ":" + std::to_string(port_) + call.target;
  bool reused = fd_ >= 0;
  *stale = false;
  if (!reused) {
    Socket sock;
    STORYFUSE_RETURN_IF_ERROR(Connect(host_, port_, &sock).WithContext(where));
    fd_ = sock.fd;
    sock.fd = -1;
    ++connects_;
  }
  std::string req = call.method + " " + call.target + " HTTP/1.1\r\nHost: " + host_ + "\r\nConnection: keep-alive\r\n";
  if (!call.content_type.empty()) req += "Content-Type: " + call.content_type + "\r\n";
  if (!call.body.empty() || call.method == "POST")
    req += "Content-Length: " + std::to_string(call.body.size()) + "\r\n";
  req += "\r\n";
  req += call.body;
  Status sent = SendAll(fd_, req);
  std::string raw;
  size_t head_end = std::string::npos, want = std::string::npos;
  char buf[65536];
  while (want == std::string::npos || raw.size() < want) {
    pollfd p{fd_, POLLIN, 0};
    int r = poll(&p, 1, call.timeout_ms);
    if (r < 0 && errno == EINTR) continue;
    if (r == 0) {
      Close();
      return Status::IoError("timed out waiting for the response").WithContext(where);
    }
    ssize_t n = recv(fd_, buf, sizeof buf, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      Close();
      *stale = reused && raw.empty();
      if (head_end != std::string::npos && want == std::string::npos) break;  // body ends at close
      if (!sent.ok()) return sent.WithContext(where);
      return Status::IoError("connection closed before the whole response").WithContext(where);
    }
    raw.append(buf, static_cast<size_t>(n));
    if (head_end == std::string::npos && (head_end = raw.find("\r\n\r\n")) != std::string::npos) {
      std::string length = HeaderValue(raw, head_end, "Content-Length");
      if (!length.empty()) want = head_end + 4 + std::strtoull(length.c_str(), nullptr, 10);
    }
  }
  Result<HttpReply> reply = ParseReply(raw);
  if (!reply.ok()) {
    Close();
    return reply.status().WithContext(where);
  }
  if (want == std::string::npos || strcasecmp(HeaderValue(raw, head_end, "Connection").c_str(), "close") == 0) {
    Close();
  }
  return reply;
}

std::string UrlEncode(const std::string& value) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : value) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace storyfuse
