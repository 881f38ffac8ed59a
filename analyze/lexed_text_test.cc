#include "analyze/lexed_text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/word_lexer.h"

namespace storyfuse {
namespace {

TEST(LexedTextTest, LowerCaseWordsAndRawTokens) {
  std::string text = "The Ferry SAILED at 9.";
  std::vector<LexToken> toks = WordLexer::Lex(text);
  LexedText t(text, toks);
  ASSERT_GE(t.size(), 5u);
  EXPECT_EQ(t.Low(0), "the");
  EXPECT_EQ(t.Raw(1), "Ferry");
  EXPECT_EQ(t.Low(2), "sailed");
  EXPECT_TRUE(t.WordIs(1, "ferry"));
  EXPECT_TRUE(t.IsNum(4));
  EXPECT_EQ(t.Low(4), "");  // not a word
  EXPECT_EQ(t.Low(99), "");
  EXPECT_EQ(t.Raw(99), "");
  EXPECT_EQ(t.lowered().size(), text.size());  // same offsets as the text
  EXPECT_EQ(&t.tokens(), &toks);
}

TEST(LexedTextTest, SentenceAndLineBounds) {
  std::string text = "Rain fell. The pier closed.\nCrews waited.";
  std::vector<LexToken> toks = WordLexer::Lex(text);
  LexedText t(text, toks);
  // Tokens: Rain fell . The pier closed . Crews waited .
  ASSERT_EQ(t.size(), 10u);
  EXPECT_EQ(t.SentenceBegin(1), 0u);
  EXPECT_EQ(t.SentenceEnd(0), 2u);
  EXPECT_EQ(t.SentenceBegin(5), 3u);
  EXPECT_EQ(t.SentenceEnd(3), 6u);
  EXPECT_TRUE(t.SameSentence(3, 6));
  EXPECT_FALSE(t.SameSentence(2, 3));
  EXPECT_FALSE(t.SameSentence(0, 99));
  EXPECT_EQ(t.LineBegin(5), 0u);
  EXPECT_EQ(t.LineEnd(0), 6u);
  EXPECT_EQ(t.LineBegin(8), 7u);
  EXPECT_EQ(t.Prev(4), "the");
  EXPECT_EQ(t.Prev(3), "");  // the word before is another sentence's
  EXPECT_EQ(std::string(t.SpanOf(3, 5).In(text)), "The pier closed");
}

TEST(LexedTextTest, EmptyText) {
  std::vector<LexToken> toks;
  LexedText t("", toks);
  EXPECT_EQ(t.size(), 0u);
  EXPECT_FALSE(t.IsWord(0));
}

}  // namespace
}  // namespace storyfuse
