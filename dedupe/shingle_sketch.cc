#include "dedupe/shingle_sketch.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <string>

#include "base/hasher.h"
#include "dedupe/token_marks.h"

namespace storyfuse {
namespace {

// ASCII lower case; U+2018/U+2019 become "'", so the same text typed with
// different apostrophes by two sites still matches.
std::string Normalize(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (size_t i = 0; i < token.size(); ++i) {
    unsigned char c = token[i];
    if (c == 0xE2 && i + 2 < token.size() && static_cast<unsigned char>(token[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(token[i + 2]) == 0x98 || static_cast<unsigned char>(token[i + 2]) == 0x99)) {
      out.push_back('\'');
      i += 2;
    } else {
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : static_cast<char>(c));
    }
  }
  return out;
}

// Shingle hash of kShingleWords token hashes, as their little-endian bytes.
uint64_t ShingleHash(const uint64_t* hashes) {
  unsigned char bytes[8 * kShingleWords];
  if constexpr (std::endian::native == std::endian::little) {
    // The same bytes in one copy: writing them one by one was most of the
    // sketch's cost.
    std::memcpy(bytes, hashes, sizeof bytes);
  } else {
    for (int w = 0; w < kShingleWords; ++w) {
      for (int b = 0; b < 8; ++b) bytes[8 * w + b] = static_cast<unsigned char>(hashes[w] >> (8 * b));
    }
  }
  return Hasher::Hash64(std::string_view(reinterpret_cast<const char*>(bytes), sizeof bytes));
}

}  // namespace

uint64_t ShingleSketcher::TokenHash(std::string_view token) { return Hasher::Hash64(Normalize(token)); }

ShingleSketch ShingleSketcher::Sketch(std::string_view text, const std::vector<Token>& tokens,
                                      const std::vector<uint8_t>& marks) {
  std::vector<uint64_t> hashes;
  hashes.reserve(tokens.size());
  for (const Token& t : tokens) hashes.push_back(TokenHash(t.span.In(text)));
  return FromTokenHashes(hashes, marks);
}

ShingleSketch ShingleSketcher::FromTokenHashes(const std::vector<uint64_t>& token_hashes,
                                               const std::vector<uint8_t>& marks) {
  ShingleSketch sketch;
  std::vector<uint64_t> run;  // token hashes of the current unquoted run
  for (size_t i = 0; i <= token_hashes.size(); ++i) {
    bool quoted = i < token_hashes.size() && (marks[i] & kInQuote);
    if (i < token_hashes.size() && !quoted) {
      run.push_back(token_hashes[i]);
      if (run.size() < kShingleWords) continue;
      uint64_t h = ShingleHash(run.data() + run.size() - kShingleWords);
      if (h % kSampleModulus == 0) sketch.keys.push_back(static_cast<uint32_t>(h >> 32));
    } else {
      run.clear();  // shingles never span a quotation
    }
  }
  std::sort(sketch.keys.begin(), sketch.keys.end());
  sketch.keys.erase(std::unique(sketch.keys.begin(), sketch.keys.end()), sketch.keys.end());
  return sketch;
}

ShingleSketch ShingleSketcher::Sketch(std::string_view text, Segmenter* segmenter) {
  std::vector<Token> tokens = segmenter->Tokens(text);
  return Sketch(text, tokens, TokenMarks::Mark(text, tokens));
}

}  // namespace storyfuse
