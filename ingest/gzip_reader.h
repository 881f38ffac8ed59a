// GzipReader: the project's one wrapper over zlib. Streams the decompressed
// bytes of a gzip file, including multi-member files such as .warc.gz where
// each record is its own member, holding only one input chunk in memory.
// Also offers one-shot helpers for small buffers (HTTP bodies, tests).
//
// Not thread-safe; one instance per stream.
#ifndef STORYFUSE_INGEST_GZIP_READER_H_
#define STORYFUSE_INGEST_GZIP_READER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "ingest/byte_source.h"

namespace storyfuse {

class GzipReader : public ByteSource {
 public:
  // Decompresses `compressed`, which is not owned and must outlive this.
  explicit GzipReader(ByteSource* compressed);
  ~GzipReader() override;
  GzipReader(const GzipReader&) = delete;
  GzipReader& operator=(const GzipReader&) = delete;

  // Returns decompressed bytes, going on across member boundaries; 0 at the
  // clean end of the last member. Returns Corruption for bad data, for a
  // stream that ends inside a member ("truncated"), or for trailing bytes
  // that are not a gzip member; errors of the compressed source pass through.
  // Messages do not name the input: callers add that context.
  Result<size_t> Read(char* buf, size_t n) override;

  // After a Corruption error: skips the compressed input to the next gzip
  // member header and resumes there. Returns Corruption when no further
  // member exists (Read then returns 0).
  Status Resync() override;

  // Number of members whose end was reached.
  uint64_t members() const { return members_; }

  // True when `head` starts with the gzip magic bytes (1f 8b 08).
  static bool IsGzip(std::string_view head);

  // Inflates a whole gzip (all members), zlib or raw deflate buffer.
  // Returns InvalidArgument when the output would exceed `max_output` bytes
  // and Corruption for bad or truncated data.
  static Result<std::string> Inflate(std::string_view data, size_t max_output);

  // Compresses `data` as one gzip member (for writing fixtures in tests).
  static std::string Compress(std::string_view data);

 private:
  Status Fill(bool* at_end);
  Status Fail(Status st);

  struct Stream;
  std::unique_ptr<Stream> z_;
  ByteSource* compressed_;
  std::vector<char> in_;
  bool between_members_ = true;  // no byte of the current member consumed
  bool finished_ = false;
  bool failed_ = false;
  Status error_;
  uint64_t members_ = 0;
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_GZIP_READER_H_
