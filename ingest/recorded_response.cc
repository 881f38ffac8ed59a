#include "ingest/recorded_response.h"

#include <cctype>
#include <charconv>

#include "ingest/gzip_reader.h"
#include "text/ascii_chars.h"

namespace storyfuse {
namespace {

std::string_view Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// Splits off the next line of `*rest` (without "\n" or "\r\n"); false when
// `*rest` holds no complete line.
bool NextLine(std::string_view* rest, std::string_view* line) {
  size_t eol = rest->find('\n');
  if (eol == std::string_view::npos) return false;
  *line = rest->substr(0, eol);
  if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
  rest->remove_prefix(eol + 1);
  return true;
}

Status ParseStatusLine(std::string_view line, int* status) {
  // "HTTP/1.1 200 OK"; the reason phrase may be empty or absent.
  if (line.substr(0, 5) != "HTTP/") return Status::InvalidArgument("no HTTP status line");
  size_t sp = line.find(' ');
  std::string_view code = sp == std::string_view::npos ? "" : Trim(line.substr(sp + 1)).substr(0, 3);
  auto [ptr, ec] = std::from_chars(code.data(), code.data() + code.size(), *status);
  if (ec != std::errc() || code.size() != 3 || ptr != code.data() + 3) {
    return Status::InvalidArgument("malformed HTTP status line");
  }
  return Status::Ok();
}

// Undoes chunked transfer coding. Returns false when `body` does not start
// like a chunked body at all; sets *truncated when it does but ends early.
// The result is never longer than `body`, so it needs no size limit.
bool Dechunk(std::string_view body, std::string* out, bool* truncated) {
  *truncated = false;
  std::string_view rest = body, line;
  for (bool first = true;; first = false) {
    if (!NextLine(&rest, &line)) {
      *truncated = !first;
      return !first;
    }
    std::string_view hex = Trim(line.substr(0, line.find(';')));
    uint64_t size = 0;
    auto [ptr, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), size, 16);
    if (hex.empty() || ec != std::errc() || ptr != hex.data() + hex.size()) {
      if (first) return false;
      *truncated = true;  // garbage where a chunk size belongs
      return true;
    }
    if (size == 0) return true;  // trailers, if any, are of no interest
    if (size > rest.size()) {
      *truncated = true;
      return true;
    }
    out->append(rest.substr(0, size));
    rest.remove_prefix(size);
    if (rest.substr(0, 2) == "\r\n")
      rest.remove_prefix(2);
    else if (rest.substr(0, 1) == "\n")
      rest.remove_prefix(1);
  }
}

Status DecodeBody(const RecordedResponse& r, uint64_t max_body, std::string* body) {
  if (AsciiLower(r.Header("Transfer-Encoding")).find("chunked") != std::string::npos) {
    std::string plain;
    bool truncated = false;
    if (Dechunk(*body, &plain, &truncated)) {
      if (truncated) return Status::Corruption("truncated chunked HTTP body");
      *body = std::move(plain);
    }
  }
  std::string coding = AsciiLower(Trim(r.Header("Content-Encoding")));
  if (coding.empty() || coding == "identity" || coding == "none") return Status::Ok();
  if (coding != "gzip" && coding != "x-gzip" && coding != "deflate") {
    return Status::InvalidArgument("unsupported Content-Encoding " + coding);
  }
  // Stored already decoded although the header still says gzip.
  if (coding != "deflate" && !GzipReader::IsGzip(*body)) return Status::Ok();
  STORYFUSE_ASSIGN_OR_RETURN(std::string plain, GzipReader::Inflate(*body, max_body));
  *body = std::move(plain);
  return Status::Ok();
}

}  // namespace

std::string RecordedResponse::Header(std::string_view name) const {
  std::string want = AsciiLower(name);
  for (const auto& [k, v] : headers) {
    if (AsciiLower(k) == want) return v;
  }
  return "";
}

std::string RecordedResponse::MediaType() const {
  std::string type = Header("Content-Type");
  return AsciiLower(Trim(std::string_view(type).substr(0, type.find(';'))));
}

Result<RecordedResponse> RecordedResponse::Parse(std::string_view block, uint64_t max_body) {
  RecordedResponse r;
  std::string_view rest = block, line;
  if (!NextLine(&rest, &line)) return Status::InvalidArgument("no HTTP status line");
  STORYFUSE_RETURN_IF_ERROR(ParseStatusLine(line, &r.status));
  for (;;) {
    if (!NextLine(&rest, &line)) return Status::InvalidArgument("HTTP headers do not end");
    if (line.empty()) break;
    if ((line[0] == ' ' || line[0] == '\t') && !r.headers.empty()) {  // obsolete folding
      r.headers.back().second += " " + std::string(Trim(line));
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      return Status::InvalidArgument("malformed HTTP header line");
    }
    r.headers.emplace_back(std::string(Trim(line.substr(0, colon))), std::string(Trim(line.substr(colon + 1))));
  }
  if (rest.size() > max_body) return Status::InvalidArgument("HTTP body is over the size limit");
  r.body = std::string(rest);
  STORYFUSE_RETURN_IF_ERROR(DecodeBody(r, max_body, &r.body));
  return r;
}

bool RecordedResponse::LooksLikeHtml(std::string_view bytes) {
  size_t i = bytes.find_first_not_of(" \t\r\n");
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") i = bytes.find_first_not_of(" \t\r\n", 3);
  if (i == std::string_view::npos || bytes[i] != '<') return false;
  std::string head = AsciiLower(bytes.substr(i, 64));
  for (std::string_view tag : {"<!doctype html", "<html", "<head", "<body", "<!--", "<meta", "<title"}) {
    if (head.rfind(tag, 0) == 0) return true;
  }
  return false;
}

}  // namespace storyfuse
