// XmlInput: the first steps every XML format of this stage shares (feeds,
// sitemaps, OPML): a byte-order mark and leading white space skipped, an
// HTML page told apart from the XML that was expected (servers answer a
// feed URL with their home page or an error page), and the parse through
// XmlDocument.
//
// Pure functions; thread-safe.
#ifndef STORYFUSE_FEED_XML_INPUT_H_
#define STORYFUSE_FEED_XML_INPUT_H_

#include <string_view>

#include "base/status.h"
#include "ingest/xml_document.h"

namespace storyfuse {

class XmlInput {
 public:
  // `bytes` without a UTF-8 byte-order mark and leading ASCII white space.
  static std::string_view SkipLeadingSpace(std::string_view bytes);

  // True when `bytes` start (after white space, an XML declaration and
  // comments, within the first 4 KiB) with "<!DOCTYPE html" or "<html",
  // case-insensitive.
  static bool LooksLikeHtml(std::string_view bytes);

  // True when the document names its own encoding, which XML puts before an
  // HTTP header's charset here: a byte-order mark (UTF-8, UTF-16 or
  // UTF-32), or an `encoding=` in the XML declaration.
  static bool DeclaresEncoding(std::string_view bytes);

  // Parses `bytes` as XML expected to be `what` ("feed", "sitemap", "OPML
  // list"). Errors (InvalidArgument): "empty <what>"; "an HTML page, not a
  // <what>" ("an" before a vowel) (also for well-formed XHTML, root <html>); XmlDocument's errors.
  static Result<XmlDocument> Parse(std::string_view bytes, std::string_view what);
};

}  // namespace storyfuse

#endif  // STORYFUSE_FEED_XML_INPUT_H_
