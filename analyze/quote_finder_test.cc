#include "analyze/quote_finder.h"

#include <gtest/gtest.h>

#include <string>

namespace storyfuse {
namespace {

struct FinderCase {
  std::string text;
  std::vector<std::string> pieces;  // expected piece texts, in order
};

std::vector<std::string> Texts(const std::string& text) {
  std::vector<std::string> out;
  for (const QuotePiece& p : QuoteFinder::Find(text)) out.emplace_back(p.text.In(text));
  return out;
}

TEST(QuoteFinderTest, FindsPiecesOfEveryMarkKind) {
  const FinderCase cases[] = {
      {"No quotes at all.", {}},
      {"He said \xE2\x80\x9CWe will win.\xE2\x80\x9D", {"We will win."}},
      {"\"Straight marks work,\" she said.", {"Straight marks work,"}},
      {"\xC2\xAB" "Nous gagnerons" "\xC2\xBB, dit-il.", {"Nous gagnerons"}},
      {"\xE2\x80\x9CShe said \xE2\x80\x98no\xE2\x80\x99 twice,\xE2\x80\x9D he said.", {"She said \xE2\x80\x98no\xE2\x80\x99 twice,"}},
      {"A \xE2\x80\x98single quoted phrase\xE2\x80\x99 here.", {"single quoted phrase"}},
      {"The farmers\xE2\x80\x99 market isn\xE2\x80\x99t open.", {}},
      {"\xE2\x80\x9COpen to the end\nNext line", {"Open to the end"}},
      {"\xE2\x80\x9C\xE2\x80\x9D empty", {}},
  };
  for (const FinderCase& c : cases) EXPECT_EQ(Texts(c.text), c.pieces) << c.text;
}

TEST(QuoteFinderTest, MarksParagraphContinuations) {
  std::string text =
      "\xE2\x80\x9C" "First paragraph of a long quote.\n\n\xE2\x80\x9C" "Second one ends it.\xE2\x80\x9D\n"
      "\xE2\x80\x9C" "A new quote.\xE2\x80\x9D";
  std::vector<QuotePiece> p = QuoteFinder::Find(text);
  ASSERT_EQ(p.size(), 3u);
  EXPECT_TRUE(p[0].open);
  EXPECT_FALSE(p[0].continues);
  EXPECT_TRUE(p[1].continues);
  EXPECT_FALSE(p[1].open);
  EXPECT_FALSE(p[2].continues);
  EXPECT_EQ(p[0].paragraph_index, 0u);
  EXPECT_EQ(p[1].paragraph_index, 1u);
  EXPECT_EQ(p[2].paragraph_index, 2u);
  EXPECT_EQ(p[1].outer.In(text), "\xE2\x80\x9C" "Second one ends it.\xE2\x80\x9D");
}

}  // namespace
}  // namespace storyfuse
