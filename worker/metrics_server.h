// MetricsServer: GET /metrics on a loopback port, in a thread of its own,
// answering WorkerMetrics::Render(). The only HTTP a worker speaks.
//
// Thread safety: Start and the destructor from one thread.
#ifndef STORYFUSE_WORKER_METRICS_SERVER_H_
#define STORYFUSE_WORKER_METRICS_SERVER_H_

#include <memory>
#include <thread>

#include "base/status.h"
#include "worker/worker_metrics.h"

namespace httplib {
class Server;
}

namespace storyfuse {

class MetricsServer {
 public:
  // `metrics` outlives the server.
  explicit MetricsServer(const WorkerMetrics* metrics);
  ~MetricsServer();  // stops and joins
  MetricsServer(const MetricsServer&) = delete;
  MetricsServer& operator=(const MetricsServer&) = delete;

  // Listens on 127.0.0.1:`port` (0: any free port); IoError when it cannot.
  Status Start(int port);
  int port() const { return port_; }

 private:
  const WorkerMetrics* metrics_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace storyfuse

#endif  // STORYFUSE_WORKER_METRICS_SERVER_H_
