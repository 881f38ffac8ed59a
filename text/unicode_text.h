// UnicodeText: the project's one wrapper over ICU's conversion and
// normalization APIs (charset detection, decoding, NFC, case folding).
// ICU types never appear in this header.
//
// All functions are stateless and thread-safe (ICU's singletons are).
#ifndef STORYFUSE_TEXT_UNICODE_TEXT_H_
#define STORYFUSE_TEXT_UNICODE_TEXT_H_

#include <string>
#include <string_view>

#include "base/status.h"

namespace storyfuse {

class UnicodeText {
 public:
  // Returns `bytes` as UTF-8. Well-formed UTF-8 is returned unchanged (minus
  // a byte-order mark); UTF-16 with a BOM is converted; anything else is
  // handed to ICU's charset detector and converted from the detected
  // encoding, whose name is stored in `*charset` when non-null.
  // Returns InvalidArgument when no encoding can be determined (e.g. binary
  // data with NUL bytes) or conversion fails.
  static Result<std::string> ToUtf8(std::string_view bytes, std::string* charset = nullptr);

  // Converts `bytes` from the named charset (an IANA or ICU name such as
  // "windows-1252"). Returns InvalidArgument for an unknown charset.
  static Result<std::string> ConvertFrom(std::string_view bytes, std::string_view charset);

  // Returns the NFC form of well-formed UTF-8 `text` (a fast path returns
  // ASCII and already-normalized text unchanged).
  static std::string Nfc(std::string_view text);

  // True when `text` is already NFC.
  static bool IsNfc(std::string_view text);

  // Full Unicode case folding (lower case for matching), UTF-8 in and out.
  static std::string Fold(std::string_view text);

  // Fold() with diacritics removed: canonical decomposition, combining
  // marks dropped, and the Latin letters that carry a stroke rather than a
  // mark (ł ø đ ħ ı ŧ) taken to their base. The key under which
  // "Hernández", "HERNANDEZ", "Łódź" and "Lodz", "Ştefan" and "Ștefan" match.
  // Other scripts are only folded.
  static std::string FoldMarks(std::string_view text);

  // Unicode general category tests on one code point.
  static bool IsLetter(char32_t cp);
  static bool IsUpper(char32_t cp);
  static bool IsDigit(char32_t cp);
  static bool IsSpace(char32_t cp);
  static bool IsPunct(char32_t cp);

  // True when `cp` is a word character as Python 3's Unicode `\w` defines
  // it: a letter (L*), a character with a numeric value (Nd, Nl, No and
  // other numerics) or the underscore. Combining marks are not.
  static bool IsWordChar(char32_t cp);
};

}  // namespace storyfuse

#endif  // STORYFUSE_TEXT_UNICODE_TEXT_H_
