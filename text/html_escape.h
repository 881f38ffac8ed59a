// HtmlEscape: text made safe for HTML text and attribute values. The one
// escaper for every page or feed storyfuse writes (brief pages, the test
// feeds' generator). Pure; thread-safe.
#ifndef STORYFUSE_TEXT_HTML_ESCAPE_H_
#define STORYFUSE_TEXT_HTML_ESCAPE_H_

#include <string>
#include <string_view>

namespace storyfuse {

// Escapes &, <, >, " and ' (as &#39;, which HTML 4 and XML both read).
std::string HtmlEscape(std::string_view text);

}  // namespace storyfuse

#endif  // STORYFUSE_TEXT_HTML_ESCAPE_H_
