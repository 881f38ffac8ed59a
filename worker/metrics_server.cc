#include "worker/metrics_server.h"

#include <httplib.h>

namespace storyfuse {

MetricsServer::MetricsServer(const WorkerMetrics* metrics)
    : metrics_(metrics), server_(std::make_unique<httplib::Server>()) {}

MetricsServer::~MetricsServer() {
  server_->stop();
  if (thread_.joinable()) thread_.join();
}

Status MetricsServer::Start(int port) {
  server_->Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
    res.set_content(metrics_->Render(), "text/plain; version=0.0.4");
  });
  const char* host = "127.0.0.1";  // loopback only: metrics are for the machine's scraper
  port_ = port == 0 ? server_->bind_to_any_port(host) : (server_->bind_to_port(host, port) ? port : -1);
  if (port_ <= 0) return Status::IoError("metrics: cannot listen on 127.0.0.1:" + std::to_string(port));
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  return Status::Ok();
}

}  // namespace storyfuse
