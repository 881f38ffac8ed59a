#include "text/segmenter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

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
      {"Headline without period\nBody starts here. Ends.",
       {"Headline without period", "Body starts here.", "Ends."}},
      {"  \n\n  ", {}},
      {"\xE2\x80\x9CWe will go,\xE2\x80\x9D she said. He agreed.",
       {"\xE2\x80\x9CWe will go,\xE2\x80\x9D she said.", "He agreed."}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(SentenceTexts(c.text), c.sentences) << c.text;
  }
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

}  // namespace
}  // namespace storyfuse
