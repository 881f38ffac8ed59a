// CharsetDecoder: decides a document's character encoding from what the
// container declares (HTTP Content-Type), what the document declares (HTML
// <meta charset>), and what the bytes are, and decodes it to UTF-8 through
// UnicodeText (the ICU wrapper).
//
// Stateless; all functions are thread-safe.
#ifndef STORYFUSE_INGEST_CHARSET_DECODER_H_
#define STORYFUSE_INGEST_CHARSET_DECODER_H_

#include <string>
#include <string_view>

#include "base/status.h"

namespace storyfuse {

class CharsetDecoder {
 public:
  // Returns the charset parameter of a Content-Type value
  // ("text/html; charset=ISO-8859-1" -> "ISO-8859-1"), or "".
  static std::string FromContentType(std::string_view content_type);

  // Returns the charset declared by a <meta charset=...> or
  // <meta http-equiv="Content-Type" content="...; charset=..."> tag in the
  // first 4 KiB of `html` (a simplified HTML5 prescan), or "".
  static std::string FromMeta(std::string_view html);

  // Decodes `bytes` to UTF-8. `declared` is the container's charset (may be
  // empty); for HTML the <meta> declaration is used when `declared` is
  // empty. Order: byte-order mark; a declared UTF-16/32; well-formed UTF-8
  // (kept, whatever the label says: mislabelled UTF-8 pages are far more
  // common than legacy text that happens to be valid UTF-8); UTF-8 with a
  // few bad bytes (repaired with U+FFFD); the declared charset (Latin-1 and
  // ASCII labels mean windows-1252, as browsers do); ICU detection.
  // The charset used is stored in *used when non-null.
  // Returns InvalidArgument for binary data or undecodable text.
  static Result<std::string> ToUtf8(std::string_view bytes, std::string_view declared, bool html,
                                    std::string* used = nullptr);
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_CHARSET_DECODER_H_
