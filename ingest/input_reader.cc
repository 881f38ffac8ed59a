#include "ingest/input_reader.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <vector>

#include <nlohmann/json.hpp>

#include "ingest/article_object.h"
#include "ingest/buffered_reader.h"
#include "ingest/byte_source.h"
#include "ingest/charset_decoder.h"
#include "ingest/gzip_reader.h"
#include "ingest/recorded_response.h"
#include "ingest/warc_reader.h"
#include "text/ascii_chars.h"

namespace storyfuse {
namespace fs = std::filesystem;

namespace {

enum class Format { kDocument, kJsonl, kWarc };

constexpr std::string_view kStdinName = "stdin";

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string WithoutGz(const std::string& name) {
  return EndsWith(AsciiLower(name), ".gz") ? name.substr(0, name.size() - 3) : name;
}

Format FormatOf(const std::string& format_name, std::string_view head) {
  std::string lower = AsciiLower(format_name);
  if (EndsWith(lower, ".jsonl") || EndsWith(lower, ".ndjson")) return Format::kJsonl;
  if (EndsWith(lower, ".warc") || head.substr(0, 5) == "WARC/") return Format::kWarc;
  if (format_name == kStdinName) {
    size_t i = head.find_first_not_of(" \t\r\n");
    if (i != std::string_view::npos && head[i] == '{') return Format::kJsonl;
  }
  return Format::kDocument;
}

bool HtmlName(const std::string& format_name) {
  std::string lower = AsciiLower(format_name);
  return EndsWith(lower, ".html") || EndsWith(lower, ".htm") || EndsWith(lower, ".xhtml");
}

// The file name without its folder and its known extensions.
std::string StemOf(const std::string& path) {
  std::string name = WithoutGz(fs::path(path).filename().string());
  std::string lower = AsciiLower(name);
  for (const char* ext : {".html", ".htm", ".xhtml", ".txt", ".jsonl", ".ndjson", ".warc"}) {
    if (EndsWith(lower, ext)) return name.substr(0, name.size() - std::strlen(ext));
  }
  return fs::path(name).stem().string();
}

std::string Mb(uint64_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

// "column 7: syntax error ..." out of nlohmann's longer message.
std::string JsonReason(const nlohmann::json::exception& e) {
  std::string what = e.what();
  size_t at = what.find("column");
  if (at == std::string::npos) at = what.find("] ") == std::string::npos ? 0 : what.find("] ") + 2;
  std::string reason = what.substr(at);
  if (reason.size() > 160) reason = reason.substr(0, 160) + "...";
  return reason;
}

}  // namespace

InputReader::InputReader(Sink sink, ErrorSink on_error, InputReaderOptions options)
    : sink_(std::move(sink)), on_error_(std::move(on_error)), options_(options) {}

void InputReader::Emit(RawDoc&& doc) {
  ++documents_;
  sink_(std::move(doc));
}

void InputReader::Fail(const Status& status) {
  ++errors_;
  on_error_(status);
}

Status InputReader::Read(const std::string& input) {
  if (input == "-") {
    std::unique_ptr<FileSource> in = FileSource::Stdin();
    ReadStream(in.get(), std::string(kStdinName));
    return Status::Ok();
  }
  std::error_code ec;
  fs::file_status st = fs::status(input, ec);
  // Only a path that is not there is "no such file": a symlink loop or a
  // folder we may not enter is reported as what it is.
  if (ec && ec != std::errc::no_such_file_or_directory && ec != std::errc::not_a_directory) {
    return Status::IoError(input + ": cannot reach it: " + ec.message());
  }
  if (!fs::exists(st)) {
    std::error_code lec;
    if (fs::is_symlink(fs::symlink_status(input, lec))) {
      return Status::NotFound(input + ": a symbolic link to nothing (no such file or folder)");
    }
    return Status::NotFound(input + ": no such file or folder");
  }
  if (fs::is_directory(st)) {
    ReadDirectory(input);
    return Status::Ok();
  }
  return ReadFile(input);
}

void InputReader::ReadBytes(const std::string& name, std::string_view bytes) {
  StringSource in(bytes);
  ReadStream(&in, name == "-" ? std::string(kStdinName) : name);
}

void InputReader::ReadDirectory(const std::string& dir) {
  std::error_code ec;
  std::vector<fs::directory_entry> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().filename().string().rfind('.', 0) != 0) entries.push_back(*it);
  }
  if (ec) return Fail(Status::IoError(dir + ": cannot list folder: " + ec.message()));
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path().filename().string() < b.path().filename().string(); });
  for (const fs::directory_entry& e : entries) {
    std::string path = e.path().string();
    if (e.is_directory(ec) && !e.is_symlink(ec)) {
      ReadDirectory(path);
    } else if (e.is_regular_file(ec)) {
      if (Status st = ReadFile(path); !st.ok()) Fail(st);
    }
  }
}

