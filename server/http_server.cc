#include "server/http_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <httplib.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>
#include <unordered_map>
#include <vector>

#include "server/http_framer.h"
#include "text/ascii_chars.h"

namespace storyfuse {
namespace {

using Clock = std::chrono::steady_clock;

constexpr size_t kKeepAliveRequests = 100;
// Pending connections the kernel queues before accept (its default of
// 128, or the library's 5, drops handshakes when many clients connect at
// once: they then wait 1, 2, 4 s for retransmits).
constexpr int kListenBacklog = 1024;
// The reactor wakes at least this often to expire deadlines.
constexpr int kTickMs = 50;
// After refusing a request whose body is still coming, the connection is
// drained (read and dropped) this long or this much before it is closed:
// closing with unread bytes sends a reset that can destroy the refusal
// before the client reads it.
constexpr auto kLinger = std::chrono::seconds(2);
constexpr size_t kLingerBytes = 4u << 20;
constexpr size_t kReadChunk = 64 * 1024;
// Bytes read from one connection before its request is looked at again
// (and other connections get their turn): a fast sender of an oversized
// body is refused after at most this much more.
constexpr size_t kReadPerEvent = 4 * kReadChunk;

std::string MediaType(const std::string& header) {
  std::string type = header.substr(0, header.find(';'));
  type.erase(std::remove_if(type.begin(), type.end(), [](char c) { return IsAsciiSpace(c); }), type.end());
  return AsciiLower(type);
}

std::string ErrorJson(int status, const std::string& message) {
  return nlohmann::json{{"error", message}, {"status", status}}.dump(-1, ' ', false,
                                                                     nlohmann::json::error_handler_t::replace);
}

const char* Reason(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 413:
      return "Payload Too Large";
    case 414:
      return "URI Too Long";
    case 415:
      return "Unsupported Media Type";
    case 421:
      return "Misdirected Request";
    case 431:
      return "Request Header Fields Too Large";
    case 501:
      return "Not Implemented";
    case 503:
      return "Service Unavailable";
    default:
      return "Error";
  }
}

// A whole response written by the reactor itself (refusals), always
// closing the connection.
std::string RawResponse(const HttpResponse& r) {
  std::string out = "HTTP/1.1 " + std::to_string(r.status) + " " + Reason(r.status) + "\r\n";
  out += "Content-Type: " + r.content_type + "\r\n";
  out += "Content-Length: " + std::to_string(r.body.size()) + "\r\n";
  if (!r.allow.empty()) out += "Allow: " + r.allow + "\r\n";
  if (r.status == 401) out += "WWW-Authenticate: Bearer\r\n";
  out += "X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n";
  out += r.body;
  return out;
}

HttpResponse ErrorResponse(int status, const std::string& message) {
  HttpResponse r;
  r.status = status;
  r.body = ErrorJson(status, message);
  return r;
}

std::string LibraryError(int status, size_t max_body) {
  switch (status) {
    case 413:
      return "body over the limit of " + std::to_string(max_body) + " bytes";
    case 414:
      return "request URI too long";
    case 400:
      return "malformed HTTP request";
    default:
      return "HTTP error " + std::to_string(status);
  }
}

// Per-request state a worker hands to the route handler (the library's
// handler signature has no room for it).
struct RequestContext {
  std::shared_ptr<std::atomic<bool>> client_gone;
  std::string remote_addr;
};
thread_local const RequestContext* t_context = nullptr;

HttpRequest ToRequest(const httplib::Request& in) {
  HttpRequest out;
  out.method = in.method;
  out.path = in.path;
  for (const auto& [key, value] : in.params) out.params.emplace(key, value);  // first value wins
  out.content_type = MediaType(in.get_header_value("Content-Type"));
  out.body = in.body;
  out.host = in.get_header_value("Host");
  out.origin = in.get_header_value("Origin");
  out.authorization = in.get_header_value("Authorization");
  if (t_context != nullptr) {
    out.remote_addr = t_context->remote_addr;
    out.client_gone = t_context->client_gone;
  }
  return out;
}

// The head check's view of a request: no body, the raw path.
HttpRequest HeadRequest(const HttpHead& head, const std::string& remote_addr) {
  HttpRequest out;
  out.method = head.method;
  out.path = head.target.substr(0, head.target.find('?'));
  out.content_type = MediaType(std::string(head.Header("content-type")));
  out.host = std::string(head.Header("host"));
  out.origin = std::string(head.Header("origin"));
  out.authorization = std::string(head.Header("authorization"));
  out.remote_addr = remote_addr;
  return out;
}

void Fill(const HttpResponse& in, httplib::Response* out) {
  out->status = in.status;
  out->set_content(in.body, in.content_type.c_str());
  if (!in.cache_control.empty()) out->set_header("Cache-Control", in.cache_control);
  if (!in.allow.empty()) out->set_header("Allow", in.allow);
  if (in.status == 401) out->set_header("WWW-Authenticate", "Bearer");
  out->set_header("X-Content-Type-Options", "nosniff");
}

// The request's bytes in, the response's bytes out to `sink`: lets the
// library parse a request the reactor has already read whole.
class ByteStream : public httplib::Stream {
 public:
  using Sink = std::function<bool(const char*, size_t)>;
  ByteStream(std::string_view in, Sink sink, std::string remote_ip, int remote_port, int fd)
      : in_(in), sink_(std::move(sink)), remote_ip_(std::move(remote_ip)), remote_port_(remote_port), fd_(fd) {}

