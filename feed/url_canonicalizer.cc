#include "feed/url_canonicalizer.h"

#include <array>
#include <cctype>

#include "text/ascii_chars.h"

namespace storyfuse {
namespace {

// The five components of RFC 3986 appendix B; "has_" tells an absent
// component from an empty one ("http://h/p?" has an empty query).
struct UriParts {
  bool has_scheme = false;
  std::string scheme;
  bool has_authority = false;
  std::string authority;
  std::string path;
  bool has_query = false;
  std::string query;
  bool has_fragment = false;
  std::string fragment;
};

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsSchemeChar(char c) { return IsAlpha(c) || IsDigit(c) || c == '+' || c == '-' || c == '.'; }
bool IsUnreserved(char c) { return IsAlpha(c) || IsDigit(c) || c == '-' || c == '.' || c == '_' || c == '~'; }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

int HexValue(char c) {
  if (IsDigit(c)) return c - '0';
  c = Lower(c);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

UriParts Split(std::string_view s) {
  UriParts u;
  size_t colon = s.find_first_of(":/?#");
  if (colon != std::string_view::npos && colon > 0 && s[colon] == ':' && IsAlpha(s[0])) {
    bool valid = true;
    for (size_t i = 0; i < colon; ++i) valid = valid && IsSchemeChar(s[i]);
    if (valid) {
      u.has_scheme = true;
      u.scheme.assign(s.substr(0, colon));
      s.remove_prefix(colon + 1);
    }
  }
  if (s.substr(0, 2) == "//") {
    s.remove_prefix(2);
    size_t end = s.find_first_of("/?#");
    u.has_authority = true;
    u.authority.assign(s.substr(0, end));
    s.remove_prefix(end == std::string_view::npos ? s.size() : end);
  }
  size_t end = s.find_first_of("?#");
  u.path.assign(s.substr(0, end));
  s.remove_prefix(end == std::string_view::npos ? s.size() : end);
  if (!s.empty() && s[0] == '?') {
    end = s.find('#');
    u.has_query = true;
    u.query.assign(s.substr(1, end == std::string_view::npos ? std::string_view::npos : end - 1));
    s.remove_prefix(end == std::string_view::npos ? s.size() : end);
  }
  if (!s.empty() && s[0] == '#') {
    u.has_fragment = true;
    u.fragment.assign(s.substr(1));
  }
  return u;
}

// RFC 3986 5.3.
std::string Join(const UriParts& u) {
  std::string out;
  if (u.has_scheme) out.append(u.scheme).push_back(':');
  if (u.has_authority) out.append("//").append(u.authority);
  out.append(u.path);
  if (u.has_query) out.append("?").append(u.query);
  if (u.has_fragment) out.append("#").append(u.fragment);
  return out;
}

// RFC 3986 5.2.4, on the output buffer: each step moves or drops one
// segment of the input.
std::string RemoveDotSegments(std::string_view in) {
  std::string out;
  while (!in.empty()) {
    if (in.substr(0, 3) == "../") {
      in.remove_prefix(3);
    } else if (in.substr(0, 2) == "./") {
      in.remove_prefix(2);
    } else if (in.substr(0, 3) == "/./") {
      in.remove_prefix(2);
    } else if (in == "/.") {
      in = "/";
    } else if (in.substr(0, 4) == "/../" || in == "/..") {
      in = in.size() == 3 ? std::string_view("/") : in.substr(3);
      size_t slash = out.rfind('/');
      out.resize(slash == std::string::npos ? 0 : slash);
    } else if (in == "." || in == "..") {
      in = {};
    } else {
      size_t next = in.find('/', 1);
      size_t n = next == std::string_view::npos ? in.size() : next;
      out.append(in.substr(0, n));
      in.remove_prefix(n);
    }
  }
  return out;
}

// RFC 3986 5.2.3.
std::string Merge(const UriParts& base, std::string_view ref_path) {
  if (base.has_authority && base.path.empty()) return "/" + std::string(ref_path);
  size_t slash = base.path.rfind('/');
  std::string out = slash == std::string::npos ? std::string() : base.path.substr(0, slash + 1);
  out.append(ref_path);
  return out;
}

void AppendEscaped(unsigned char c, std::string* out) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out->push_back('%');
  out->push_back(kHex[c >> 4]);
  out->push_back(kHex[c & 15]);
}

// Percent-encoding normalization (RFC 3986 6.2.2.2) of a path or query,
// and escaping of bytes a URL may not hold.
std::string NormalizeEscapes(std::string_view s) {
  static constexpr std::string_view kUnsafe = "<>\"{}|\\^`";
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == '%') {
      int hi = i + 2 < s.size() ? HexValue(s[i + 1]) : -1;
      int lo = i + 2 < s.size() ? HexValue(s[i + 2]) : -1;
      if (hi < 0 || lo < 0) {
        out.append("%25");  // a lone '%' is a literal percent sign
        continue;
      }
      auto decoded = static_cast<char>(hi * 16 + lo);
      if (IsUnreserved(decoded)) {
        out.push_back(decoded);
      } else {
        AppendEscaped(static_cast<unsigned char>(decoded), &out);
      }
      i += 2;
    } else if (c <= 0x20 || c >= 0x7F || kUnsafe.find(static_cast<char>(c)) != std::string_view::npos) {
      AppendEscaped(c, &out);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

std::string StripTracking(std::string_view query) {
  std::string out;
  while (true) {
    size_t amp = query.find('&');
    std::string_view param = query.substr(0, amp);
    std::string_view name = param.substr(0, param.find('='));
    if (!param.empty() && !UrlCanonicalizer::IsTrackingParameter(name)) {
      if (!out.empty()) out.push_back('&');
      out.append(param);
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return out;
}

Status CanonicalAuthority(std::string_view scheme, std::string_view authority, std::string* out) {
  size_t at = authority.rfind('@');
  std::string_view userinfo = at == std::string_view::npos ? std::string_view() : authority.substr(0, at + 1);
  std::string_view hostport = at == std::string_view::npos ? authority : authority.substr(at + 1);
  std::string_view host = hostport;
  std::string_view port;
  bool has_port = false;
  if (!hostport.empty() && hostport[0] == '[') {  // IPv6 literal
    size_t close = hostport.find(']');
    if (close == std::string_view::npos) return Status::InvalidArgument("unterminated IPv6 host");
    host = hostport.substr(0, close + 1);
    if (close + 1 < hostport.size()) {
      if (hostport[close + 1] != ':') return Status::InvalidArgument("junk after the IPv6 host");
      has_port = true;
      port = hostport.substr(close + 2);
    }
  } else if (size_t colon = hostport.rfind(':'); colon != std::string_view::npos) {
    host = hostport.substr(0, colon);
    has_port = true;
    port = hostport.substr(colon + 1);
  }
  std::string h = LowerAscii(host);
  while (!h.empty() && h.back() == '.') h.pop_back();
  if (h.empty()) return Status::InvalidArgument("no host");
  bool ipv6 = h[0] == '[';
  for (size_t i = ipv6 ? 1 : 0; i < h.size() - (ipv6 ? 1 : 0); ++i) {
    auto c = static_cast<unsigned char>(h[i]);
    if (c >= 0x80) return Status::InvalidArgument("a non-ASCII host name (write it in punycode)");
    bool ok = ipv6
                  ? (HexValue(h[i]) >= 0 || c == ':' || c == '.')
                  : c > 0x20 && c < 0x7F && std::string_view("/\\?#@:[]<>^|\"`{}").find(h[i]) == std::string_view::npos;
    if (!ok) return Status::InvalidArgument("a character not allowed in a host name");
  }
  unsigned long number = 0;
  if (has_port && !port.empty()) {
    constexpr unsigned long kMaxPort = 65535;
    for (char c : port) {
      if (!IsDigit(c)) return Status::InvalidArgument("the port is not a number");
      number = number * 10 + static_cast<unsigned long>(c - '0');
      if (number > kMaxPort) return Status::InvalidArgument("the port is over 65535");
    }
  }
  constexpr unsigned long kHttpPort = 80;
  constexpr unsigned long kHttpsPort = 443;
  bool default_port = (scheme == "http" && number == kHttpPort) || (scheme == "https" && number == kHttpsPort);
  out->assign(NormalizeEscapes(userinfo));
  out->append(h);
  if (has_port && !port.empty() && !default_port) out->append(":").append(std::to_string(number));
  return Status::Ok();
}

}  // namespace

Result<std::string> UrlCanonicalizer::Resolve(std::string_view base, std::string_view reference) {
  base = TrimAsciiSpace(base);
  reference = TrimAsciiSpace(reference);
  if (reference.empty()) return Status::InvalidArgument("empty URL");
  if (base.size() > kMaxUrlBytes || reference.size() > kMaxUrlBytes) {
    return Status::InvalidArgument("URL over 8 KiB");
  }
  UriParts r = Split(reference);
  if (r.has_scheme) {
    r.path = RemoveDotSegments(r.path);
    return Join(r);
  }
  UriParts b = Split(base);
  if (!b.has_scheme) return Status::InvalidArgument("relative URL without an absolute base");
  UriParts t;
  t.has_scheme = true;
  t.scheme = b.scheme;
  if (r.has_authority) {
    t.has_authority = true;
    t.authority = r.authority;
    t.path = RemoveDotSegments(r.path);
    t.has_query = r.has_query;
    t.query = r.query;
  } else {
    t.has_authority = b.has_authority;
    t.authority = b.authority;
    if (r.path.empty()) {
      t.path = b.path;
      t.has_query = r.has_query || b.has_query;
      t.query = r.has_query ? r.query : b.query;
    } else {
      t.path = RemoveDotSegments(r.path[0] == '/' ? std::string_view(r.path) : Merge(b, r.path));
      t.has_query = r.has_query;
      t.query = r.query;
    }
  }
  t.has_fragment = r.has_fragment;
  t.fragment = r.fragment;
  return Join(t);
}

Result<std::string> UrlCanonicalizer::Canonicalize(std::string_view url) {
  url = TrimAsciiSpace(url);
  if (url.size() > kMaxUrlBytes) return Status::InvalidArgument("URL over 8 KiB");
  UriParts u = Split(url);
  if (!u.has_scheme) return Status::InvalidArgument("not an absolute URL: " + std::string(url.substr(0, 80)));
  u.scheme = LowerAscii(u.scheme);
  if (u.scheme != "http" && u.scheme != "https") {
    return Status::InvalidArgument("not an http(s) URL: scheme " + u.scheme);
  }
  if (!u.has_authority) return Status::InvalidArgument("no host in " + std::string(url.substr(0, 80)));
  std::string authority;
  Status st = CanonicalAuthority(u.scheme, u.authority, &authority);
  if (!st.ok()) return st.WithContext(std::string(url.substr(0, 80)));
  u.authority = std::move(authority);
  u.path = RemoveDotSegments(NormalizeEscapes(u.path));
  if (u.path.empty()) u.path = "/";
  if (u.has_query) {
    u.query = StripTracking(NormalizeEscapes(u.query));
    u.has_query = !u.query.empty();
  }
  u.has_fragment = false;
  u.fragment.clear();
  return Join(u);
}

bool UrlCanonicalizer::IsTrackingParameter(std::string_view name) {
  static constexpr std::array<std::string_view, 23> kNames = {
      "fbclid", "gclid",   "dclid",       "gbraid",     "wbraid",  "msclkid",   "yclid",   "twclid",
      "ttclid", "igshid",  "li_fat_id",   "mc_cid",     "mc_eid",  "_ga",       "_gl",     "_hsenc",
      "_hsmi",  "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "vero_conv", "wickedid"};
  std::string lower = LowerAscii(name);
  if (lower.size() > 4 && lower.compare(0, 4, "utm_") == 0) return true;
  for (std::string_view n : kNames) {
    if (lower == n) return true;
  }
  return false;
}

}  // namespace storyfuse
