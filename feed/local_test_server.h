// LocalTestServer: an HTTP server on 127.0.0.1 (an ephemeral port) for the
// feed tests, through cpp-httplib, so that no test request leaves the
// machine. Tests add routes, then ask Url("/path"). Handlers that stall or
// drip check stopping() so that the destructor never waits long.
//
// Test-only (header-only, included by *_test.cc); thread-safe as httplib's
// Server is: routes are added before Start().
#ifndef STORYFUSE_FEED_LOCAL_TEST_SERVER_H_
#define STORYFUSE_FEED_LOCAL_TEST_SERVER_H_

#include <httplib.h>
#include <zlib.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

namespace storyfuse {

class LocalTestServer {
 public:
  LocalTestServer() = default;
  ~LocalTestServer() { Stop(); }

  httplib::Server& server() { return server_; }

  // Binds 127.0.0.1 on a free port and serves in a thread. False when no
  // port could be bound.
  bool Start() {
    port_ = server_.bind_to_any_port("127.0.0.1");
    if (port_ <= 0) return false;
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return true;
  }

  void Stop() {
    stopping_ = true;
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }

  bool stopping() const { return stopping_; }
  int port() const { return port_; }
  std::string Url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }

  // Sleeps up to `total`, in short steps, returning early when stopping.
  void SleepUnlessStopping(std::chrono::milliseconds total) const {
    auto end = std::chrono::steady_clock::now() + total;
    while (!stopping_ && std::chrono::steady_clock::now() < end) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }

  // gzip of `bytes` (for a pre-compressed body such as a gzip bomb).
  static std::string Gzip(const std::string& bytes) {
    z_stream z{};
    deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&z, bytes.size()), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    z.avail_in = static_cast<uInt>(bytes.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
  }

 private:
  httplib::Server server_;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  int port_ = 0;
};

}  // namespace storyfuse

#endif  // STORYFUSE_FEED_LOCAL_TEST_SERVER_H_
