// ByteSource: a pull-based stream of bytes (a file, stdin, a string, or a
// decompressor over another source), so readers can work on inputs larger
// than memory one bounded chunk at a time.
//
// Implementations are single-threaded: use one instance per thread.
#ifndef STORYFUSE_INGEST_BYTE_SOURCE_H_
#define STORYFUSE_INGEST_BYTE_SOURCE_H_

#include <cstddef>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"

namespace storyfuse {

class ByteSource {
 public:
  virtual ~ByteSource() = default;

  // Reads up to `n` bytes into `buf`. Returns how many were read; 0 means
  // the end of the input. Returns IoError or Corruption on failure; the
  // error is sticky (later Reads return it again) until Resync(). Error
  // messages do not name the input: the reader that knows it adds that.
  virtual Result<size_t> Read(char* buf, size_t n) = 0;

  // After a Read error, skips to the next point where reading can resume
  // (e.g. the next gzip member). Returns OK when reading may go on, or an
  // error when the rest of the input is lost (the default: no resync).
  virtual Status Resync() { return Status::Unsupported("cannot resume after an error"); }
};

// Reads an in-memory buffer it does not own; `bytes` must outlive it.
class StringSource : public ByteSource {
 public:
  explicit StringSource(std::string_view bytes) : bytes_(bytes) {}
  Result<size_t> Read(char* buf, size_t n) override;

 private:
  std::string_view bytes_;
};

// Reads a stdio stream. Owns (and closes) the FILE unless it is stdin.
class FileSource : public ByteSource {
 public:
  // Opens `path` for binary reading; returns IoError on failure.
  static Result<std::unique_ptr<FileSource>> Open(const std::string& path);
  // Reads standard input; never closes it.
  static std::unique_ptr<FileSource> Stdin();
  ~FileSource() override;
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  Result<size_t> Read(char* buf, size_t n) override;

 private:
  FileSource(std::FILE* file, bool owned) : file_(file), owned_(owned) {}
  std::FILE* file_;
  bool owned_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_BYTE_SOURCE_H_
