#include "feed/warc_writer.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <random>

#include "ingest/gzip_reader.h"

namespace storyfuse {
namespace {

std::string UtcStamp(const char* format) {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, format, &tm);
  return buf;
}

// A random (version 4) UUID, as WARC-Record-ID asks for a globally unique
// identifier.
std::string Uuid() {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  uint64_t hi = rng(), lo = rng();
  hi = (hi & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;
  lo = (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%08llx-%04llx-%04llx-%04llx-%012llx", static_cast<unsigned long long>(hi >> 32),
                static_cast<unsigned long long>((hi >> 16) & 0xFFFF), static_cast<unsigned long long>(hi & 0xFFFF),
                static_cast<unsigned long long>(lo >> 48), static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFULL));
  return buf;
}

// A header value never carries a line break into the record.
std::string OneLine(std::string v) {
  for (char& c : v) {
    if (c == '\r' || c == '\n') c = ' ';
  }
  return v;
}

std::string Record(const std::string& type, const std::string& uri, const std::string& content_type,
                   const std::string& block) {
  std::string r = "WARC/1.1\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:" + Uuid() +
                  ">\r\nWARC-Date: " + UtcStamp("%Y-%m-%dT%H:%M:%SZ") + "\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + OneLine(uri) + "\r\n";
  r += "Content-Type: " + content_type + "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  r += block;
  r += "\r\n\r\n";
  return GzipReader::Compress(r);
}

}  // namespace

Result<std::unique_ptr<WarcWriter>> WarcWriter::Open(const std::string& dir, uint64_t max_file_bytes) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir)) {
    return Status::IoError(dir + ": cannot create the WARC folder" + (ec ? ": " + ec.message() : ""));
  }
  return std::unique_ptr<WarcWriter>(new WarcWriter(dir, max_file_bytes));
}

WarcWriter::~WarcWriter() {
  if (file_ != nullptr) std::fclose(file_);
}

std::string WarcWriter::HttpBlock(const FetchResponse& r) {
  std::string b = "HTTP/1.1 " + std::to_string(r.status) + "\r\n";
  auto header = [&b](const char* name, const std::string& value) {
    if (!value.empty()) b += std::string(name) + ": " + OneLine(value) + "\r\n";
  };
  header("Content-Type", r.content_type);
  header("ETag", r.etag);
  header("Last-Modified", r.last_modified);
  header("Retry-After", r.retry_after);
  b += "Content-Length: " + std::to_string(r.body.size()) + "\r\n\r\n";
  return b + r.body;
}

Status WarcWriter::Rotate() {
  if (file_ != nullptr && std::fclose(file_) != 0) return Status::IoError(path_ + ": cannot close the WARC file");
  file_ = nullptr;
  std::string stamp = UtcStamp("%Y%m%d%H%M%S");
  for (int serial = files_;; ++serial) {
    char name[64];
    std::snprintf(name, sizeof name, "storyfuse-%s-%05d.warc.gz", stamp.c_str(), serial);
    path_ = (std::filesystem::path(dir_) / name).string();
    file_ = std::fopen(path_.c_str(), "wbx");  // never overwrite a file
    if (file_ != nullptr) break;
    if (errno != EEXIST) return Status::IoError(path_ + ": cannot create: " + std::strerror(errno));
  }
  ++files_;
  file_bytes_ = 0;
  file_records_ = 0;
  std::string info = "software: storyfuse\r\nformat: WARC File Format 1.1\r\n";
  return Append(Record("warcinfo", "", "application/warc-fields", info));
}

Status WarcWriter::Append(const std::string& record) {
  if (std::fwrite(record.data(), 1, record.size(), file_) != record.size() || std::fflush(file_) != 0) {
    return Status::IoError(path_ + ": cannot write: " + std::strerror(errno));
  }
  file_bytes_ += record.size();
  return Status::Ok();
}

Status WarcWriter::Write(const FetchResponse& response) {
  std::string uri = response.final_url.empty() ? response.url : response.final_url;
  std::string record = Record("response", uri, "application/http; msgtype=response", HttpBlock(response));
  std::lock_guard<std::mutex> lock(mu_);
  if (file_ == nullptr || (file_records_ > 0 && file_bytes_ + record.size() > max_file_bytes_)) {
    STORYFUSE_RETURN_IF_ERROR(Rotate());
  }
  STORYFUSE_RETURN_IF_ERROR(Append(record));
  ++records_;
  ++file_records_;
  return Status::Ok();
}

uint64_t WarcWriter::records() const {
  std::lock_guard<std::mutex> lock(mu_);
  return records_;
}

int WarcWriter::files() const {
  std::lock_guard<std::mutex> lock(mu_);
  return files_;
}

}  // namespace storyfuse
