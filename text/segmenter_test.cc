#include "text/segmenter.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "text/word_lexer.h"

namespace storyfuse {
namespace {

std::vector<std::string> SentenceTexts(std::string_view text) {
  Segmenter seg;
  std::vector<std::string> out;
  for (Span s : seg.Sentences(text)) out.emplace_back(s.In(text));
  return out;
}

struct SentenceCase {
  const char* text;
  std::vector<std::string> sentences;
};

TEST(SegmenterTest, SentencesKnowNewsAbbreviations) {
  const SentenceCase cases[] = {
      {"The U.S. envoy arrived. Talks began.", {"The U.S. envoy arrived.", "Talks began."}},
      {"Gen. Ava Holt spoke. She left.", {"Gen. Ava Holt spoke.", "She left."}},
      {"It opened in Sept. 2024 after delays.", {"It opened in Sept. 2024 after delays."}},
      {"Route No. 5 closed. Crews came.", {"Route No. 5 closed.", "Crews came."}},
      {"Mayor Lina K. Odum said yes. Then left.", {"Mayor Lina K. Odum said yes.", "Then left."}},
      {"Headline without period\nBody starts here. Ends.", {"Headline without period", "Body starts here.", "Ends."}},
      {"  \n\n  ", {}},
      {"\xE2\x80\x9CWe will go,\xE2\x80\x9D she said. He agreed.",
       {"\xE2\x80\x9CWe will go,\xE2\x80\x9D she said.", "He agreed."}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(SentenceTexts(c.text), c.sentences) << c.text;
  }
}

// Sentence starts of the analyzers' lexer, as the texts of the sentences
// they open up to the next start.
std::vector<std::string> LexerSentences(const std::string& text) {
  std::vector<LexToken> toks = WordLexer::Lex(text);
  std::vector<std::string> out;
  size_t begin = 0;
  for (size_t i = 1; i <= toks.size(); ++i) {
    if (i == toks.size() || toks[i].sentence_start) {
      out.emplace_back(text.substr(toks[begin].span.begin, toks[i - 1].span.end - toks[begin].span.begin));
      begin = i;
    }
  }
  return out;
}

// The hard cases of news copy (invented sentences). The splitter and the
// analyzers' lexer must agree on each.
const SentenceCase kHardCases[] = {
    {"Gov. Ana Ruiz signed it. Lawmakers cheered.", {"Gov. Ana Ruiz signed it.", "Lawmakers cheered."}},
    {"Sen. Paul Okafor and Rep. Dana Vell voted no.", {"Sen. Paul Okafor and Rep. Dana Vell voted no."}},
    {"Hal J. Brenner ran the mill. It closed.", {"Hal J. Brenner ran the mill.", "It closed."}},
    {"The plant in Fresno, Calif. employs 300.", {"The plant in Fresno, Calif. employs 300."}},
    {"Aid came from the U.S. Navy on Friday.", {"Aid came from the U.S. Navy on Friday."}},
    {"The talks opened at 9 a.m. Friday in Oslo.", {"The talks opened at 9 a.m. Friday in Oslo."}},
    {"Prices rose 2.5 percent. Wages did not.", {"Prices rose 2.5 percent.", "Wages did not."}},
    {"\"We are done.\" The crowd left.", {"\"We are done.\"", "The crowd left."}},
    {"She waited... Nobody came.", {"She waited...", "Nobody came."}},
    {"Is it over? Nobody knows!", {"Is it over?", "Nobody knows!"}},
    {"He fell ill. Doctors came.", {"He fell ill.", "Doctors came."}},
    {"She said no. Then she left.", {"She said no.", "Then she left."}},
    {"Acme Corp. Chief Lin Tao quit.", {"Acme Corp. Chief Lin Tao quit."}},
    {"It opened Sept. 4 downtown.", {"It opened Sept. 4 downtown."}},
    {"A title line\nThe body begins.", {"A title line", "The body begins."}},
    {"The envoy flew home to the U.S.", {"The envoy flew home to the U.S."}},
    {"It paid the agency CMS. Both denied it.", {"It paid the agency CMS.", "Both denied it."}},
    {"Turnout hit 61.4 percent, up 0.8 points.", {"Turnout hit 61.4 percent, up 0.8 points."}},
    {"It ended at 5 p.m. (2200 GMT) Tuesday.", {"It ended at 5 p.m. (2200 GMT) Tuesday."}},
    // Not here yet: ICU breaks after a question in quotes even before a
    // lower-case word ('"Why now?" asked Mr. Vane.') where the lexer does
    // not; the two still disagree there.
    // Known limit: an abbreviation that may also end a sentence ("U.S.",
    // "Inc.") always keeps it going; telling the two apart needs the next
    // words, and both splitters agree to err this way.
    {"They met in the U.S. The talks went well.", {"They met in the U.S. The talks went well."}},
};

TEST(SegmenterTest, SplitsHardCases) {
  for (const SentenceCase& c : kHardCases) EXPECT_EQ(SentenceTexts(c.text), c.sentences) << c.text;
}

TEST(SegmenterTest, WordLexerAgreesOnHardCases) {
  for (const SentenceCase& c : kHardCases) EXPECT_EQ(LexerSentences(c.text), c.sentences) << c.text;
}

TEST(SegmenterTest, TokensAreWordAndNumberSpans) {
  Segmenter seg;
  std::string text = "Drones: 728, up 5% in caf\xC3\xA9s!";
  std::vector<std::string> words;
  std::vector<TokenKind> kinds;
  for (const Token& t : seg.Tokens(text)) {
    words.emplace_back(t.span.In(text));
    kinds.push_back(t.kind);
  }
  EXPECT_EQ(words, (std::vector<std::string>{"Drones", "728", "up", "5", "in", "caf\xC3\xA9s"}));
  EXPECT_EQ(kinds[1], TokenKind::kNumber);
  EXPECT_EQ(kinds[0], TokenKind::kWord);
}

TEST(SegmenterTest, PunctuationTokensOnRequest) {
  Segmenter seg;
  std::string text = "Yes, no.";
  auto tokens = seg.Tokens(text, /*with_punct=*/true);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[1].kind, TokenKind::kPunct);
  EXPECT_EQ(tokens[1].span.In(text), ",");
}

// Reading by chunks (ASCII ones without ICU) must never change a token: each
// text is compared, in both modes, with ICU reading it whole.
class ChunkedTokensTest : public ::testing::Test {
 protected:
  void ExpectSameTokens(std::string_view text) {
    for (bool punct : {false, true}) {
      std::vector<Token> got = cached_.Tokens(text, punct), want = whole_.Tokens(text, punct);
      ASSERT_EQ(got.size(), want.size()) << "punct " << punct << ": " << text;
      for (size_t i = 0; i < got.size(); ++i) {
        ASSERT_EQ(got[i].span.begin, want[i].span.begin) << i << ": " << text;
        ASSERT_EQ(got[i].span.end, want[i].span.end) << i << ": " << text;
        ASSERT_EQ(got[i].kind, want[i].kind) << i << ": " << text;
      }
    }
  }
  Segmenter cached_;
  Segmenter whole_{SegmenterOptions{.chunked = false}};
};

TEST_F(ChunkedTokensTest, TrickyChunksTokenizeAsIcuReadsThemInContext) {
  const char* texts[] = {
      "The U.S. envoy's e-mail: a@b.example, 3.5% of 1,000 G7 3rd-quarter don't 'tis",
      "\xE2\x80\x9CQuote,\xE2\x80\x9D she said \xE2\x80\x94 na\xC3\xAFve caf\xC3\xA9",
      "e\xCC\x81 and \xCC\x81"
      "abc after a space",  // combining mark opening a chunk
      "x \xE2\x80\x8D\xF0\x9F\x91\xA9 zwj \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9",
      "\xE0\xB8\xAA\xE0\xB8\xA7\xE0\xB8\xB1\xE0\xB8\xAA\xE0\xB8\x94\xE0\xB8\xB5 Thai, "
      "\xE4\xB8\xAD\xE6\x96\x87\xE5\x88\x86\xE8\xAF\x8D CJK",
      "tabs\tand\r\nCRLF\vvertical\fform feed   spaces",
      "https://www.example.org/a/very/long/path/that/is/longer/than/the/cache/limit?q=1&x=2 end",
      "\xC2\xA0non\xC2\xA0"
      "breaking\xC2\xA0spaces and 12:30 p.m. on 2025-07-10",
      "",
      " ",
      "a",
      "...",
      "\xFF\xFE invalid bytes \xC3",
  };
  for (const char* t : texts) ExpectSameTokens(t);
}

TEST_F(ChunkedTokensTest, RandomSoupOfPiecesTokenizesAsIcu) {
  const char* pieces[] = {"a",
                          "Z",
                          "7",
                          ".",
                          ",",
                          "'",
                          ":",
                          "@",
                          "_",
                          "-",
                          "/",
                          " ",
                          "\n",
                          "\t",
                          "\xE2\x80\x99",
                          "\xCC\x81",
                          "\xC3\xA9",
                          "\xE2\x80\x8D",
                          "\xC2\xA0",
                          "%",
                          "\x1c",
                          "\x01",
                          "\x7f",
                          "\"",
                          "$",
                          "#",
                          ";",
                          ".",
                          "1",
                          "b",
                          "\xF0\x9F\x91\xA9"};
  std::mt19937 rng(29);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    for (int k = rng() % 40; k > 0; --k) text += pieces[rng() % std::size(pieces)];
    ExpectSameTokens(text);
  }
}

TEST_F(ChunkedTokensTest, EveryAsciiPairAndEveryShortRunOfClassesTokenizesAsIcu) {
  // Every pair of ASCII characters, then every run of up to 4 characters
  // drawn from one member of each character class the ASCII rules know.
  for (int a = 1; a < 128; ++a) {
    for (int b = 1; b < 128; ++b) ExpectSameTokens(std::string{static_cast<char>(a), static_cast<char>(b)});
  }
  const std::string classes = "aZ@7_.',;:-\x1c";
  std::vector<std::string> runs = {""};
  for (int len = 1; len <= 4; ++len) {
    std::vector<std::string> longer;
    for (const std::string& r : runs) {
      for (char c : classes) longer.push_back(r + c);
    }
    for (const std::string& r : longer) ExpectSameTokens(r);
    runs = std::move(longer);
  }
}

TEST_F(ChunkedTokensTest, SharedNewsTextTokenizesAsIcu) {
  namespace fs = std::filesystem;
  fs::path root = fs::path(STORYFUSE_SHARED_DIR);
  if (!fs::is_directory(root / "seeds")) GTEST_SKIP() << "no shared data at " << root;
  size_t files = 0;
  for (const char* dir : {"seeds", "data/quotes/polnear/dev/text", "data/summarization/duc2004-dev"}) {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(root / dir, ec); it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      if (!it->is_regular_file() || files >= 400) continue;
      std::ifstream in(it->path(), std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      ExpectSameTokens(text.str());
      ++files;
    }
  }
  EXPECT_GT(files, 100u);
}

}  // namespace
}  // namespace storyfuse
