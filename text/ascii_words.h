// AsciiWords: word, number and punctuation tokens of an ASCII chunk (no
// white space), exactly as ICU's word break iterator (UAX #29 with ICU's
// English rules, ICU 72) splits and tags them, without ICU.
//
// Why: ICU's rule machine costs about 50 instructions a byte and was a
// quarter of clustering's time; news text is mostly ASCII, and on ASCII the
// rules reduce to a few character classes:
//   - letters (A-Z, a-z, and '@', which ICU 72 counts as a letter), digits
//     and '_' join each other;
//   - '.' and '\'' join two letters or two digits; ',' and ';' join two
//     digits ("U.S", "don't", "3.5", "1,000");
//   - every other character is a one-character punctuation token.
// A token is a number when it ends in a digit, or in '_' after a digit;
// a word otherwise; a lone '_' is punctuation. text/segmenter_test.cc
// checks every case against ICU, on random text and on news.
//
// Thread-safe (no state).
#ifndef STORYFUSE_TEXT_ASCII_WORDS_H_
#define STORYFUSE_TEXT_ASCII_WORDS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "text/segmenter.h"

namespace storyfuse {

// True when every byte of `chunk` is below 0x80.
bool IsAscii(std::string_view chunk);

// Appends the tokens of `chunk` (ASCII, no white space) to `out`, shifted
// by `base`; punctuation only when `with_punct`.
void AppendAsciiTokens(std::string_view chunk, uint32_t base, bool with_punct, std::vector<Token>* out);

}  // namespace storyfuse

#endif  // STORYFUSE_TEXT_ASCII_WORDS_H_