  bool is_readable() const override { return pos_ < in_.size(); }
  bool is_writable() const override { return !failed_; }
  ssize_t read(char* ptr, size_t size) override {
    size_t n = std::min(size, in_.size() - pos_);
    std::memcpy(ptr, in_.data() + pos_, n);
    pos_ += n;
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, size_t size) override {
    if (failed_ || !sink_(ptr, size)) {
      failed_ = true;
      return -1;
    }
    return static_cast<ssize_t>(size);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = remote_ip_;
    port = remote_port_;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip.clear();
    port = 0;
  }
  socket_t socket() const override { return fd_; }
  bool failed() const { return failed_; }

 private:
  std::string_view in_;
  size_t pos_ = 0;
  Sink sink_;
  std::string remote_ip_;
  int remote_port_;
  int fd_;
  bool failed_ = false;
};

// Exposes the library's request processing (parse, route, write) over any
// Stream; its own accept loop and connection handling are not used.
class LibraryServer : public httplib::Server {
 public:
  bool Process(httplib::Stream& strm, bool close_connection, bool* connection_closed) {
    bool closed = false;
    bool ok = process_request(strm, close_connection, closed, nullptr);
    *connection_closed = closed;
    return ok;
  }
};

// Writes all of [p, p+n) to a non-blocking socket before `deadline`.
bool SendAll(int fd, const char* p, size_t n, Clock::time_point deadline) {
  while (n > 0) {
    ssize_t w = ::send(fd, p, n, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (w > 0) {
      p += w;
      n -= static_cast<size_t>(w);
      continue;
    }
    if (w < 0 && errno == EINTR) continue;
    if (w < 0 && errno != EAGAIN && errno != EWOULDBLOCK) return false;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return false;
    pollfd pfd{fd, POLLOUT, 0};
    if (::poll(&pfd, 1, static_cast<int>(std::min<long long>(left, 1000))) < 0 && errno != EINTR) return false;
  }
  return true;
}

// "Expect: 100-continue" was answered by the reactor; the library would
// answer it again mid-response.
std::string WithoutExpect(std::string_view request, size_t head_size) {
  std::string out;
  out.reserve(request.size());
  size_t pos = 0;
  while (pos < head_size) {
    size_t eol = request.find("\r\n", pos);
    if (eol == std::string_view::npos || eol >= head_size) break;
    std::string_view line = request.substr(pos, eol + 2 - pos);
    if (!(line.size() >= 7 && AsciiLower(line.substr(0, 7)) == "expect:")) out.append(line);
    pos = eol + 2;
  }
  out.append(request.substr(pos));
  return out;
}

std::string PeerIp(const sockaddr_storage& addr, int* port) {
  char buf[INET6_ADDRSTRLEN] = "";
  *port = 0;
  if (addr.ss_family == AF_INET) {
    const auto* a = reinterpret_cast<const sockaddr_in*>(&addr);
    inet_ntop(AF_INET, &a->sin_addr, buf, sizeof buf);
    *port = ntohs(a->sin_port);
  } else if (addr.ss_family == AF_INET6) {
    const auto* a = reinterpret_cast<const sockaddr_in6*>(&addr);
    *port = ntohs(a->sin6_port);
    if (IN6_IS_ADDR_V4MAPPED(&a->sin6_addr)) {
      inet_ntop(AF_INET, reinterpret_cast<const char*>(&a->sin6_addr) + 12, buf, sizeof buf);
    } else {
      inet_ntop(AF_INET6, &a->sin6_addr, buf, sizeof buf);
    }
  }
  return buf;
}

// Room for every connection we may hold, plus the database's files.
void RaiseDescriptorLimit(int connections) {
  rlimit lim{};
  if (getrlimit(RLIMIT_NOFILE, &lim) != 0) return;
  rlim_t want = static_cast<rlim_t>(connections) + 512;
  if (lim.rlim_cur >= want) return;
  lim.rlim_cur = std::min(want, lim.rlim_max);
  setrlimit(RLIMIT_NOFILE, &lim);
}

}  // namespace

struct HttpServer::Impl {
  enum class Phase { kIdle, kReading, kDispatched, kLingering };

