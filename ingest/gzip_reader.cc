#include "ingest/gzip_reader.h"

#include <zlib.h>

#include <algorithm>
#include <climits>
#include <cstring>

namespace storyfuse {
namespace {

constexpr size_t kInputChunk = 64 * 1024;
constexpr int kGzipOnly = 16 + MAX_WBITS;
constexpr int kGzipOrZlib = 32 + MAX_WBITS;
constexpr int kRawDeflate = -MAX_WBITS;

Bytef* In(const char* p) { return reinterpret_cast<Bytef*>(const_cast<char*>(p)); }
Bytef* Out(char* p) { return reinterpret_cast<Bytef*>(p); }

std::string ZlibMessage(const z_stream& s, int ret) {
  return s.msg != nullptr ? s.msg : ("zlib error " + std::to_string(ret));
}

// Offset of the first gzip magic (1f 8b 08) in `data`, or of a prefix of it
// cut off by the end of `data`; data.size() when there is none.
size_t FindMagic(std::string_view data) {
  static constexpr std::string_view kMagic = "\x1f\x8b\x08";
  for (size_t i = 0; i < data.size(); ++i) {
    std::string_view rest = data.substr(i, kMagic.size());
    if (kMagic.substr(0, rest.size()) == rest) return i;
  }
  return data.size();
}

}  // namespace

struct GzipReader::Stream {
  z_stream s{};
  Stream() { inflateInit2(&s, kGzipOnly); }
  ~Stream() { inflateEnd(&s); }
};

GzipReader::GzipReader(ByteSource* compressed)
    : z_(std::make_unique<Stream>()), compressed_(compressed), in_(kInputChunk) {}

GzipReader::~GzipReader() = default;

bool GzipReader::IsGzip(std::string_view head) { return head.substr(0, 3) == "\x1f\x8b\x08"; }

Status GzipReader::Fail(Status st) {
  failed_ = true;
  error_ = std::move(st);
  return error_;
}

Status GzipReader::Fill(bool* at_end) {
  STORYFUSE_ASSIGN_OR_RETURN(size_t got, compressed_->Read(in_.data(), in_.size()));
  z_->s.next_in = In(in_.data());
  z_->s.avail_in = static_cast<uInt>(got);
  *at_end = got == 0;
  return Status::Ok();
}

Result<size_t> GzipReader::Read(char* buf, size_t n) {
  if (failed_) return error_;
  if (finished_ || n == 0) return size_t{0};
  z_stream& s = z_->s;
  const uInt want = static_cast<uInt>(std::min<size_t>(n, UINT_MAX));
  s.next_out = Out(buf);
  s.avail_out = want;
  while (s.avail_out == want) {
    if (s.avail_in == 0) {
      bool at_end = false;
      if (Status st = Fill(&at_end); !st.ok()) return Fail(st);
      if (at_end && between_members_) {
        finished_ = true;
        break;
      }
      if (at_end) return Fail(Status::Corruption("truncated gzip stream"));
    }
    if (between_members_) {
      // Zero padding after the last member is common and harmless.
      if (members_ > 0 && *s.next_in == 0) {
        ++s.next_in;
        --s.avail_in;
        continue;
      }
      if (*s.next_in != 0x1f) {
        return Fail(Status::Corruption(members_ == 0 ? "not gzip data" : "bytes after the last gzip member"));
      }
      between_members_ = false;
    }
    int ret = inflate(&s, Z_NO_FLUSH);
    if (ret == Z_STREAM_END) {
      ++members_;
      inflateReset(&s);
      between_members_ = true;
    } else if (ret != Z_OK && ret != Z_BUF_ERROR) {
      return Fail(Status::Corruption("corrupt gzip data (" + ZlibMessage(s, ret) + ")"));
    }
  }
  return static_cast<size_t>(want - s.avail_out);
}

Status GzipReader::Resync() {
  if (!failed_) return Status::Ok();
  if (error_.code() != Status::Code::kCorruption) return error_;  // the source failed
  z_stream& s = z_->s;
  inflateReset(&s);
  for (;;) {
    std::string_view data(reinterpret_cast<const char*>(s.next_in), s.avail_in);
    size_t at = FindMagic(data);
    if (at + 3 <= data.size()) {
      s.next_in += at;
      s.avail_in -= static_cast<uInt>(at);
      failed_ = false;
      between_members_ = true;
      return Status::Ok();
    }
    // Keep a magic prefix cut off by the chunk's end, then read on.
    size_t keep = data.size() - at;
    std::memmove(in_.data(), data.data() + at, keep);
    Result<size_t> got = compressed_->Read(in_.data() + keep, in_.size() - keep);
    if (!got.ok()) return Fail(got.status());
    s.next_in = In(in_.data());
    s.avail_in = static_cast<uInt>(keep + *got);
    if (*got == 0) {
      finished_ = true;
      failed_ = false;
      return Status::Corruption("no further gzip member");
    }
  }
}

Result<std::string> GzipReader::Inflate(std::string_view data, size_t max_output) {
  for (int window : {kGzipOrZlib, kRawDeflate}) {
    z_stream s{};
    if (inflateInit2(&s, window) != Z_OK) return Status::Internal("inflateInit2 failed");
    s.next_in = In(data.data());
    s.avail_in = static_cast<uInt>(data.size());
    std::string out;
    char chunk[16384];
    int ret = Z_OK;
    while (ret != Z_STREAM_END) {
      s.next_out = Out(chunk);
      s.avail_out = sizeof(chunk);
      ret = inflate(&s, Z_NO_FLUSH);
      out.append(chunk, sizeof(chunk) - s.avail_out);
      if (out.size() > max_output) {
        inflateEnd(&s);
        return Status::InvalidArgument("decompressed body is over " + std::to_string(max_output) + " bytes");
      }
      // Another gzip member follows: go on with it.
      if (ret == Z_STREAM_END && window == kGzipOrZlib && s.avail_in >= 3 &&
          IsGzip(std::string_view(reinterpret_cast<const char*>(s.next_in), 3))) {
        inflateReset(&s);
        ret = Z_OK;
        continue;
      }
      if (ret == Z_OK) continue;
      if (ret == Z_STREAM_END) break;
      std::string msg = ret == Z_BUF_ERROR ? "truncated compressed data" : ZlibMessage(s, ret);
      bool header_error = s.total_out == 0 && ret == Z_DATA_ERROR;
      inflateEnd(&s);
      // Servers send "deflate" both with and without the zlib header.
      if (header_error && window == kGzipOrZlib) break;
      return Status::Corruption("corrupt compressed data (" + msg + ")");
    }
    if (ret == Z_STREAM_END) {
      inflateEnd(&s);
      return out;
    }
  }
  return Status::Corruption("corrupt compressed data (not gzip, zlib or deflate)");
}

std::string GzipReader::Compress(std::string_view data) {
  z_stream s{};
  deflateInit2(&s, Z_DEFAULT_COMPRESSION, Z_DEFLATED, kGzipOnly, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&s, static_cast<uLong>(data.size())) + 32, '\0');
  s.next_in = In(data.data());
  s.avail_in = static_cast<uInt>(data.size());
  s.next_out = Out(out.data());
  s.avail_out = static_cast<uInt>(out.size());
  deflate(&s, Z_FINISH);
  out.resize(s.total_out);
  deflateEnd(&s);
  return out;
}

}  // namespace storyfuse
