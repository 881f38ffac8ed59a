#include "text/unicode_text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <array>
#include <memory>

#include "text/ascii_chars.h"
#include "text/utf8.h"

namespace storyfuse {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool IsAscii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

// Binary data is not text in any charset; ICU would happily "detect" one.
bool LooksBinary(std::string_view bytes) {
  size_t probe = std::min<size_t>(bytes.size(), 8192);
  for (size_t i = 0; i < probe; ++i) {
    if (bytes[i] == '\0') return true;
  }
  return false;
}

struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

Result<std::string> Detect(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> det(ucsdet_open(&status));
  ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(det.get(), &status);
  if (U_FAILURE(status) || match == nullptr) {
    return Status::InvalidArgument("cannot detect the text encoding");
  }
  const char* name = ucsdet_getName(match, &status);
  if (U_FAILURE(status) || name == nullptr) {
    return Status::InvalidArgument("cannot detect the text encoding");
  }
  return std::string(name);
}

}  // namespace

Result<std::string> UnicodeText::ConvertFrom(std::string_view bytes, std::string_view charset) {
  std::string name(charset);
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(name.c_str(), &status);
  if (U_FAILURE(status)) return Status::InvalidArgument("unknown charset " + name);
  ucnv_close(conv);
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), name.c_str());
  if (u.isBogus()) return Status::InvalidArgument("cannot convert from " + name);
  std::string out;
  u.toUTF8String(out);
  return out;
}

Result<std::string> UnicodeText::ToUtf8(std::string_view bytes, std::string* charset) {
  if (StartsWith(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (StartsWith(bytes, "\xFF\xFE") || StartsWith(bytes, "\xFE\xFF")) {
    if (charset) *charset = "UTF-16";
    return ConvertFrom(bytes, "UTF-16");
  }
  if (FindInvalidUtf8(bytes) == std::string_view::npos) {
    if (charset) *charset = "UTF-8";
    return std::string(bytes);
  }
  if (LooksBinary(bytes)) return Status::InvalidArgument("binary data, not text");
  STORYFUSE_ASSIGN_OR_RETURN(std::string name, Detect(bytes));
  if (charset) *charset = name;
  return ConvertFrom(bytes, name);
}

namespace {

// The General Punctuation block (U+2000..U+206F): curly quotes, dashes,
// ellipses, most of the non-ASCII characters of English news.
constexpr char32_t kPunctuationFirst = 0x2000;
constexpr char32_t kPunctuationEnd = 0x2070;

// True when `text` is made only of code points below U+0300 and of
// normalization-inert General Punctuation (ICU's isInert: no
// decomposition, combining class 0, never composed with a neighbour; this
// leaves out U+2000 and U+2001, which decompose). Below U+0300 nothing
// changes under NFC unless a combining mark (U+0300 and up) follows, and
// inert characters neither change nor change their neighbours, so such a
// text is NFC without ICU's UTF-16 copy: the cleaner asks this of every
// line (issue 21's end-to-end speed). Ill-formed bytes are read as U+FFFD
// there, which is inert too. False means "not known", not "not NFC".
bool OnlyNfcSafe(std::string_view text, const icu::Normalizer2& nfc) {
  static const auto* inert = [&nfc] {
    auto* t = new std::array<bool, kPunctuationEnd - kPunctuationFirst>;
    for (char32_t cp = kPunctuationFirst; cp < kPunctuationEnd; ++cp) (*t)[cp - kPunctuationFirst] = nfc.isInert(cp);
    return t;
  }();
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    // ASCII, a continuation byte, or the lead byte of U+0080..U+02FF.
    if (s[i] < 0xCC) {
      ++i;
      continue;
    }
    // E2 80..81 xx: U+2000..U+207F.
    if (s[i] != 0xE2 || i + 2 >= n || (s[i + 1] != 0x80 && s[i + 1] != 0x81) || (s[i + 2] & 0xC0) != 0x80) return false;
    char32_t cp = 0x2000 | static_cast<char32_t>((s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F));
    if (cp >= kPunctuationEnd || !(*inert)[cp - kPunctuationFirst]) return false;
    i += 3;
  }
  return true;
}

}  // namespace

bool UnicodeText::IsNfc(std::string_view text) {
  if (IsAscii(text)) return true;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return true;
  if (OnlyNfcSafe(text, *nfc)) return true;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  return nfc->isNormalized(u, status);
}

std::string UnicodeText::Nfc(std::string_view text) {
  if (IsNfc(text)) return std::string(text);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  icu::UnicodeString n = nfc->normalize(u, status);
  if (U_FAILURE(status)) return std::string(text);
  std::string out;
  n.toUTF8String(out);
  return out;
}

std::string UnicodeText::Fold(std::string_view text) {
  if (IsAscii(text)) {
    return AsciiLower(text);
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  u.foldCase();
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string UnicodeText::FoldMarks(std::string_view text) {
  if (IsAscii(text)) return Fold(text);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  u.foldCase();
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString d = U_SUCCESS(status) ? nfd->normalize(u, status) : u;
  if (U_FAILURE(status)) d = u;
  std::string out;
  out.reserve(text.size());
  for (int32_t i = 0; i < d.length();) {
    UChar32 cp = d.char32At(i);
    i += U16_LENGTH(cp);
    if (u_charType(cp) == U_NON_SPACING_MARK) continue;
    switch (cp) {  // strokes and the dotless i: no decomposition to undo
      case 0x0142:
        cp = 'l';
        break;  // ł
      case 0x00F8:
        cp = 'o';
        break;  // ø
      case 0x0111:
        cp = 'd';
        break;  // đ
      case 0x0127:
        cp = 'h';
        break;  // ħ
      case 0x0131:
        cp = 'i';
        break;  // ı
      case 0x0167:
        cp = 't';
        break;  // ŧ
      default:
        break;
    }
    AppendUtf8(static_cast<char32_t>(cp), &out);
  }
  return out;
}

bool UnicodeText::IsLetter(char32_t cp) { return u_isalpha(static_cast<UChar32>(cp)); }
bool UnicodeText::IsUpper(char32_t cp) { return u_isupper(static_cast<UChar32>(cp)); }
bool UnicodeText::IsDigit(char32_t cp) { return u_isdigit(static_cast<UChar32>(cp)); }
bool UnicodeText::IsSpace(char32_t cp) { return u_isUWhiteSpace(static_cast<UChar32>(cp)); }
bool UnicodeText::IsPunct(char32_t cp) { return u_ispunct(static_cast<UChar32>(cp)); }

bool UnicodeText::IsWordChar(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
  }
  UChar32 c = static_cast<UChar32>(cp);
  return u_isalpha(c) || u_getIntPropertyValue(c, UCHAR_NUMERIC_TYPE) != U_NT_NONE;
}

}  // namespace storyfuse
