// PlainText: the readable text of a feed field that may hold HTML (titles
// with <b> or &amp;amp;, descriptions, content:encoded). HTML is parsed by
// HtmlDocument, the project's one HTML parser: tags go, entities are
// decoded, <script> and <style> content is dropped, block elements and
// <br> separate words. White space (including U+00A0) collapses to single
// spaces and the result is trimmed, then cut at a UTF-8 character boundary
// to the caller's limit.
//
// Pure functions; thread-safe.
#ifndef STORYFUSE_FEED_PLAIN_TEXT_H_
#define STORYFUSE_FEED_PLAIN_TEXT_H_

#include <string>
#include <string_view>

namespace storyfuse {

class PlainText {
 public:
  // `html` as plain text of at most `max_bytes` bytes. Text without '<' or
  // '&' is not parsed, only collapsed. Malformed markup is repaired, never
  // an error.
  static std::string FromHtml(std::string_view html, size_t max_bytes);

  // `text` (already plain) with white space collapsed, trimmed and cut to
  // `max_bytes` at a character boundary.
  static std::string Collapse(std::string_view text, size_t max_bytes);
};

}  // namespace storyfuse

#endif  // STORYFUSE_FEED_PLAIN_TEXT_H_