  struct Conn {
    int fd = -1;
    std::string ip;
    int port = 0;
    std::string in;  // received, not yet handed to a worker
    HttpFramer framer;
    Phase phase = Phase::kIdle;
    Clock::time_point since;  // when the phase began
    bool served = false;      // answered a request already (a keep-alive idle)
    bool head_checked = false;
    bool eof = false;
    bool watched = true;  // in the epoll set
    size_t requests = 0;
    size_t lingered = 0;
    std::shared_ptr<std::atomic<bool>> client_gone;
    explicit Conn(size_t max_body) : framer(max_body) {}
  };

  struct Job {
    int fd;
    std::string request;
    bool close_after;
    std::string ip;
    int port;
    std::shared_ptr<std::atomic<bool>> client_gone;
  };

  struct Returned {
    int fd;
    bool keep;
    size_t bytes;  // of the request, held in memory until now
  };

  HttpServerOptions options;
  Handler handler;
  HeadCheck head_check;
  LibraryServer library;
  size_t max_buffered = 0;

  int listen_fd = -1;
  int port = 0;
  int epoll_fd = -1;
  int wake_fd = -1;
  std::atomic<bool> stopping{false};
  std::atomic<bool> serving{false};
  std::atomic<bool> serve_ended{false};
  std::thread thread;  // Start()'s

  // Reactor-only state.
  std::unordered_map<int, std::unique_ptr<Conn>> conns;
  std::unordered_map<std::string, int> per_ip;
  size_t buffered = 0;

  // Reactor <-> workers.
  std::mutex mu;
  std::condition_variable work_cv;
  std::deque<Job> jobs;            // guarded by mu
  std::vector<Returned> returned;  // guarded by mu
  bool workers_stop = false;       // guarded by mu

  ~Impl() {
    if (listen_fd >= 0) ::close(listen_fd);
  }

  void Wake() {
    uint64_t one = 1;
    ssize_t ignored = ::write(wake_fd, &one, sizeof one);
    (void)ignored;
  }

  // --- the reactor -------------------------------------------------------

  void Watch(Conn& c, uint32_t events) {
    epoll_event ev{};
    ev.events = events;
    ev.data.fd = c.fd;
    if (epoll_ctl(epoll_fd, c.watched ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, c.fd, &ev) == 0) c.watched = true;
  }

  void Unwatch(Conn& c) {
    if (c.watched) epoll_ctl(epoll_fd, EPOLL_CTL_DEL, c.fd, nullptr);
    c.watched = false;
  }

  void Close(int fd) {
    auto it = conns.find(fd);
    if (it == conns.end()) return;
    Conn& c = *it->second;
    Unwatch(c);
    buffered -= std::min(buffered, c.in.size());
    if (--per_ip[c.ip] <= 0) per_ip.erase(c.ip);
    ::close(fd);
    conns.erase(it);
  }

