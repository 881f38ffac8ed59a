// Helpers for tests: build WARC records and HTTP responses from invented
// content. Header-only; used by the ingest tests and fuzz seed generation.
#ifndef STORYFUSE_INGEST_WARC_TEST_FIXTURES_H_
#define STORYFUSE_INGEST_WARC_TEST_FIXTURES_H_

#include <string>
#include <string_view>

namespace storyfuse::testing {

// One WARC/1.1 record: header fields, then `block`, then the CRLF CRLF trailer.
inline std::string WarcRecord(std::string_view type, std::string_view uri, std::string_view block,
                              std::string_view content_type = "application/http; msgtype=response",
                              std::string_view version = "WARC/1.1") {
  std::string r(version);
  r += "\r\nWARC-Type: " + std::string(type) + "\r\n";
  r += "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>\r\n";
  r += "WARC-Date: 2031-04-02T10:00:00Z\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + std::string(uri) + "\r\n";
  r += "Content-Type: " + std::string(content_type) + "\r\n";
  r += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  r += block;
  r += "\r\n\r\n";
  return r;
}

// An HTTP/1.1 response with the given Content-Type and extra header lines
// (each ending in CRLF).
inline std::string HttpBlock(int status, std::string_view content_type, std::string_view body,
                             std::string_view extra_headers = "") {
  std::string r = "HTTP/1.1 " + std::to_string(status) + " Whatever\r\n";
  if (!content_type.empty()) r += "Content-Type: " + std::string(content_type) + "\r\n";
  r += extra_headers;
  r += "\r\n";
  r += body;
  return r;
}

inline std::string Chunked(std::string_view body, size_t chunk) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < body.size(); i += chunk) {
    std::string_view piece = body.substr(i, chunk);
    std::string hex;
    for (size_t n = piece.size(); n > 0; n /= 16) hex.insert(hex.begin(), kHex[n % 16]);
    out += hex + "\r\n" + std::string(piece) + "\r\n";
  }
  return out + "0\r\n\r\n";
}

}  // namespace storyfuse::testing

#endif  // STORYFUSE_INGEST_WARC_TEST_FIXTURES_H_
