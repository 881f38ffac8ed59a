#include "ingest/input_reader.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <nlohmann/json.hpp>

#include "text/unicode_text.h"

namespace storyfuse {
namespace fs = std::filesystem;

namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// True when the first non-blank bytes look like markup of an HTML page.
bool LooksLikeHtml(std::string_view bytes) {
  size_t i = bytes.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (i == std::string_view::npos || bytes[i] != '<') return false;
  std::string head = Lower(std::string(bytes.substr(i, 256)));
  return head.rfind("<!doctype html", 0) == 0 || head.rfind("<html", 0) == 0 ||
         head.rfind("<head", 0) == 0 || head.rfind("<!--", 0) == 0 || head.rfind("<meta", 0) == 0;
}

Result<std::string> Slurp(std::istream& in, const std::string& name) {
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Status::IoError(name + ": read failed");
  return bytes;
}

std::string StemOf(const std::string& path) {
  std::string name = fs::path(path).filename().string();
  for (const char* ext : {".warc.gz", ".html", ".htm", ".txt", ".jsonl", ".ndjson", ".warc"}) {
    if (EndsWith(Lower(name), ext)) return name.substr(0, name.size() - std::strlen(ext));
  }
  return fs::path(path).stem().string();
}

std::string StringField(const nlohmann::json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

}  // namespace

InputReader::InputReader(Sink sink, ErrorSink on_error)
    : sink_(std::move(sink)), on_error_(std::move(on_error)) {}

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
    Result<std::string> bytes = Slurp(std::cin, "stdin");
    if (!bytes.ok()) return bytes.status();
    ReadBuffer("-", "stdin", std::move(*bytes));
    return Status::Ok();
  }
  std::error_code ec;
  if (fs::is_directory(input, ec)) {
    std::vector<std::string> files;
    for (auto it = fs::recursive_directory_iterator(input, ec); !ec && it != fs::end(it); it.increment(ec)) {
      if (it->is_regular_file()) files.push_back(it->path().string());
    }
    if (ec) return Status::IoError(input + ": " + ec.message());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      Status st = ReadFile(f);
      if (!st.ok()) Fail(st);
    }
    return Status::Ok();
  }
  if (!fs::exists(input, ec)) return Status::NotFound(input + ": no such file or folder");
  return ReadFile(input);
}

Status InputReader::ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open");
  Result<std::string> bytes = Slurp(in, path);
  if (!bytes.ok()) return bytes.status();
  ReadBuffer(path, path, std::move(*bytes));
  return Status::Ok();
}

void InputReader::ReadBuffer(const std::string& source, const std::string& name, std::string bytes) {
  std::string lower = Lower(name);
  if (EndsWith(lower, ".jsonl") || EndsWith(lower, ".ndjson")) return ReadJsonl(source, bytes);
  if (EndsWith(lower, ".warc") || EndsWith(lower, ".warc.gz")) return ReadWarc(source, bytes);
  if (bytes.empty()) return Fail(Status::InvalidArgument(source + ": empty file"));
  Result<std::string> utf8 = UnicodeText::ToUtf8(bytes);
  if (!utf8.ok()) return Fail(utf8.status().WithContext(source));
  RawDoc doc;
  doc.source = source;
  doc.id = source == "-" ? "stdin" : StemOf(name);
  bool html = EndsWith(lower, ".html") || EndsWith(lower, ".htm") || LooksLikeHtml(*utf8);
  doc.format = html ? DocFormat::kHtml : DocFormat::kText;
  doc.bytes = std::move(*utf8);
  Emit(std::move(doc));
}

void InputReader::ReadJsonl(const std::string& source, std::string_view bytes) {
  size_t line_no = 0;
  for (size_t pos = 0; pos < bytes.size();) {
    size_t eol = bytes.find('\n', pos);
    if (eol == std::string_view::npos) eol = bytes.size();
    std::string_view line = bytes.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    std::string where = source + ":" + std::to_string(line_no);
    nlohmann::json obj = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (obj.is_discarded() || !obj.is_object()) {
      Fail(Status::InvalidArgument(where + ": malformed JSON"));
      continue;
    }
    RawDoc doc;
    doc.source = where;
    doc.id = StringField(obj, "id");
    if (doc.id.empty()) doc.id = StemOf(source) + "-" + std::to_string(line_no);
    doc.url = StringField(obj, "url");
    doc.outlet = StringField(obj, "outlet");
    doc.title = StringField(obj, "title");
    doc.published = StringField(obj, "published");
    doc.language = StringField(obj, "language");
    doc.label = StringField(obj, "label");
    if (obj.contains("label") && obj["label"].is_number()) doc.label = obj["label"].dump();
    if (auto a = obj.find("authors"); a != obj.end() && a->is_array()) {
      for (const auto& x : *a) {
        if (x.is_string()) doc.authors.push_back(x.get<std::string>());
      }
    }
    std::string html = StringField(obj, "html");
    doc.bytes = html.empty() ? StringField(obj, "text") : html;
    doc.format = html.empty() ? DocFormat::kText : DocFormat::kHtml;
    if (doc.bytes.empty()) {
      Fail(Status::InvalidArgument(where + ": no text or html field"));
      continue;
    }
    Emit(std::move(doc));
  }
}

void InputReader::ReadWarc(const std::string& source, std::string_view) {
  Fail(Status::Unsupported(source + ": WARC reading is not built yet"));
}

}  // namespace storyfuse
