#include "pipeline/story_briefs.h"

#include <gtest/gtest.h>

#include <string>

namespace storyfuse {
namespace {

Article Make(const std::string& id, const std::string& outlet, const std::string& title, const std::string& text) {
  Article a;
  a.id = id;
  a.outlet = outlet;
  a.title = title;
  a.text = text;
  return a;
}

// Two outlets on one invented event and one on another: two stories, the
// bigger first, each brief listing exactly its articles; the stream
// grouping agrees on so clear a case.
TEST(StoryBriefsTest, OneBriefPerStoryBiggestFirst) {
  std::vector<Article> articles = {
      Make("f-1", "Fjord Post", "Tallvik ferry strike ends",
           "A ferry strike ended in Tallvik on Monday after nine days.\n\nCrews voted to accept a new contract "
           "with a 6 percent raise."),
      Make("hd-1", "Harbour Daily", "Velmora bridge reopens after repairs",
           "The Velmora harbour bridge reopened on Friday after eight months of repairs.\n\nMayor Ilse Brandvik "
           "said the town was proud of every worker.\n\nThe repairs cost 4.2 million crowns, the council said."),
      Make("cc-1", "Coast Courier", "Harbour bridge open again in Velmora",
           "The Velmora harbour bridge reopened on Friday after eight months of repairs.\n\nThe council put the "
           "cost of the repairs at 4.5 million crowns.\n\nLocal shops reported their busiest morning."),
  };
  for (bool stream : {false, true}) {
    std::vector<StoryBrief> briefs = BriefStories(articles, 60, stream);
    ASSERT_EQ(briefs.size(), 2u) << "stream " << stream;
    ASSERT_EQ(briefs[0].articles.size(), 2u);
    EXPECT_EQ(briefs[1].articles.size(), 1u);
    EXPECT_EQ(briefs[1].articles[0].id, "f-1");
    EXPECT_NE(briefs[0].id, briefs[1].id);
  }
}

TEST(StoryBriefsTest, NoArticlesNoBriefs) { EXPECT_TRUE(BriefStories({}, 150).empty()); }

}  // namespace
}  // namespace storyfuse
