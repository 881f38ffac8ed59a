#include "text/abbreviations.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/segmenter.h"
#include "text/word_lexer.h"

namespace storyfuse {
namespace {

TEST(AbbreviationsTest, MatchesAsWrittenOrInCapitals) {
  struct Case {
    const char* word;
    bool abbreviation;
  };
  const Case cases[] = {
      {"Gov.", true},  {"Gov", true},   {"GOV.", true},   {"gov.", false},  {"Calif.", true},
      {"ill.", false}, {"Ill.", true},  {"ore", false},   {"no.", false},   {"No.", true},
      {"a.m.", true},  {"A.M.", true},  {"p.m", true},    {"vs.", true},    {"U.S.", true},
      {"u.s.", false},  {"Sens.", true}, {"Messrs.", true}, {"Govt.", false}, {"", false},
  };
  for (const Case& c : cases) EXPECT_EQ(IsAbbreviation(c.word), c.abbreviation) << c.word;
}

TEST(AbbreviationsTest, InitialIsOneCapital) {
  EXPECT_TRUE(IsInitial("A."));
  EXPECT_TRUE(IsInitial("K"));
  EXPECT_FALSE(IsInitial("a."));
  EXPECT_FALSE(IsInitial("AB."));
  EXPECT_FALSE(IsInitial("5."));
}

TEST(AbbreviationsTest, EveryEntryEndsWithPeriodAndMatchesItself) {
  for (std::string_view a : Abbreviations()) {
    ASSERT_FALSE(a.empty());
    EXPECT_EQ(a.back(), '.') << a;
    EXPECT_TRUE(IsAbbreviation(a)) << a;
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

std::vector<std::string> SegmenterSentences(const std::string& text) {
  Segmenter seg;
  std::vector<std::string> out;
  for (Span s : seg.Sentences(text)) out.emplace_back(s.In(text));
  return out;
}

struct SplitCase {
  const char* text;
  std::vector<std::string> sentences;
};

// The hard cases of news copy (invented sentences). The splitter and the
// analyzers' lexer must agree on each.
const SplitCase kHardCases[] = {
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
};

TEST(SentenceSplitTest, SegmenterSplitsHardCases) {
  for (const SplitCase& c : kHardCases) EXPECT_EQ(SegmenterSentences(c.text), c.sentences) << c.text;
}

TEST(SentenceSplitTest, LexerAgreesWithSegmenterOnHardCases) {
  for (const SplitCase& c : kHardCases) EXPECT_EQ(LexerSentences(c.text), c.sentences) << c.text;
}

}  // namespace
}  // namespace storyfuse
