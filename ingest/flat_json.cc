#include "ingest/flat_json.h"

#include <array>
#include <cstdint>

#include "text/utf8.h"

namespace storyfuse {
namespace {

// Bytes a JSON string holds as they are: printable ASCII but the quote and
// the backslash. Control bytes are errors; bytes >= 0x80 are checked as
// UTF-8.
constexpr std::array<bool, 256> kPlain = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x80; ++c) t[c] = c != '"' && c != '\\';
  return t;
}();

constexpr char32_t kHighSurrogateFirst = 0xD800;
constexpr char32_t kLowSurrogateFirst = 0xDC00;
constexpr char32_t kLowSurrogateLast = 0xDFFF;
constexpr size_t kHexDigits = 4;  // \uXXXX

class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}

  std::optional<FlatJson::Members> Object() {
    FlatJson::Members members;
    SkipSpace();
    if (!Eat('{')) return std::nullopt;
    SkipSpace();
    if (!Eat('}')) {
      do {
        SkipSpace();
        std::pair<std::string, FlatJsonValue> m;
        if (!Peek('"') || !String(&m.first)) return std::nullopt;
        SkipSpace();
        if (!Eat(':')) return std::nullopt;
        SkipSpace();
        if (!Value(&m.second)) return std::nullopt;
        members.push_back(std::move(m));
        SkipSpace();
      } while (Eat(','));
      if (!Eat('}')) return std::nullopt;
    }
    SkipSpace();
    if (pos_ != s_.size()) return std::nullopt;
    return members;
  }

 private:
  bool Peek(char c) const { return pos_ < s_.size() && s_[pos_] == c; }
  bool Eat(char c) {
    if (!Peek(c)) return false;
    ++pos_;
    return true;
  }
  bool EatWord(std::string_view w) {
    if (s_.substr(pos_, w.size()) != w) return false;
    pos_ += w.size();
    return true;
  }
  // JSON's white space, as nlohmann skips it.
  void SkipSpace() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) ++pos_;
  }

  bool Value(FlatJsonValue* v) {
    using Kind = FlatJsonValue::Kind;
    if (Peek('"')) {
      v->kind = Kind::kString;
      return String(&v->text);
    }
    if (Eat('[')) {
      v->kind = Kind::kStringArray;
      SkipSpace();
      if (Eat(']')) return true;
      do {
        SkipSpace();
        if (!Peek('"') || !String(&v->items.emplace_back())) return false;
        SkipSpace();
      } while (Eat(','));
      return Eat(']');
    }
    for (auto [word, kind] : {std::pair{"null", Kind::kNull}, {"true", Kind::kTrue}, {"false", Kind::kFalse}}) {
      if (EatWord(word)) {
        v->kind = kind;
        return true;
      }
    }
    return false;  // a number or an object: the full parser reads those
  }

  // The string at pos_ (its opening quote), unescaped, appended to `out`.
  bool String(std::string* out) {
    ++pos_;
    for (;;) {
      size_t start = pos_;
      while (pos_ < s_.size() && kPlain[static_cast<unsigned char>(s_[pos_])]) ++pos_;
      out->append(s_.data() + start, pos_ - start);
      if (pos_ >= s_.size()) return false;
      auto c = static_cast<unsigned char>(s_[pos_]);
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c == '\\') {
        if (!Escape(out)) return false;
        continue;
      }
      if (c < 0x80) return false;  // a control byte
      // A run of bytes >= 0x80 holds whole UTF-8 sequences when it is valid.
      size_t end = pos_;
      while (end < s_.size() && static_cast<unsigned char>(s_[end]) >= 0x80) ++end;
      std::string_view run = s_.substr(pos_, end - pos_);
      if (FindInvalidUtf8(run) != std::string_view::npos) return false;
      out->append(run);
      pos_ = end;
    }
  }

  bool Hex4(char32_t* cp) {
    if (s_.size() - pos_ < kHexDigits) return false;
    char32_t v = 0;
    for (size_t k = 0; k < kHexDigits; ++k) {
      char c = s_[pos_ + k];
      int d;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (c >= 'a' && c <= 'f') {
        d = c - 'a' + 10;
      } else if (c >= 'A' && c <= 'F') {
        d = c - 'A' + 10;
      } else {
        return false;
      }
      v = v * 16 + static_cast<char32_t>(d);
    }
    pos_ += kHexDigits;
    *cp = v;
    return true;
  }

  // The escape at pos_ (its backslash).
  bool Escape(std::string* out) {
    ++pos_;
    if (pos_ >= s_.size()) return false;
    char c = s_[pos_++];
    switch (c) {
      case '"':
      case '\\':
      case '/':
        out->push_back(c);
        return true;
      case 'b':
        out->push_back('\b');
        return true;
      case 'f':
        out->push_back('\f');
        return true;
      case 'n':
        out->push_back('\n');
        return true;
      case 'r':
        out->push_back('\r');
        return true;
      case 't':
        out->push_back('\t');
        return true;
      case 'u':
        break;
      default:
        return false;
    }
    char32_t cp;
    if (!Hex4(&cp)) return false;
    if (cp >= kLowSurrogateFirst && cp <= kLowSurrogateLast) return false;
    if (cp >= kHighSurrogateFirst && cp < kLowSurrogateFirst) {
      char32_t low;
      if (!EatWord("\\u") || !Hex4(&low) || low < kLowSurrogateFirst || low > kLowSurrogateLast) return false;
      cp = 0x10000 + ((cp - kHighSurrogateFirst) << 10) + (low - kLowSurrogateFirst);
    }
    AppendUtf8(cp, out);
    return true;
  }

  std::string_view s_;
  size_t pos_ = 0;
};

}  // namespace

std::optional<FlatJson::Members> FlatJson::Parse(std::string_view line) { return Reader(line).Object(); }

}  // namespace storyfuse
