#include "pipeline/search_text.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

TEST(SearchTextTest, TermsAreLowerCaseWords) {
  EXPECT_EQ(SearchTerms("Ferry, STRIKE!  2031"), (std::vector<std::string>{"ferry", "strike", "2031"}));
  EXPECT_TRUE(SearchTerms(" ,; ").empty());
}

TEST(SearchTextTest, CountsWordPrefixMatches) {
  std::vector<std::string> terms = SearchTerms("ferr strike");
  EXPECT_EQ(CountMatches("The Ferry strike ended; ferries sail.", terms), 3);
  EXPECT_EQ(CountMatches("offerred nothing", terms), 0);
  EXPECT_EQ(CountMatches("anything", {}), 0);
}

TEST(SearchTextTest, SnippetMarksTermsAndCuts) {
  std::string text = std::string(300, 'x') + " the ferry strike ended " + std::string(300, 'y');
  std::string s = Snippet(text, SearchTerms("ferry"), 60);
  EXPECT_NE(s.find("[ferry]"), std::string::npos) << s;
  EXPECT_EQ(s.rfind("…", 0), 0u);
  EXPECT_LT(s.size(), 80u);
}

// Issue #22: 200 copies of one word cost 200 prefix scans (16 s); a word
// counts once, and only the first kMaxSearchTerms words are searched.
TEST(SearchTextTest, TermsAreDistinctAndCapped) {
  std::string repeated;
  for (int i = 0; i < 400; ++i) repeated += "a A+";
  EXPECT_EQ(SearchTerms(repeated), std::vector<std::string>{"a"});
  std::string many;
  for (int i = 0; i < 50; ++i) many += "w" + std::to_string(i) + " ";
  std::vector<std::string> terms = SearchTerms(many);
  ASSERT_EQ(terms.size(), kMaxSearchTerms);
  EXPECT_EQ(terms.front(), "w0");
  std::string long_word(500, 'z');
  EXPECT_EQ(SearchTerms(long_word).front().size(), kMaxSearchTermBytes);
  std::string accents;
  for (int i = 0; i < 100; ++i) accents += "\xC3\xA9";  // é: 2 bytes each
  EXPECT_EQ(SearchTerms(accents).front().size(), kMaxSearchTermBytes);
  EXPECT_EQ(SearchTerms("x" + accents).front().size(), kMaxSearchTermBytes - 1);  // not mid-character
  // fuzz_search: a quote and 71 continuation bytes gave an empty term.
  EXPECT_TRUE(SearchTerms("\"" + std::string(71, '\x97')).empty());
  EXPECT_EQ(SearchTerms(std::string(71, '\x97') + " ferry"), std::vector<std::string>{"ferry"});
}

}  // namespace
}  // namespace storyfuse