  // Sends a refusal, then drains what the client still sends for a while.
  void Refuse(Conn& c, const HttpResponse& r) {
    std::string raw = RawResponse(r);
    (void)SendAll(c.fd, raw.data(), raw.size(), Clock::now() + std::chrono::milliseconds(200));
    ::shutdown(c.fd, SHUT_WR);
    buffered -= std::min(buffered, c.in.size());
    c.in.clear();
    c.in.shrink_to_fit();
    c.phase = Phase::kLingering;
    c.since = Clock::now();
    Watch(c, EPOLLIN | EPOLLRDHUP);
  }

  // The connection to close to make room: the longest idle after a
  // response, else the longest idle that never sent a byte, else the
  // longest reading; never one being handled. `ip` empty: any address.
  int Victim(const std::string& ip) const {
    int best = -1;
    int best_rank = 3;
    Clock::time_point best_since{};
    for (const auto& [fd, c] : conns) {
      if (!ip.empty() && c->ip != ip) continue;
      int rank = c->phase == Phase::kLingering ? 0
                 : c->phase == Phase::kIdle    ? (c->served ? 0 : 1)
                 : c->phase == Phase::kReading ? 2
                                               : 3;
      if (rank > best_rank || rank == 3) continue;
      if (best < 0 || rank < best_rank || c->since < best_since) {
        best = fd;
        best_rank = rank;
        best_since = c->since;
      }
    }
    return best;
  }

  // Makes room for one more connection from `ip`; false when there is none.
  bool MakeRoom(const std::string& ip) {
    bool loopback = ip.rfind("127.", 0) == 0 || ip == "::1";
    if ((!loopback || options.limit_loopback) && per_ip.count(ip) && per_ip[ip] >= options.max_connections_per_ip) {
      int v = Victim(ip);
      if (v < 0) return false;
      Close(v);
    }
    if (static_cast<int>(conns.size()) >= options.max_connections) {
      int v = Victim("");
      if (v < 0) return false;
      Close(v);
    }
    return true;
  }

