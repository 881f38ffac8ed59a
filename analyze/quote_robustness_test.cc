// Pseudo-random soup of the tokens quote attribution reacts to (marks,
// cue verbs, titles, pronouns, appositive commas, dashes, colons) and raw
// bytes through QuoteExtractor: nothing crashes, every span stays inside
// its text and quotes come out in text order.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "analyze/quote_extractor.h"

namespace storyfuse {
namespace {

const char* const kPieces[] = {"\xE2\x80\x9C",
                               "\xE2\x80\x9D",
                               "\"",
                               "\xE2\x80\x98",
                               "\xE2\x80\x99",
                               "\xC2\xAB",
                               "\xC2\xBB",
                               ",",
                               ".",
                               ":",
                               "\n",
                               "\n\n",
                               "\xE2\x80\x95",
                               "-",
                               "(",
                               ")",
                               "/",
                               "said",
                               "told",
                               "according",
                               "to",
                               "who",
                               "and",
                               "he",
                               "she",
                               "I",
                               "the",
                               "U.S.",
                               "secretary",
                               "of",
                               "state",
                               "President",
                               "Del.",
                               "Ana",
                               "Ruiz",
                               "Lee's",
                               "Cia",
                               "beamed",
                               "put",
                               "it",
                               "as",
                               "that",
                               "by",
                               "on",
                               "Fox",
                               "reports",
                               "a",
                               "spokesman",
                               "for",
                               "9/11",
                               "in"};

void Check(const std::string& text) {
  QuoteExtractor::Options options;
  options.min_words = 1;
  QuoteExtractor extractor(options);
  std::vector<Quote> quotes = extractor.Extract(text);
  auto inside = [&](Span s) { return s.begin <= s.end && s.end <= text.size(); };
  for (size_t i = 0; i < quotes.size(); ++i) {
    ASSERT_TRUE(inside(quotes[i].text) && inside(quotes[i].speaker_mention) && inside(quotes[i].cue)) << text;
    if (i > 0) ASSERT_LE(quotes[i - 1].text.begin, quotes[i].text.begin) << text;
  }
}

TEST(QuoteRobustnessTest, TokenSoup) {
  std::mt19937 rng(5);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    int n = rng() % 50;
    for (int k = 0; k < n; ++k) {
      text += kPieces[rng() % std::size(kPieces)];
      if (rng() % 3 != 0) text += ' ';
    }
    Check(text);
  }
}

TEST(QuoteRobustnessTest, RawBytes) {
  std::mt19937 rng(13);
  for (int round = 0; round < 500; ++round) {
    std::string text(rng() % 300, '\0');
    for (char& c : text) c = static_cast<char>(rng() % 256);
    Check(text);
  }
}

}  // namespace
}  // namespace storyfuse
