// libFuzzer target: arbitrary bytes as "base\nreference" through
// UrlCanonicalizer::Resolve and Canonicalize. No crash or sanitizer
// report; a canonical URL is printable ASCII without a fragment, and
// canonicalizing it again changes nothing.
//
//   build-fuzz/fuzz/fuzz_url -max_len=1024 corpus/
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "feed/url_canonicalizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using storyfuse::UrlCanonicalizer;
  std::string_view in(reinterpret_cast<const char*>(data), size);
  size_t nl = in.find('\n');
  std::string_view base = in.substr(0, nl);
  std::string_view ref = nl == std::string_view::npos ? std::string_view() : in.substr(nl + 1);
  for (std::string_view url : {base, ref}) {
    auto canonical = UrlCanonicalizer::Canonicalize(url);
    if (!canonical.ok()) continue;
    for (char c : *canonical) {
      if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7F || c == '#') __builtin_trap();
    }
    auto again = UrlCanonicalizer::Canonicalize(*canonical);
    if (!again.ok() || *again != *canonical) __builtin_trap();
  }
  auto resolved = UrlCanonicalizer::Resolve(base, ref);
  if (resolved.ok() && resolved->size() > 3 * UrlCanonicalizer::kMaxUrlBytes) __builtin_trap();
  return 0;
}
