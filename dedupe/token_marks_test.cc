#include "dedupe/token_marks.h"

#include <gtest/gtest.h>

#include <string>

namespace storyfuse {
namespace {

struct MarksCase {
  const char* text;
  const char* want;  // per token: q = quoted, s = sentence start, p = paragraph start, . = none
};

std::string Render(const std::vector<uint8_t>& marks) {
  std::string out;
  for (uint8_t m : marks) {
    if (m & kParagraphStart) {
      out += 'p';
    } else if (m & kInQuote) {
      out += (m & kSentenceStart) ? 'Q' : 'q';
    } else {
      out += (m & kSentenceStart) ? 's' : '.';
    }
  }
  return out;
}

TEST(TokenMarksTest, Table) {
  const MarksCase cases[] = {
      {"He said \u201Cwe go now\u201D and left.", "p.Qqq.."},
      {"He said \"we go\" and left.", "p.Qq.."},
      {"He said `` we go '' and left .", "p.Qq.."},
      {"One two. Three four.", "p.s."},
      {"One \u201Ctwo\nthree four", "pQp."},
      {"Reid's rep said.", "p.."},
  };
  Segmenter seg;
  for (const MarksCase& c : cases) {
    std::vector<Token> tokens = seg.Tokens(c.text);
    EXPECT_EQ(Render(TokenMarks::Mark(c.text, tokens)), c.want) << c.text;
  }
}

}  // namespace
}  // namespace storyfuse
