// WarcWriter: keeps every response the crawler got in WARC/1.1 files
// (`follow --warc DIR`, issue #24), so a followed corpus can be processed
// again later with `storyfuse ingest DIR/*.warc.gz`, as news-please does.
//
// Each response is one `response` record (WARC-Target-URI the URL that
// answered, after redirects; WARC-Date the time written; a random
// WARC-Record-ID) whose block is an HTTP/1.1 response: the status line, the
// headers the fetcher keeps (Content-Type with its charset, ETag,
// Last-Modified, Retry-After), a Content-Length, and the body as the
// fetcher returns it, already inflated (so no Content-Encoding). Each file
// starts with a `warcinfo` record naming storyfuse. Every record is its own
// gzip member (the .warc.gz convention, so readers can seek and resync),
// written and flushed at once: a kill -9 loses at most the record being
// written, and WarcReader skips a torn last record.
//
// Files are named storyfuse-YYYYMMDDhhmmss-NNNNN.warc.gz in `dir` (never
// overwriting one) and rotated before a record would take a file past
// max_file_bytes (a record larger than that gets a file of its own).
//
// Errors (IoError naming the file): the folder cannot be created, a file
// cannot be opened or written.
//
// Thread safety: Write may be called from several threads.
#ifndef STORYFUSE_FEED_WARC_WRITER_H_
#define STORYFUSE_FEED_WARC_WRITER_H_

#include <cstdio>
#include <memory>
#include <mutex>
#include <string>

#include "base/status.h"
#include "feed/http_fetcher.h"

namespace storyfuse {

class WarcWriter {
 public:
  // The size the WARC standard's annex suggests and crawlers (Heritrix,
  // wget) use: 1 GB files.
  static constexpr uint64_t kDefaultMaxFileBytes = uint64_t{1} << 30;

  // Creates `dir` if needed; files are opened on the first Write.
  static Result<std::unique_ptr<WarcWriter>> Open(const std::string& dir,
                                                  uint64_t max_file_bytes = kDefaultMaxFileBytes);
  ~WarcWriter();
  WarcWriter(const WarcWriter&) = delete;
  WarcWriter& operator=(const WarcWriter&) = delete;

  Status Write(const FetchResponse& response);

  // Records written, and files opened, so far.
  uint64_t records() const;
  int files() const;

  // The HTTP block of a record, as written (for tests).
  static std::string HttpBlock(const FetchResponse& response);

 private:
  WarcWriter(std::string dir, uint64_t max_file_bytes) : dir_(std::move(dir)), max_file_bytes_(max_file_bytes) {}
  Status Rotate();
  Status Append(const std::string& record);

  const std::string dir_;
  const uint64_t max_file_bytes_;
  mutable std::mutex mu_;
  std::FILE* file_ = nullptr;
  std::string path_;
  uint64_t file_bytes_ = 0;
  uint64_t file_records_ = 0;  // responses in the current file
  uint64_t records_ = 0;
  int files_ = 0;
};

}  // namespace storyfuse

#endif  // STORYFUSE_FEED_WARC_WRITER_H_
