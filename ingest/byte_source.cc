#include "ingest/byte_source.h"

#include <cerrno>
#include <cstring>

namespace storyfuse {

Result<size_t> StringSource::Read(char* buf, size_t n) {
  n = std::min(n, bytes_.size());
  std::memcpy(buf, bytes_.data(), n);
  bytes_.remove_prefix(n);
  return n;
}

Result<std::unique_ptr<FileSource>> FileSource::Open(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Status::IoError(std::string("cannot open: ") + std::strerror(errno));
  return std::unique_ptr<FileSource>(new FileSource(f, /*owned=*/true));
}

std::unique_ptr<FileSource> FileSource::Stdin() {
  return std::unique_ptr<FileSource>(new FileSource(stdin, /*owned=*/false));
}

FileSource::~FileSource() {
  if (owned_) std::fclose(file_);
}

Result<size_t> FileSource::Read(char* buf, size_t n) {
  size_t got = std::fread(buf, 1, n, file_);
  // A short read is either the end or an error; only the latter is reported.
  if (got < n && std::ferror(file_)) {
    return Status::IoError(std::string("read failed: ") + std::strerror(errno));
  }
  return got;
}

}  // namespace storyfuse
