#include "feed/xml_input.h"

#include <string>

#include "text/ascii_chars.h"

namespace storyfuse {
namespace {

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (AsciiLower(s[i]) != prefix[i]) return false;
  }
  return true;
}

}  // namespace

std::string_view XmlInput::SkipLeadingSpace(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  while (!bytes.empty() && IsAsciiSpace(bytes.front())) bytes.remove_prefix(1);
  return bytes;
}

bool XmlInput::DeclaresEncoding(std::string_view bytes) {
  for (std::string_view bom : {"\xEF\xBB\xBF", "\xFE\xFF", "\xFF\xFE"}) {
    if (bytes.substr(0, bom.size()) == bom) return true;
  }
  std::string_view s = SkipLeadingSpace(bytes);
  if (s.substr(0, 5) != "<?xml") return false;
  std::string_view decl = s.substr(0, s.find("?>"));
  return decl.find("encoding") != std::string_view::npos;
}

bool XmlInput::LooksLikeHtml(std::string_view bytes) {
  // An HTML page says so in its first bytes; what follows a long prologue
  // is not looked at.
  constexpr size_t kSniffBytes = 4096;
  std::string_view s = SkipLeadingSpace(bytes.substr(0, kSniffBytes));
  while (true) {
    std::string_view close;
    if (s.substr(0, 5) == "<?xml") {
      close = "?>";
    } else if (s.substr(0, 4) == "<!--") {
      close = "-->";
    } else {
      break;
    }
    size_t end = s.find(close);
    if (end == std::string_view::npos) return false;
    s = SkipLeadingSpace(s.substr(end + close.size()));
  }
  if (StartsWithNoCase(s, "<!doctype html")) return true;
  return StartsWithNoCase(s, "<html") && (s.size() == 5 || s[5] == '>' || IsAsciiSpace(s[5]));
}

Result<XmlDocument> XmlInput::Parse(std::string_view bytes, std::string_view what) {
  if (SkipLeadingSpace(bytes).empty()) return Status::InvalidArgument("empty " + std::string(what));
  bool vowel = !what.empty() && std::string_view("aeiouAEIOU").find(what[0]) != std::string_view::npos;
  std::string not_what = std::string("an HTML page, not ") + (vowel ? "an " : "a ") + std::string(what);
  if (LooksLikeHtml(bytes)) return Status::InvalidArgument(not_what);
  STORYFUSE_ASSIGN_OR_RETURN(auto doc, XmlDocument::Parse(bytes));
  std::string_view root = doc.LocalName(doc.Root());
  if (root == "html" || root == "HTML") return Status::InvalidArgument(not_what);
  return doc;
}

}  // namespace storyfuse
