// HttpFramer: finds where one HTTP/1.1 request ends in the bytes of a
// connection as they arrive, and refuses what the server will not read,
// before it is read: a head over kMaxHeadBytes (431), a request line with
// an unknown method or version (400), a target over kMaxTargetBytes (414),
// a body over `max_body` whatever its transfer encoding (413: for
// Content-Length as soon as the head is in, for chunked bodies as soon as
// the chunks seen so far pass it), a transfer encoding other than chunked
// (501), both Content-Length and Transfer-Encoding (400, request
// smuggling).
//
// The server reads a whole request with it (HttpServer), and only then
// hands the bytes to a worker: a slow or idle client costs a buffer, never
// a worker thread.
//
// Usage: call Advance() with all the bytes buffered since the request's
// first byte, each time more arrive; it resumes where it stopped (linear
// in the bytes, whatever the arrival pattern). After kComplete, end() is
// the request's length (pipelined bytes may follow); Reset() for the next.
//
// Not thread-safe; one per connection.
#ifndef STORYFUSE_SERVER_HTTP_FRAMER_H_
#define STORYFUSE_SERVER_HTTP_FRAMER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace storyfuse {

// A parsed request line and header block.
struct HttpHead {
  std::string method;                                        // "GET", ...
  std::string target;                                        // as sent: path and query
  std::string version;                                       // "HTTP/1.1" or "HTTP/1.0"
  std::vector<std::pair<std::string, std::string>> headers;  // names lower case, values trimmed
  size_t size = 0;                                           // bytes of the head, blank line included

  // The first value of header `name` (lower case), or empty.
  std::string_view Header(std::string_view name) const;
  bool Has(std::string_view name) const;
};

class HttpFramer {
 public:
  enum class State { kNeedMore, kComplete, kError };

  // Request heads are small: 16 KiB holds any real browser's or client's
  // headers (cpp-httplib caps one header line at 8 KiB, the target too).
  static constexpr size_t kMaxHeadBytes = 16 * 1024;
  static constexpr size_t kMaxTargetBytes = 8192;
  // A chunk-size line: hex digits and an extension; nobody sends more.
  static constexpr size_t kMaxChunkLineBytes = 1024;

  explicit HttpFramer(size_t max_body) : max_body_(max_body) {}

  // `buffered` starts at the request's first byte and extends what the
  // previous call saw.
  State Advance(std::string_view buffered);

  bool head_done() const { return head_done_; }
  const HttpHead& head() const { return head_; }
  // The client sent "Expect: 100-continue" and a body is due.
  bool expects_continue() const;
  size_t end() const { return end_; }                  // kComplete: bytes of the request
  int error_status() const { return error_status_; }   // kError
  const std::string& error() const { return error_; }  // kError: why, for the response body

  void Reset();

 private:
  State Fail(int status, std::string message);
  State ParseHead(std::string_view head);
  State AdvanceChunked(std::string_view buffered);

  enum class Chunk { kSizeLine, kData, kDataEnd, kTrailer };

  size_t max_body_;
  size_t scanned_ = 0;         // head: bytes searched for the blank line
  bool line_checked_ = false;  // the request line was checked on its own
  bool head_done_ = false;
  HttpHead head_;
  bool chunked_ = false;
  uint64_t content_length_ = 0;
  // Chunked body state: position in the buffer, what is being read.
  size_t pos_ = 0;
  Chunk chunk_ = Chunk::kSizeLine;
  uint64_t chunk_left_ = 0;
  uint64_t body_bytes_ = 0;
  size_t trailer_bytes_ = 0;
  size_t end_ = 0;
  int error_status_ = 0;
  std::string error_;
  State state_ = State::kNeedMore;
};

}  // namespace storyfuse

#endif  // STORYFUSE_SERVER_HTTP_FRAMER_H_
