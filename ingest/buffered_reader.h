// BufferedReader: line, exact-size and skipping reads over a ByteSource,
// with a bounded buffer, so JSONL and WARC inputs stream in constant memory
// (plus the one line or record being read).
//
// Not thread-safe.
#ifndef STORYFUSE_INGEST_BUFFERED_READER_H_
#define STORYFUSE_INGEST_BUFFERED_READER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"
#include "ingest/byte_source.h"

namespace storyfuse {

class BufferedReader : public ByteSource {
 public:
  // Reads `source`, which is not owned and must outlive this.
  explicit BufferedReader(ByteSource* source) : source_(source) {}

  // Reads the next line into *line without its "\n" or "\r\n". Returns false
  // at the end of the input. A line longer than `max_line` bytes is skipped
  // (consumed, not stored): *line is then cleared and *too_long set.
  Result<bool> ReadLine(std::string* line, size_t max_line, bool* too_long);

  // Appends up to `n` bytes to *out; returns how many (fewer only at the end).
  Result<size_t> ReadUpTo(size_t n, std::string* out);

  // Skips up to `n` bytes; returns how many (fewer only at the end).
  Result<uint64_t> Skip(uint64_t n);

  // Returns up to `n` next bytes without consuming them (fewer at the end,
  // or before a source error, which the next read then returns).
  Result<std::string_view> Peek(size_t n);

  // ByteSource: buffered bytes first, then the source's.
  Result<size_t> Read(char* buf, size_t n) override;
  // Drops the buffer and resyncs the source.
  Status Resync() override;

  // Bytes consumed so far (since the last Resync, bytes of this stream).
  uint64_t offset() const { return offset_; }

 private:
  // Appends more source bytes to the buffer; false at the end of input.
  Result<bool> Fill();
  std::string_view buffered() const { return std::string_view(buf_).substr(pos_); }
  void Consume(size_t n);

  ByteSource* source_;
  std::string buf_;
  size_t pos_ = 0;
  uint64_t offset_ = 0;
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_BUFFERED_READER_H_
