#include "ingest/buffered_reader.h"

#include <algorithm>
#include <cstring>

namespace storyfuse {
namespace {
constexpr size_t kChunk = 64 * 1024;
}  // namespace

void BufferedReader::Consume(size_t n) {
  pos_ += n;
  offset_ += n;
}

Result<bool> BufferedReader::Fill() {
  // Compact first so the buffer never grows past what a caller looks at.
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  size_t old = buf_.size();
  buf_.resize(old + kChunk);
  Result<size_t> got = source_->Read(buf_.data() + old, kChunk);
  buf_.resize(old + (got.ok() ? *got : 0));
  if (!got.ok()) return got.status();
  return *got > 0;
}

Result<bool> BufferedReader::ReadLine(std::string* line, size_t max_line, bool* too_long) {
  line->clear();
  *too_long = false;
  size_t scanned = 0;  // bytes of buffered() known to hold no newline
  for (;;) {
    std::string_view avail = buffered();
    size_t eol = avail.find('\n', scanned);
    if (eol != std::string_view::npos) {
      *too_long = *too_long || eol > max_line;
      if (!*too_long) line->append(avail.substr(0, eol));
      Consume(eol + 1);
      break;
    }
    scanned = avail.size();
    if (line->size() + scanned > max_line) {
      // Too long: drop what is buffered and go on looking for the newline.
      *too_long = true;
      line->clear();
      Consume(scanned);
      scanned = 0;
    }
    STORYFUSE_ASSIGN_OR_RETURN(bool more, Fill());
    if (!more) {
      if (buffered().empty() && line->empty() && !*too_long) return false;
      *too_long = *too_long || buffered().size() > max_line;
      if (!*too_long) line->append(buffered());
      Consume(buffered().size());
      break;
    }
  }
  if (!line->empty() && line->back() == '\r') line->pop_back();
  return true;
}

Result<size_t> BufferedReader::ReadUpTo(size_t n, std::string* out) {
  size_t done = 0;
  while (done < n) {
    if (buffered().empty()) {
      STORYFUSE_ASSIGN_OR_RETURN(bool more, Fill());
      if (!more) break;
    }
    size_t take = std::min(n - done, buffered().size());
    out->append(buffered().substr(0, take));
    Consume(take);
    done += take;
  }
  return done;
}

Result<uint64_t> BufferedReader::Skip(uint64_t n) {
  uint64_t done = 0;
  while (done < n) {
    if (buffered().empty()) {
      STORYFUSE_ASSIGN_OR_RETURN(bool more, Fill());
      if (!more) break;
    }
    size_t take = static_cast<size_t>(std::min<uint64_t>(n - done, buffered().size()));
    Consume(take);
    done += take;
  }
  return done;
}

Result<std::string_view> BufferedReader::Peek(size_t n) {
  while (buffered().size() < n) {
    Result<bool> more = Fill();
    // The bytes before an error are still good; the error comes back on
    // the next read (errors are sticky).
    if (!more.ok() && buffered().empty()) return more.status();
    if (!more.ok()) break;
    if (!*more) break;
  }
  return buffered().substr(0, n);
}

Result<size_t> BufferedReader::Read(char* buf, size_t n) {
  if (buffered().empty()) return source_->Read(buf, n);
  size_t take = std::min(n, buffered().size());
  std::memcpy(buf, buffered().data(), take);
  Consume(take);
  return take;
}

Status BufferedReader::Resync() {
  buf_.clear();
  pos_ = 0;
  return source_->Resync();
}

}  // namespace storyfuse
