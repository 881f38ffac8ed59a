#include "ingest/warc_reader.h"

#include <cctype>
#include <charconv>

#include "ingest/charset_decoder.h"
#include "ingest/recorded_response.h"
#include "text/ascii_chars.h"

namespace storyfuse {
namespace {

constexpr size_t kMaxHeaderLine = 64 * 1024;
constexpr size_t kMaxHeaderFields = 1000;

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::string_view Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

std::string Get(const std::vector<std::pair<std::string, std::string>>& fields, std::string_view name) {
  for (const auto& [k, v] : fields) {
    if (AsciiEqualsNoCase(k, name)) return v;
  }
  return "";
}

bool ParseLength(std::string_view s, uint64_t* n) {
  s = Trim(s);
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *n);
  return !s.empty() && ec == std::errc() && ptr == s.data() + s.size();
}

// WARC 1.0 examples wrap the target URI in angle brackets.
std::string Uri(std::string uri) {
  if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') uri = uri.substr(1, uri.size() - 2);
  return uri;
}

std::string Mb(uint64_t bytes) { return std::to_string(bytes / (1024 * 1024)) + " MiB"; }

}  // namespace

WarcReader::WarcReader(ByteSource* source, std::string name, uint64_t max_document_bytes)
    : in_(source), name_(std::move(name)), max_document_bytes_(max_document_bytes) {}

std::string WarcReader::Where() const { return name_ + "#" + std::to_string(records_); }

Status WarcReader::RecordError(const Status& st) const { return st.WithContext(Where()); }

Status WarcReader::SourceError(const Status& st) {
  Status out = RecordError(st);
  if (in_.Resync().ok()) {
    lost_sync_ = true;
  } else {
    done_ = true;
  }
  return out;
}

Result<bool> WarcReader::Next(RawDoc* doc) {
  while (!done_) {
    bool have_doc = false;
    STORYFUSE_RETURN_IF_ERROR(ReadRecord(doc, &have_doc));
    if (have_doc) return true;
  }
  return false;
}

Status WarcReader::FindVersionLine() {
  std::string line;
  bool too_long = false;
  for (;;) {
    Result<bool> got = in_.ReadLine(&line, kMaxHeaderLine, &too_long);
    if (!got.ok()) {
      ++records_;
      return SourceError(got.status());
    }
    if (!*got) {
      done_ = true;
      return Status::Ok();
    }
    if (!too_long && StartsWith(line, "WARC/")) break;
    if (line.empty() || lost_sync_) continue;  // blank lines end each record
    ++records_;
    lost_sync_ = true;
    return RecordError(Status::Corruption("not a WARC record header; skipping to the next record"));
  }
  lost_sync_ = false;
  ++records_;
  return Status::Ok();
}

Status WarcReader::ReadFields(Fields* fields) {
  std::string line;
  bool too_long = false;
  for (;;) {
    Result<bool> got = in_.ReadLine(&line, kMaxHeaderLine, &too_long);
    if (!got.ok()) return SourceError(got.status());
    if (!*got) {
      done_ = true;
      return RecordError(Status::Corruption("truncated WARC header"));
    }
    if (line.empty() && !too_long) return Status::Ok();
    bool continuation = !line.empty() && (line[0] == ' ' || line[0] == '\t');
    size_t colon = line.find(':');
    if (too_long || fields->size() > kMaxHeaderFields || (continuation && fields->empty()) ||
        (!continuation && (colon == std::string::npos || colon == 0))) {
      lost_sync_ = true;
      return RecordError(Status::Corruption("malformed WARC header"));
    }
    if (continuation) {
      fields->back().second += " " + std::string(Trim(line));
    } else {
      fields->emplace_back(std::string(Trim(line.substr(0, colon))), std::string(Trim(line.substr(colon + 1))));
    }
  }
}

Status WarcReader::SkipBlock(uint64_t length) {
  Result<uint64_t> skipped = in_.Skip(length);
  if (!skipped.ok()) return SourceError(skipped.status());
  if (*skipped < length) {
    done_ = true;
    return RecordError(Status::Corruption("truncated WARC record (" + std::to_string(*skipped) + " of " +
                                          std::to_string(length) + " bytes)"));
  }
  return Status::Ok();
}

Status WarcReader::ReadRecord(RawDoc* doc, bool* have_doc) {
  STORYFUSE_RETURN_IF_ERROR(FindVersionLine());
  if (done_) return Status::Ok();
  Fields fields;
  STORYFUSE_RETURN_IF_ERROR(ReadFields(&fields));
  uint64_t length = 0;
  if (!ParseLength(Get(fields, "Content-Length"), &length)) {
    lost_sync_ = true;
    return RecordError(Status::Corruption("missing or malformed Content-Length"));
  }
  std::string type = Get(fields, "WARC-Type");
  std::string content_type = Get(fields, "Content-Type");
  bool http = content_type.empty() || StartsWith(content_type, "application/http");
  if (type != "response" || !http) {
    ++skipped_;
    return SkipBlock(length);
  }
  if (!Get(fields, "WARC-Segment-Number").empty()) {
    STORYFUSE_RETURN_IF_ERROR(SkipBlock(length));
    return RecordError(Status::Unsupported("segmented WARC records are not supported"));
  }
  if (length > max_document_bytes_) {
    STORYFUSE_RETURN_IF_ERROR(SkipBlock(length));
    return RecordError(Status::InvalidArgument("record of " + Mb(length) + " is over the " + Mb(max_document_bytes_) +
                                               " document limit"));
  }
  std::string block;
  block.reserve(length);
  Result<size_t> got = in_.ReadUpTo(length, &block);
  if (!got.ok()) return SourceError(got.status());
  if (*got < length) {
    done_ = true;
    return RecordError(Status::Corruption("truncated WARC record (" + std::to_string(*got) + " of " +
                                          std::to_string(length) + " bytes)"));
  }
  return ToDoc(fields, block, doc, have_doc);
}

Status WarcReader::ToDoc(const Fields& fields, std::string_view block, RawDoc* doc, bool* have_doc) {
  Result<RecordedResponse> http = RecordedResponse::Parse(block, max_document_bytes_);
  if (!http.ok()) return RecordError(http.status());
  std::string media = http->MediaType();
  bool html = media == "text/html" || media == "application/xhtml+xml" ||
              (media.empty() && RecordedResponse::LooksLikeHtml(http->body));
  bool text = media == "text/plain";
  if (http->status < 200 || http->status > 299 || !(html || text)) {
    ++skipped_;
    return Status::Ok();
  }
  if (http->body.empty()) return RecordError(Status::InvalidArgument("empty HTTP body"));
  std::string declared = CharsetDecoder::FromContentType(http->Header("Content-Type"));
  Result<std::string> utf8 = CharsetDecoder::ToUtf8(http->body, declared, html);
  if (!utf8.ok()) return RecordError(utf8.status());
  *doc = RawDoc();
  doc->source = Where();
  doc->url = Uri(Get(fields, "WARC-Target-URI"));
  doc->id = doc->url.empty() ? Where() : doc->url;
  doc->format = html ? DocFormat::kHtml : DocFormat::kText;
  doc->bytes = std::move(*utf8);
  *have_doc = true;
  return Status::Ok();
}

}  // namespace storyfuse