Status InputReader::ReadFile(const std::string& path) {
  // A huge plain document is refused before reading it; containers (JSONL,
  // WARC) and compressed files hold many documents and are streamed.
  std::error_code ec;
  uint64_t size = fs::file_size(path, ec);
  std::string lower = AsciiLower(path);
  if (!ec && size > options_.max_document_bytes && FormatOf(path, "") == Format::kDocument && !EndsWith(lower, ".gz")) {
    Fail(Status::InvalidArgument(path + ": file of " + Mb(size) + " is over the " + Mb(options_.max_document_bytes) +
                                 " document limit"));
    return Status::Ok();
  }
  Result<std::unique_ptr<FileSource>> in = FileSource::Open(path);
  if (!in.ok()) return in.status().WithContext(path);
  ReadStream(in->get(), path);
  return Status::Ok();
}

void InputReader::ReadStream(ByteSource* source, const std::string& name) {
  BufferedReader in(source);
  Result<std::string_view> head = in.Peek(3);
  if (!head.ok()) return Fail(head.status().WithContext(name));
  if (!GzipReader::IsGzip(*head)) return ReadDecoded(&in, name, name);
  GzipReader gz(&in);
  BufferedReader unzipped(&gz);
  ReadDecoded(&unzipped, name, WithoutGz(name));
}

void InputReader::ReadDecoded(BufferedReader* in, const std::string& name, const std::string& format_name) {
  Result<std::string_view> head = in->Peek(512);
  if (!head.ok()) {
    // A WARC can resynchronize at its next gzip member; other formats stop.
    if (FormatOf(format_name, "") == Format::kWarc) return ReadWarc(in, name);
    return Fail(head.status().WithContext(name));
  }
  if (head->empty()) {
    return Fail(Status::InvalidArgument(name + (name == kStdinName ? ": empty input" : ": empty file")));
  }
  switch (FormatOf(format_name, *head)) {
    case Format::kJsonl:
      return ReadJsonl(in, name);
    case Format::kWarc:
      return ReadWarc(in, name);
    case Format::kDocument:
      return ReadDocument(in, name, format_name);
  }
}

void InputReader::ReadDocument(BufferedReader* in, const std::string& name, const std::string& format_name) {
  std::string bytes;
  Result<size_t> got = in->ReadUpTo(options_.max_document_bytes + 1, &bytes);
  if (!got.ok()) return Fail(got.status().WithContext(name));
  if (bytes.size() > options_.max_document_bytes) {
    return Fail(Status::InvalidArgument(name + ": document is over the " + Mb(options_.max_document_bytes) + " limit"));
  }
  bool html = HtmlName(format_name) || RecordedResponse::LooksLikeHtml(bytes);
  Result<std::string> utf8 = CharsetDecoder::ToUtf8(bytes, "", html);
  if (!utf8.ok()) return Fail(utf8.status().WithContext(name));
  RawDoc doc;
  bool is_stdin = name == kStdinName;
  doc.source = is_stdin ? "-" : name;
  doc.id = is_stdin ? "stdin" : StemOf(name);
  doc.format = html ? DocFormat::kHtml : DocFormat::kText;
  doc.bytes = std::move(*utf8);
  Emit(std::move(doc));
}

void InputReader::ReadJsonl(BufferedReader* in, const std::string& name) {
  std::string line;
  bool too_long = false;
  // JSON escapes may make a line somewhat longer than the text it carries.
  const uint64_t max_line = options_.max_document_bytes + options_.max_document_bytes / 8;
  for (size_t line_no = 1;; ++line_no) {
    std::string where = name + ":" + std::to_string(line_no);
    Result<bool> got = in->ReadLine(&line, max_line, &too_long);
    if (!got.ok()) {
      // Corrupt gzip: go on at the next member (its first line may be cut).
      Fail(got.status().WithContext(where));
      if (!in->Resync().ok()) return;
      continue;
    }
    if (!*got) return;
    if (too_long) {
      Fail(Status::InvalidArgument(where + ": line is over the " + Mb(max_line) + " limit"));
      continue;
    }
    std::string_view view = line;
    if (line_no == 1 && view.substr(0, 3) == "\xEF\xBB\xBF") view.remove_prefix(3);
    if (view.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    ReadJsonLine(view, where);
  }
}

void InputReader::ReadJsonLine(std::string_view line, const std::string& where) {
  if (RawDoc fast; ArticleObject::ReadFlat(line, &fast)) {
    fast.source = where;
    return Emit(std::move(fast));
  }
  nlohmann::json obj;
  try {
    obj = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception& e) {  // parse_error, or out_of_range for 1e999
    return Fail(Status::InvalidArgument(where + ": malformed JSON (" + JsonReason(e) + ")"));
  }
  RawDoc doc;
  if (Status st = ArticleObject::Read(obj, &doc); !st.ok()) return Fail(st.WithContext(where));
  doc.source = where;
  Emit(std::move(doc));
}

void InputReader::ReadWarc(BufferedReader* in, const std::string& name) {
  WarcReader warc(in, name, options_.max_document_bytes);
  for (;;) {
    RawDoc doc;
    Result<bool> got = warc.Next(&doc);
    if (!got.ok()) {
      Fail(got.status());
      continue;
    }
    if (!*got) break;
    Emit(std::move(doc));
  }
  if (warc.records() == 0) Fail(Status::InvalidArgument(name + ": no WARC records"));
}

}  // namespace storyfuse
