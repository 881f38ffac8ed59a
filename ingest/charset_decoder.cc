#include "ingest/charset_decoder.h"

#include <algorithm>

#include "text/ascii_chars.h"
#include "text/unicode_text.h"
#include "text/utf8.h"

namespace storyfuse {
namespace {

constexpr size_t kMetaPrescanBytes = 4096;

// The value after "charset" at `pos` in `s`: skips blanks, '=', blanks and
// an opening quote, and stops at a quote, blank, ';' or '>'.
std::string CharsetValueAt(std::string_view s, size_t pos) {
  size_t i = pos + 7;  // strlen("charset")
  while (i < s.size() && IsHtmlSpace(s[i])) ++i;
  if (i >= s.size() || s[i] != '=') return "";
  ++i;
  while (i < s.size() && IsHtmlSpace(s[i])) ++i;
  if (i < s.size() && (s[i] == '"' || s[i] == '\'')) ++i;
  size_t end = i;
  while (end < s.size() && !IsHtmlSpace(s[end]) && s[end] != '"' && s[end] != '\'' && s[end] != ';' && s[end] != '>') {
    ++end;
  }
  return std::string(s.substr(i, end - i));
}

// WHATWG encoding labels that ICU reads differently from browsers.
std::string Canonical(std::string_view label) {
  std::string l = AsciiLower(label);
  if (l == "utf8" || l == "unicode-1-1-utf-8") return "utf-8";
  if (l == "iso-8859-1" || l == "iso8859-1" || l == "latin1" || l == "l1" || l == "us-ascii" || l == "ascii" ||
      l == "iso_8859-1" || l == "cp1252") {
    return "windows-1252";
  }
  return l;
}

bool IsWide(std::string_view charset) { return charset.rfind("utf-16", 0) == 0 || charset.rfind("utf-32", 0) == 0; }

// UTF-8 with a handful of corrupt bytes stays UTF-8 (the bad bytes become
// U+FFFD) rather than going to detection, which would mis-decode the rest.
bool MostlyUtf8(std::string_view bytes) {
  size_t multibyte = 0, invalid = 0;
  for (size_t pos = 0; pos < bytes.size();) {
    size_t start = pos;
    DecodeUtf8(bytes, &pos);
    if (pos - start > 1)
      ++multibyte;
    else if (static_cast<unsigned char>(bytes[start]) >= 0x80)
      ++invalid;
  }
  return multibyte > 0 && invalid * 4 <= multibyte;
}

std::string RepairUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (size_t pos = 0; pos < bytes.size();) AppendUtf8(DecodeUtf8(bytes, &pos), &out);
  return out;
}

bool HasBom(std::string_view b) {
  return b.rfind("\xEF\xBB\xBF", 0) == 0 || b.rfind("\xFF\xFE", 0) == 0 || b.rfind("\xFE\xFF", 0) == 0;
}

// Text has no NUL bytes; binary data that happens to be valid UTF-8 does.
bool LooksBinary(std::string_view bytes) { return bytes.substr(0, 8192).find('\0') != std::string_view::npos; }

void SetUsed(std::string* used, std::string_view name) {
  if (used != nullptr) *used = std::string(name);
}

}  // namespace

std::string CharsetDecoder::FromContentType(std::string_view content_type) {
  std::string lower = AsciiLower(content_type);
  size_t at = lower.find("charset");
  if (at == std::string::npos) return "";
  return CharsetValueAt(content_type, at);
}

std::string CharsetDecoder::FromMeta(std::string_view html) {
  std::string head = AsciiLower(html.substr(0, kMetaPrescanBytes));
  for (size_t meta = head.find("<meta"); meta != std::string::npos; meta = head.find("<meta", meta + 5)) {
    size_t end = head.find('>', meta);
    std::string_view tag = std::string_view(head).substr(meta, end == std::string::npos ? end : end - meta);
    size_t at = tag.find("charset");
    if (at == std::string::npos) continue;
    std::string value = CharsetValueAt(tag, at);
    if (!value.empty()) return value;
  }
  return "";
}

Result<std::string> CharsetDecoder::ToUtf8(std::string_view bytes, std::string_view declared, bool html,
                                           std::string* used) {
  if (HasBom(bytes)) return UnicodeText::ToUtf8(bytes, used);
  std::string label = Canonical(declared);
  if (IsWide(label)) {
    SetUsed(used, label);
    return UnicodeText::ConvertFrom(bytes, label);
  }
  if (LooksBinary(bytes)) return Status::InvalidArgument("binary data, not text");
  if (FindInvalidUtf8(bytes) == std::string_view::npos) {
    SetUsed(used, "utf-8");
    return std::string(bytes);
  }
  if (MostlyUtf8(bytes)) {
    SetUsed(used, "utf-8");
    return RepairUtf8(bytes);
  }
  if (label.empty() && html) label = Canonical(FromMeta(bytes));
  // A meta tag cannot truthfully declare UTF-16 (HTML5 reads it as UTF-8).
  if (!label.empty() && label != "utf-8" && !IsWide(label)) {
    Result<std::string> out = UnicodeText::ConvertFrom(bytes, label);
    if (out.ok()) {
      SetUsed(used, label);
      return out;
    }
  }
  return UnicodeText::ToUtf8(bytes, used);
}

}  // namespace storyfuse
