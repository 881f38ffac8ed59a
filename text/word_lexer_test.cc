#include "text/word_lexer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storyfuse {
namespace {

std::vector<std::string> Texts(const std::string& text) {
  std::vector<std::string> out;
  for (const LexToken& t : WordLexer::Lex(text)) out.emplace_back(t.span.In(text));
  return out;
}

TEST(WordLexerTest, SplitsWordsNumbersAndPunctuation) {
  EXPECT_EQ(Texts("The U.S. fired 1,200.5 rounds—at 9 a.m."),
            (std::vector<std::string>{"The", "U.S.", "fired", "1,200.5", "rounds", "\xE2\x80\x94", "at", "9", "a.m."}));
  EXPECT_EQ(Texts("a 50-minute talk, 30-40%"),
            (std::vector<std::string>{"a", "50", "-", "minute", "talk", ",", "30", "-", "40", "%"}));
}

TEST(WordLexerTest, SplitsPossessiveButKeepsContractions) {
  std::string text = "Kyiv\xE2\x80\x99s mayor didn't say O'Neil's name";
  EXPECT_EQ(Texts(text),
            (std::vector<std::string>{"Kyiv", "\xE2\x80\x99s", "mayor", "didn't", "say", "O'Neil", "'s", "name"}));
  std::vector<LexToken> toks = WordLexer::Lex(text);
  EXPECT_EQ(toks[1].kind, LexKind::kPossessive);
}

TEST(WordLexerTest, FlagsCaseAndSentenceStarts) {
  std::string text = "Mr. Ode met NATO. Then he left.\nNew line";
  std::vector<LexToken> toks = WordLexer::Lex(text);
  ASSERT_EQ(toks.size(), 12u);
  EXPECT_TRUE(toks[0].sentence_start);
  EXPECT_FALSE(toks[2].sentence_start);  // after "Mr."
  EXPECT_TRUE(toks[4].all_caps);
  EXPECT_TRUE(toks[6].sentence_start);  // "Then"
  EXPECT_TRUE(toks[10].line_start);
  EXPECT_TRUE(toks[10].sentence_start);
  EXPECT_FALSE(toks[7].capitalized);
}

TEST(WordLexerTest, HandlesNonAsciiLetters) {
  EXPECT_EQ(Texts("Zelens\xC3\xA9kyy \xC3\x89lise"), (std::vector<std::string>{"Zelens\xC3\xA9kyy", "\xC3\x89lise"}));
  std::vector<LexToken> toks = WordLexer::Lex("\xC3\x89lise");
  EXPECT_TRUE(toks[0].capitalized);
}

}  // namespace
}  // namespace storyfuse
