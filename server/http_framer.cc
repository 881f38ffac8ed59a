#include "server/http_framer.h"

#include <algorithm>
#include <array>

#include "text/ascii_chars.h"

namespace storyfuse {
namespace {

// Methods the routes answer; anything else is refused before the body.
constexpr std::array<std::string_view, 7> kMethods = {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"};
// Known to HTTP, served by no route here: 405 rather than "unknown".
constexpr std::array<std::string_view, 3> kRefusedMethods = {"CONNECT", "TRACE", "PRI"};
// Digits of a Content-Length or chunk size past which it cannot be a
// size this server reads (and would overflow 64 bits).
constexpr size_t kMaxLengthDigits = 18;

bool IsTokenChar(char c) {
  if (IsAsciiLetter(c) || IsAsciiDigit(c)) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool ParseDecimal(std::string_view s, uint64_t* out) {
  if (s.empty() || s.size() > kMaxLengthDigits) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  *out = v;
  return true;
}

}  // namespace

std::string_view HttpHead::Header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (k == name) return v;
  }
  return {};
}

bool HttpHead::Has(std::string_view name) const {
  return std::any_of(headers.begin(), headers.end(), [&](const auto& h) { return h.first == name; });
}

bool HttpFramer::expects_continue() const {
  if (!head_done_ || (!chunked_ && content_length_ == 0)) return false;
  return AsciiLower(head_.Header("expect")) == "100-continue";
}

void HttpFramer::Reset() { *this = HttpFramer(max_body_); }

HttpFramer::State HttpFramer::Fail(int status, std::string message) {
  error_status_ = status;
  error_ = std::move(message);
  return state_ = State::kError;
}

HttpFramer::State HttpFramer::Advance(std::string_view buffered) {
  if (state_ != State::kNeedMore) return state_;
  if (!head_done_) {
    size_t from = scanned_ >= 3 ? scanned_ - 3 : 0;
    size_t blank = buffered.find("\r\n\r\n", from);
    if (blank == std::string_view::npos || blank + 4 > kMaxHeadBytes) {
      if (buffered.size() > kMaxHeadBytes || blank != std::string_view::npos) {
        return Fail(431, "request head over " + std::to_string(kMaxHeadBytes) + " bytes");
      }
      scanned_ = buffered.size();
      // A bad request line is refused as soon as it is whole.
      size_t eol = buffered.find("\r\n");
      if (eol != std::string_view::npos && !line_checked_) {
        line_checked_ = true;
        if (State s = ParseHead(buffered.substr(0, eol + 2)); s == State::kError) return s;
        head_ = HttpHead();
      }
      return state_;
    }
    head_done_ = true;
    if (ParseHead(buffered.substr(0, blank + 4)) == State::kError) return state_;
    head_.size = blank + 4;
    pos_ = head_.size;
  }
  if (chunked_) return AdvanceChunked(buffered);
  end_ = head_.size + static_cast<size_t>(content_length_);
  if (buffered.size() >= end_) state_ = State::kComplete;
  return state_;
}

// Parses the request line and, when `head` ends with the blank line, the
// headers; checks everything the body's framing depends on.
HttpFramer::State HttpFramer::ParseHead(std::string_view head) {
  size_t eol = head.find("\r\n");
  std::string_view line = head.substr(0, eol);
  size_t sp1 = line.find(' ');
  size_t sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
  if (sp2 == std::string_view::npos || line.find(' ', sp2 + 1) != std::string_view::npos) {
    return Fail(400, "malformed request line");
  }
  head_.method = std::string(line.substr(0, sp1));
  head_.target = std::string(line.substr(sp1 + 1, sp2 - sp1 - 1));
  head_.version = std::string(line.substr(sp2 + 1));
  if (std::find(kRefusedMethods.begin(), kRefusedMethods.end(), head_.method) != kRefusedMethods.end()) {
    return Fail(405, "method " + head_.method + " not allowed");
  }
  if (std::find(kMethods.begin(), kMethods.end(), head_.method) == kMethods.end()) {
    std::string shown = head_.method.substr(0, 32);
    if (!std::all_of(shown.begin(), shown.end(), IsTokenChar)) shown = "(not a token)";
    return Fail(400, "unknown method " + shown);
  }
  if (head_.version != "HTTP/1.1" && head_.version != "HTTP/1.0") return Fail(400, "unsupported HTTP version");
  if (head_.target.size() > kMaxTargetBytes) return Fail(414, "request target over 8192 bytes");
  if (head_.target.empty() || std::any_of(head_.target.begin(), head_.target.end(),
                                          [](char c) { return static_cast<unsigned char>(c) <= ' ' || c == 127; })) {
    return Fail(400, "malformed request target");
  }
  if (!head.ends_with("\r\n\r\n")) return state_;  // only the request line so far
  bool has_length = false;
  int encodings = 0;
  for (size_t pos = eol + 2; pos + 2 < head.size();) {
    size_t next = head.find("\r\n", pos);
    std::string_view h = head.substr(pos, next - pos);
    pos = next + 2;
    // A bare CR or LF frames differently in other parsers (smuggling).
    if (h.find_first_of("\r\n") != std::string_view::npos) return Fail(400, "bare CR or LF in a header");
    if (h.empty() || h.front() == ' ' || h.front() == '\t') return Fail(400, "folded or empty header line");
    size_t colon = h.find(':');
    if (colon == std::string_view::npos || colon == 0 ||
        !std::all_of(h.begin(), h.begin() + static_cast<std::ptrdiff_t>(colon), IsTokenChar)) {
      return Fail(400, "malformed header line");
    }
    std::string name = AsciiLower(h.substr(0, colon));
    std::string_view value = Trim(h.substr(colon + 1));
    if (name == "content-length") {
      uint64_t n = 0;
      if (!ParseDecimal(value, &n) || (has_length && n != content_length_)) return Fail(400, "bad Content-Length");
      has_length = true;
      content_length_ = n;
    } else if (name == "transfer-encoding") {
      if (++encodings > 1 || AsciiLower(value) != "chunked") {
        return Fail(501, "transfer encoding \"" + std::string(value.substr(0, 40)) + "\" not supported");
      }
      chunked_ = true;
    }
    head_.headers.emplace_back(std::move(name), std::string(value));
  }
  if (has_length && chunked_) return Fail(400, "both Content-Length and Transfer-Encoding");
  if (head_.version == "HTTP/1.1" && !head_.Has("host")) return Fail(400, "missing Host header");
  if (content_length_ > max_body_) {
    return Fail(413, "body over the limit of " + std::to_string(max_body_) + " bytes");
  }
  return state_;
}

HttpFramer::State HttpFramer::AdvanceChunked(std::string_view in) {
  while (pos_ < in.size()) {
    switch (chunk_) {
      case Chunk::kSizeLine: {
        size_t eol = in.find("\r\n", pos_);
        if (eol == std::string_view::npos) {
          if (in.size() - pos_ > kMaxChunkLineBytes) return Fail(400, "chunk size line too long");
          return state_;
        }
        std::string_view line = in.substr(pos_, eol - pos_);
        size_t digits = 0;
        uint64_t size = 0;
        while (digits < line.size() && HexValue(line[digits]) >= 0) {
          if (digits == kMaxLengthDigits - 2) return Fail(413, "chunk over the body limit");
          size = size * 16 + static_cast<uint64_t>(HexValue(line[digits++]));
        }
        std::string_view rest = Trim(line.substr(digits));
        if (digits == 0 || (!rest.empty() && rest.front() != ';') || line.size() > kMaxChunkLineBytes) {
          return Fail(400, "malformed chunk size");
        }
        if (size > max_body_ || body_bytes_ + size > max_body_) {
          return Fail(413, "body over the limit of " + std::to_string(max_body_) + " bytes");
        }
        pos_ = eol + 2;
        chunk_left_ = size;
        chunk_ = size == 0 ? Chunk::kTrailer : Chunk::kData;
        break;
      }
      case Chunk::kData: {
        uint64_t take = std::min<uint64_t>(chunk_left_, in.size() - pos_);
        pos_ += static_cast<size_t>(take);
        chunk_left_ -= take;
        body_bytes_ += take;
        if (chunk_left_ == 0) chunk_ = Chunk::kDataEnd;
        break;
      }
      case Chunk::kDataEnd:
        if (in.size() - pos_ < 2) return state_;
        if (in.compare(pos_, 2, "\r\n") != 0) return Fail(400, "chunk not followed by CRLF");
        pos_ += 2;
        chunk_ = Chunk::kSizeLine;
        break;
      case Chunk::kTrailer:
        // cpp-httplib reads no trailer fields: only the closing CRLF.
        if (in.size() - pos_ < 2) return state_;
        if (in.compare(pos_, 2, "\r\n") != 0) return Fail(400, "chunked trailer fields are not supported");
        end_ = pos_ + 2;
        return state_ = State::kComplete;
    }
  }
  return state_;
}

}  // namespace storyfuse
