#include "server/search_text.h"

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

}  // namespace
}  // namespace storyfuse
