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
      {"\xC2\xAB"
       "Nous gagnerons"
       "\xC2\xBB, dit-il.",
       {"Nous gagnerons"}},
      {"\xE2\x80\x9CShe said \xE2\x80\x98no\xE2\x80\x99 twice,\xE2\x80\x9D he said.",
       {"She said \xE2\x80\x98no\xE2\x80\x99 twice,"}},
      {"A \xE2\x80\x98single quoted phrase\xE2\x80\x99 here.", {"single quoted phrase"}},
      {"The farmers\xE2\x80\x99 market isn\xE2\x80\x99t open.", {}},
      {"\xE2\x80\x9COpen to the end\nNext line", {"Open to the end"}},
      {"\xE2\x80\x9C\xE2\x80\x9D empty", {}},
  };
  for (const FinderCase& c : cases) EXPECT_EQ(Texts(c.text), c.pieces) << c.text;
}

// TeX-style newswire marks (DUC, TDT, ECB+, LDC) and straight single marks,
// which share their character with the apostrophe.
TEST(QuoteFinderTest, ReadsTexAndStraightSingleMarks) {
  const FinderCase cases[] = {
      {"``We will reopen the pier,'' Mayor Ada Quill said.", {"We will reopen the pier,"}},
      {"`` We thank the crew for their work ,'' the harbor office said .", {"We thank the crew for their work ,"}},
      {"The `` Harbor Lights'' star was not seen.", {"Harbor Lights"}},
      {"``It's the town's best week,'' said Ned Wale.", {"It's the town's best week,"}},
      {"``We won.'' ``We will win again.''", {"We won.", "We will win again."}},
      {"`A fine catch,' the skipper said.", {"A fine catch,"}},
      {"She said 'we will stay' and left.", {"we will stay"}},
      {"'We are not done,' Omar Reyes said.", {"We are not done,"}},
      {"'I can't say,' he said.", {"I can't say,"}},
      {"The voters' choice was clear: 'a new start' for the port.", {"a new start"}},
      {"Don't stop; it's the mayor's call.", {}},
      {"Music of the '90s and rock 'n' roll filled the hall.", {}},
      {"They sang 'til dawn and 'tis said they will again.", {}},
      {"Class of '08 and the boys' team.", {}},
      {"Reid 's rep and the band 's singer spoke .", {}},
      {"\"He said 'no' twice,\" she said.", {"He said 'no' twice,"}},
      {"''He said, 'Not now.' Then he left,'' she recalled.", {"He said, 'Not now.' Then he left,"}},
      {"The pier,'' he said, ''will open.''", {"will open."}},
  };
  for (const FinderCase& c : cases) EXPECT_EQ(Texts(c.text), c.pieces) << c.text;
}

// A quote over several paragraphs opens each one and closes only the last,
// whatever its marks.
TEST(QuoteFinderTest, QuotesRunOverParagraphsWithEveryMark) {
  const FinderCase cases[] = {
      {"``First we fix the roads.\n\n``Then we build the school.''",
       {"First we fix the roads.", "Then we build the school."}},
      {"\xE2\x80\x98"
       "First we fix the roads.\n\xE2\x80\x98"
       "Then the school.\xE2\x80\x99",
       {"First we fix the roads.", "Then the school."}},
      {"'First we fix the roads.\n'Then the school.'", {"First we fix the roads.", "Then the school."}},
  };
  for (const FinderCase& c : cases) {
    EXPECT_EQ(Texts(c.text), c.pieces) << c.text;
    std::vector<QuotePiece> p = QuoteFinder::Find(c.text);
    ASSERT_EQ(p.size(), 2u) << c.text;
    EXPECT_TRUE(p[0].open) << c.text;
    EXPECT_TRUE(p[1].continues) << c.text;
    EXPECT_FALSE(p[1].open) << c.text;
  }
}

TEST(QuoteFinderTest, MarksParagraphContinuations) {
  std::string text =
      "\xE2\x80\x9C"
      "First paragraph of a long quote.\n\n\xE2\x80\x9C"
      "Second one ends it.\xE2\x80\x9D\n"
      "\xE2\x80\x9C"
      "A new quote.\xE2\x80\x9D";
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
  EXPECT_EQ(p[1].outer.In(text),
            "\xE2\x80\x9C"
            "Second one ends it.\xE2\x80\x9D");
}

}  // namespace
}  // namespace storyfuse
