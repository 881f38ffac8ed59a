// RecordedResponse: an HTTP/1.x response as recorded in a WARC response record:
// status line, headers, and the body with its transfer and content codings
// undone (chunked; gzip, x-gzip, deflate).
//
// Values; thread-safe.
#ifndef STORYFUSE_INGEST_RECORDED_RESPONSE_H_
#define STORYFUSE_INGEST_RECORDED_RESPONSE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace storyfuse {

struct RecordedResponse {
  int status = 0;                                            // 200, 404, ...
  std::vector<std::pair<std::string, std::string>> headers;  // in order, as sent
  std::string body;                                          // decoded: dechunked and decompressed

  // The value of the first header named `name` (case-insensitive), or "".
  std::string Header(std::string_view name) const;
  // The Content-Type's media type, lower-case, without parameters.
  std::string MediaType() const;

  // Parses `block`. A body marked chunked or gzip that is not (some crawlers
  // store the decoded body but keep the headers) is taken as it is.
  // Returns InvalidArgument for a missing or malformed status line or
  // header section, an unsupported Content-Encoding (e.g. br), or a body
  // that decodes to more than `max_body` bytes; Corruption for a truncated
  // chunked or compressed body.
  static Result<RecordedResponse> Parse(std::string_view block, uint64_t max_body);

  // True when the first non-blank bytes look like an HTML document
  // (content sniffing for bodies and files without a declared type).
  static bool LooksLikeHtml(std::string_view bytes);
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_RECORDED_RESPONSE_H_