  void AcceptAll() {
    for (;;) {
      sockaddr_storage addr{};
      socklen_t len = sizeof addr;
      int fd = ::accept4(listen_fd, reinterpret_cast<sockaddr*>(&addr), &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) {
        if (errno == EINTR) continue;
        return;  // EAGAIN, or out of descriptors: the backlog keeps them
      }
      int port_no = 0;
      std::string ip = PeerIp(addr, &port_no);
      if (!MakeRoom(ip)) {
        std::string raw = RawResponse(ErrorResponse(503, "too many connections from " + ip + "; try again later"));
        (void)::send(fd, raw.data(), raw.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        ::close(fd);
        continue;
      }
      int yes = 1;
      setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
      auto conn = std::make_unique<Conn>(options.max_body);
      conn->fd = fd;
      conn->ip = ip;
      conn->port = port_no;
      conn->since = Clock::now();
      conn->watched = false;
      ++per_ip[ip];
      Watch(*conn, EPOLLIN | EPOLLRDHUP);
      conns.emplace(fd, std::move(conn));
    }
  }

  // Reads what the socket has; false when the connection was closed.
  bool Receive(Conn& c) {
    char buf[kReadChunk];
    for (size_t got = 0; got < kReadPerEvent;) {
      ssize_t n = ::recv(c.fd, buf, sizeof buf, 0);
      if (n > 0) {
        if (c.phase == Phase::kLingering) {
          c.lingered += static_cast<size_t>(n);
          if (c.lingered > kLingerBytes) {
            Close(c.fd);
            return false;
          }
          continue;
        }
        if (buffered + static_cast<size_t>(n) > max_buffered) {
          Refuse(c, ErrorResponse(503, "server busy: too many request bodies in memory; try again later"));
          return true;
        }
        c.in.append(buf, static_cast<size_t>(n));
        buffered += static_cast<size_t>(n);
        got += static_cast<size_t>(n);
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return true;
      // EOF or error.
      if (c.phase == Phase::kLingering || c.in.empty()) {
        Close(c.fd);
        return false;
      }
      c.eof = true;
      return true;
    }
    return true;  // more may wait: epoll reports it again
  }

  void OnEvent(int fd, uint32_t events) {
    auto it = conns.find(fd);
    if (it == conns.end()) return;
    Conn& c = *it->second;
    if (c.phase == Phase::kDispatched) {
      // The client went away while its request is being handled.
      if (events & (EPOLLRDHUP | EPOLLHUP | EPOLLERR)) {
        c.client_gone->store(true);
        Unwatch(c);
      }
      return;
    }
    if (!Receive(c)) return;
    if (c.phase == Phase::kLingering) return;
    Progress(c);
  }

  void Progress(Conn& c) {
    if (c.phase == Phase::kIdle) {
      // Stray line ends between requests (allowed before a request line).
      size_t skip = 0;
      while (skip < c.in.size() && (c.in[skip] == '\r' || c.in[skip] == '\n')) ++skip;
      if (skip > 0) {
        c.in.erase(0, skip);
        buffered -= skip;
      }
      if (c.in.empty()) {
        if (c.eof) Close(c.fd);
        return;
      }
      c.phase = Phase::kReading;
      c.since = Clock::now();
    }
    if (c.phase != Phase::kReading) return;
    HttpFramer::State state = c.framer.Advance(c.in);
    if (c.framer.head_done() && !c.head_checked) {
      c.head_checked = true;
      if (head_check) {
        if (std::optional<HttpResponse> refusal = head_check(HeadRequest(c.framer.head(), c.ip))) {
          Refuse(c, *refusal);
          return;
        }
      }
      if (state == HttpFramer::State::kNeedMore && c.framer.expects_continue()) {
        static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
        (void)SendAll(c.fd, kContinue.data(), kContinue.size(), Clock::now() + std::chrono::milliseconds(200));
      }
    }
    if (state == HttpFramer::State::kError) {
      Refuse(c, ErrorResponse(c.framer.error_status(), c.framer.error()));
      return;
    }
    if (state == HttpFramer::State::kNeedMore) {
      if (c.eof) Close(c.fd);
      return;
    }
    Dispatch(c);
  }

  void Dispatch(Conn& c) {
    size_t end = c.framer.end();
    Job job;
    job.fd = c.fd;
    job.request = c.framer.expects_continue()
                      ? WithoutExpect(std::string_view(c.in).substr(0, end), c.framer.head().size)
                      : c.in.substr(0, end);
    c.in.erase(0, end);
    buffered -= std::min(buffered, end);
    buffered += job.request.size();  // held until the worker is done
    job.close_after = c.eof || stopping || ++c.requests >= kKeepAliveRequests;
    job.ip = c.ip;
    job.port = c.port;
    c.client_gone = std::make_shared<std::atomic<bool>>(false);
    job.client_gone = c.client_gone;
    c.phase = Phase::kDispatched;
    c.since = Clock::now();
    Watch(c, EPOLLRDHUP);
    {
      std::lock_guard<std::mutex> lock(mu);
      jobs.push_back(std::move(job));
    }
    work_cv.notify_one();
  }

  void TakeReturns() {
    std::vector<Returned> done;
    {
      std::lock_guard<std::mutex> lock(mu);
      done.swap(returned);
    }
    for (const Returned& r : done) {
      buffered -= std::min(buffered, r.bytes);
      auto it = conns.find(r.fd);
      if (it == conns.end()) continue;
      Conn& c = *it->second;
      if (!r.keep || c.client_gone->load() || stopping) {
        Close(r.fd);
        continue;
      }
      c.phase = Phase::kIdle;
      c.served = true;
      c.head_checked = false;
      c.since = Clock::now();
      c.framer.Reset();
      Watch(c, EPOLLIN | EPOLLRDHUP);
      Progress(c);  // a pipelined request may be buffered already
    }
  }

  void Sweep() {
    auto now = Clock::now();
    auto keep_alive = std::chrono::seconds(options.keep_alive_seconds);
    auto request_timeout = std::chrono::seconds(options.request_timeout_seconds);
    std::vector<int> close, late;
    for (const auto& [fd, c] : conns) {
      if (c->phase == Phase::kIdle && now - c->since > keep_alive) close.push_back(fd);
      if (c->phase == Phase::kLingering && now - c->since > kLinger) close.push_back(fd);
      if (c->phase == Phase::kReading && now - c->since > request_timeout) late.push_back(fd);
    }
    for (int fd : close) Close(fd);
    for (int fd : late) {
      Refuse(*conns[fd], ErrorResponse(408, "request not received whole within " +
                                                std::to_string(options.request_timeout_seconds) + " s"));
    }
  }

  void Reactor() {
    std::vector<epoll_event> events(256);
    auto last_sweep = Clock::now();
    while (!stopping) {
      int n = epoll_wait(epoll_fd, events.data(), static_cast<int>(events.size()), kTickMs);
      for (int i = 0; i < n; ++i) {
        int fd = events[i].data.fd;
        if (fd == listen_fd) {
          AcceptAll();
        } else if (fd == wake_fd) {
          uint64_t count;
          ssize_t ignored = ::read(wake_fd, &count, sizeof count);
          (void)ignored;
          TakeReturns();
        } else {
          OnEvent(fd, events[i].events);
        }
      }
      if (Clock::now() - last_sweep >= std::chrono::milliseconds(kTickMs)) {
        Sweep();
        last_sweep = Clock::now();
      }
    }
  }

  // --- the workers -------------------------------------------------------

  // Runs one request through the library and the handler; `sink` gets the
  // response bytes. False when the connection must close.
  bool Answer(std::string_view request, bool close_after, const std::string& ip, int port, int fd,
              const std::shared_ptr<std::atomic<bool>>& client_gone, const ByteStream::Sink& sink) {
    RequestContext context{client_gone, ip};
    t_context = &context;
    ByteStream strm(request, sink, ip, port, fd);
    bool closed = false;
    bool ok = library.Process(strm, close_after, &closed);
    t_context = nullptr;
    return ok && !closed && !close_after && !strm.failed();
  }

  void Worker() {
    for (;;) {
      Job job;
      {
        std::unique_lock<std::mutex> lock(mu);
        work_cv.wait(lock, [this] { return workers_stop || !jobs.empty(); });
        if (jobs.empty()) return;
        job = std::move(jobs.front());
        jobs.pop_front();
      }
      auto deadline = Clock::now() + std::chrono::seconds(options.request_timeout_seconds);
      int fd = job.fd;
      bool keep = Answer(job.request, job.close_after, job.ip, job.port, fd, job.client_gone,
                         [fd, deadline](const char* p, size_t n) { return SendAll(fd, p, n, deadline); });
      {
        std::lock_guard<std::mutex> lock(mu);
        returned.push_back({fd, keep, job.request.size()});
      }
      Wake();
    }
  }
};

size_t HttpServer::MaxBufferedBytes(size_t max_body) { return std::max<size_t>(256u << 20, 4 * max_body); }

HttpServer::HttpServer(HttpServerOptions options, Handler handler, HeadCheck head_check)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->handler = std::move(handler);
  impl_->head_check = std::move(head_check);
  impl_->max_buffered = MaxBufferedBytes(impl_->options.max_body);
  httplib::Server& s = impl_->library;
  s.set_payload_max_length(impl_->options.max_body);
  s.set_keep_alive_max_count(kKeepAliveRequests);
  s.set_keep_alive_timeout(impl_->options.keep_alive_seconds);
  Impl* impl = impl_.get();
  auto serve = [impl](const httplib::Request& req, httplib::Response& res) {
    Fill(impl->handler(ToRequest(req)), &res);
  };
  s.Get(".*", serve);
  s.Post(".*", serve);
  s.Put(".*", serve);
  s.Delete(".*", serve);
  s.Patch(".*", serve);
  s.Options(".*", serve);
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
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  if (getaddrinfo(o.host.c_str(), std::to_string(o.port).c_str(), &hints, &found) != 0 || found == nullptr) {
    return Status::IoError("cannot bind " + where + " (not an address of this host)");
  }
  int fd = ::socket(found->ai_family, found->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, found->ai_protocol);
  int yes = 1;
  // SO_REUSEADDR only: SO_REUSEPORT would let a second server bind the
  // same port silently.
  if (fd >= 0) setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  bool ok = fd >= 0 && ::bind(fd, found->ai_addr, found->ai_addrlen) == 0 && ::listen(fd, kListenBacklog) == 0;
  freeaddrinfo(found);
  if (!ok) {
    std::string why = std::strerror(errno);
    if (fd >= 0) ::close(fd);
    return Status::IoError("cannot bind " + where + ": " + why);
  }
  sockaddr_storage bound{};
  socklen_t len = sizeof bound;
  getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &len);
  PeerIp(bound, &impl_->port);
  impl_->listen_fd = fd;
  RaiseDescriptorLimit(impl_->options.max_connections);
  return Status::Ok();
}

int HttpServer::port() const { return impl_->port; }

Status HttpServer::Serve() {
  Impl& m = *impl_;
  if (m.listen_fd < 0) return Status::IoError("Serve() before Bind()");
  m.epoll_fd = epoll_create1(EPOLL_CLOEXEC);
  m.wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (m.epoll_fd < 0 || m.wake_fd < 0) return Status::IoError("cannot create the event loop");
  for (int fd : {m.listen_fd, m.wake_fd}) {
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = fd;
    epoll_ctl(m.epoll_fd, EPOLL_CTL_ADD, fd, &ev);
  }
  {
    std::lock_guard<std::mutex> lock(m.mu);
    m.workers_stop = false;
  }
  std::vector<std::thread> workers;
  for (int i = 0; i < std::max(1, m.options.threads); ++i) workers.emplace_back([&m] { m.Worker(); });
  m.serving = true;
  m.Reactor();
  // Stopping: no new connections, none waiting; the requests being
  // handled finish (their connections close after).
  ::close(m.listen_fd);
  m.listen_fd = -1;
  {
    std::lock_guard<std::mutex> lock(m.mu);
    m.workers_stop = true;
    m.jobs.clear();
  }
  m.work_cv.notify_all();
  std::vector<int> open;
  for (const auto& [fd, c] : m.conns) {
    if (c->phase != Impl::Phase::kDispatched) open.push_back(fd);
  }
  for (int fd : open) m.Close(fd);
  for (std::thread& t : workers) t.join();
  std::vector<int> rest;
  for (const auto& [fd, c] : m.conns) rest.push_back(fd);
  for (int fd : rest) m.Close(fd);
  ::close(m.epoll_fd);
  ::close(m.wake_fd);
  m.epoll_fd = m.wake_fd = -1;
  m.serving = false;
  return Status::Ok();
}

Status HttpServer::Start() {
  STORYFUSE_RETURN_IF_ERROR(Bind());
  impl_->stopping = false;
  impl_->serve_ended = false;
  impl_->thread = std::thread([this] {
    (void)Serve();
    impl_->serve_ended = true;
  });
  while (!impl_->serving && !impl_->serve_ended) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  if (!impl_->serving) {
    impl_->thread.join();
    return Status::IoError("the HTTP listener failed to start");
  }
  return Status::Ok();
}

void HttpServer::Stop() {
  impl_->stopping = true;
  if (impl_->thread.joinable()) impl_->thread.join();
}

std::string HttpServer::Exchange(std::string_view raw) {
  Impl& m = *impl_;
  HttpFramer framer(m.options.max_body);
  HttpFramer::State state = framer.Advance(raw);
  if (framer.head_done() && m.head_check) {
    if (std::optional<HttpResponse> refusal = m.head_check(HeadRequest(framer.head(), "127.0.0.1"))) {
      return RawResponse(*refusal);
    }
  }
  if (state == HttpFramer::State::kError) return RawResponse(ErrorResponse(framer.error_status(), framer.error()));
  if (state == HttpFramer::State::kNeedMore) return "";
  std::string request = framer.expects_continue() ? WithoutExpect(raw.substr(0, framer.end()), framer.head().size)
                                                  : std::string(raw.substr(0, framer.end()));
  std::string out;
  m.Answer(request, /*close_after=*/true, "127.0.0.1", 0, -1, std::make_shared<std::atomic<bool>>(false),
           [&out](const char* p, size_t n) {
             out.append(p, n);
             return true;
           });
  return out;
}

}  // namespace storyfuse
