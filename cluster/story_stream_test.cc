#include "cluster/story_stream.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "cluster/test_stories.h"

namespace storyfuse {
namespace {

using namespace test_stories;

StoryStreamOptions ReviseOnlyWhenAsked() {
  StoryStreamOptions o;
  o.revise_every = 0;
  return o;
}

TEST(StoryStreamTest, AfterARevisionTwoEventsOfAKindAreTwoStoriesOfTwo) {
  StoryStream stream(ReviseOnlyWhenAsked());
  for (const Article& a :
       {Make("a1", kQuakeA1), Make("b1", kQuakeB1), Make("br", kBridge), Make("a2", kQuakeA2), Make("b2", kQuakeB2)}) {
    stream.Add(a);
  }
  stream.Revise();
  EXPECT_EQ(stream.StoryOf("a1"), stream.StoryOf("a2"));
  EXPECT_EQ(stream.StoryOf("b1"), stream.StoryOf("b2"));
  EXPECT_NE(stream.StoryOf("a1"), stream.StoryOf("b1"));
  EXPECT_NE(stream.StoryOf("br"), stream.StoryOf("a1"));
  EXPECT_NE(stream.StoryOf("br"), stream.StoryOf("b1"));
  EXPECT_EQ(stream.StoryOf("unknown"), "");
}

TEST(StoryStreamTest, StoryIdsSurviveARevisionThatKeepsTheirArticles) {
  StoryStream stream(ReviseOnlyWhenAsked());
  stream.Add(Make("a1", kQuakeA1));
  stream.Add(Make("br", kBridge));
  std::string quake = stream.StoryOf("a1"), bridge = stream.StoryOf("br");
  stream.Add(Make("a2", kQuakeA2));
  stream.Revise();
  EXPECT_EQ(stream.StoryOf("a1"), quake);
  EXPECT_EQ(stream.StoryOf("a2"), quake);
  EXPECT_EQ(stream.StoryOf("br"), bridge);
}

TEST(StoryStreamTest, EveryMoveIsReportedOnceAndStoriesListEachArticleOnce) {
  StoryStream stream(ReviseOnlyWhenAsked());
  std::vector<Article> in = {Make("a1", kQuakeA1), Make("b1", kQuakeB1), Make("a2", kQuakeA2), Make("b2", kQuakeB2),
                             Make("later", kQuakeFollowUp)};
  std::vector<std::string> before;
  for (const Article& a : in) before.push_back(stream.Add(a).story_id);
  std::vector<StoryMove> moves = stream.Revise();
  std::vector<StoryMove> taken = stream.TakeMoves();
  ASSERT_EQ(moves.size(), taken.size());
  EXPECT_TRUE(stream.TakeMoves().empty());
  for (size_t i = 0; i < in.size(); ++i) {
    bool moved = false;
    for (const StoryMove& m : moves) {
      if (m.article != in[i].id) continue;
      EXPECT_FALSE(moved) << in[i].id << " moved twice in one revision";
      moved = true;
      EXPECT_EQ(m.to, stream.StoryOf(in[i].id));
      EXPECT_NE(m.from, m.to);
    }
    if (!moved) EXPECT_EQ(before[i], stream.StoryOf(in[i].id)) << in[i].id;
  }
  std::set<std::string> listed;
  for (const StoryView& s : stream.Stories()) {
    for (const std::string& id : s.articles) {
      EXPECT_TRUE(listed.insert(id).second) << id;
      EXPECT_EQ(stream.StoryOf(id), s.id);
    }
  }
  EXPECT_EQ(listed.size(), in.size());
  EXPECT_EQ(stream.article_count(), in.size());
}

TEST(StoryStreamTest, ArticlesLeaveTheWindowAndStayPut) {
  StoryStreamOptions o;
  o.window = 2;
  o.revise_every = 1;
  StoryStream stream(o);
  stream.Add(Make("a1", kQuakeA1));
  stream.Add(Make("br", kBridge));
  stream.Add(Make("b1", kQuakeB1));
  stream.Add(Make("a2", kQuakeA2));
  EXPECT_LE(stream.open_count(), 3u);
  // a1 is final by now; its event's later report still finds its story.
  EXPECT_EQ(stream.StoryOf("a2"), stream.StoryOf("a1"));
  EXPECT_NE(stream.StoryOf("br"), stream.StoryOf("a1"));
}

TEST(StoryStreamTest, AnEditorsMergeHoldsThroughLaterRevisions) {
  StoryStream stream(ReviseOnlyWhenAsked());
  stream.Add(Make("a1", kQuakeA1));
  stream.Add(Make("br", kBridge));
  stream.Revise();
  std::string quake = stream.StoryOf("a1"), bridge = stream.StoryOf("br");
  ASSERT_NE(quake, bridge);
  Result<std::vector<StoryMove>> moves = stream.MergeStories(bridge, quake);
  ASSERT_TRUE(moves.ok()) << moves.status().ToString();
  ASSERT_EQ(moves->size(), 1u);
  EXPECT_EQ((*moves)[0].article, "br");
  EXPECT_EQ((*moves)[0].from, bridge);
  EXPECT_EQ((*moves)[0].to, quake);
  // Evidence that would pull them apart: more of each event.
  stream.Add(Make("a2", kQuakeA2));
  stream.Add(Make("b1", kQuakeB1));
  stream.Revise();
  EXPECT_EQ(stream.StoryOf("br"), quake);
  EXPECT_EQ(stream.StoryOf("a1"), quake);
  EXPECT_TRUE(stream.TakeMoves().size() < 3);  // the merge itself is not among them
  EXPECT_EQ(stream.MergeStories(bridge, quake).status().code(), Status::Code::kNotFound);
  EXPECT_EQ(stream.MergeStories(quake, quake).status().code(), Status::Code::kInvalidArgument);
}

TEST(StoryStreamTest, AnArticleAnEditorTookOutStaysOutAndTheRestStayTogether) {
  StoryStream stream(ReviseOnlyWhenAsked());
  stream.Add(Make("a1", kQuakeA1));
  stream.Add(Make("a2", kQuakeA2));
  stream.Revise();
  std::string quake = stream.StoryOf("a1");
  ASSERT_EQ(stream.StoryOf("a2"), quake);
  Result<std::vector<StoryMove>> moves = stream.MoveArticle("a2", "");
  ASSERT_TRUE(moves.ok()) << moves.status().ToString();
  std::string alone = stream.StoryOf("a2");
  EXPECT_NE(alone, quake);
  EXPECT_EQ((*moves)[0].to, alone);
  // A follow-up close to both would join them again in a revision.
  stream.Add(Make("later", kQuakeFollowUp));
  stream.Revise();
  EXPECT_EQ(stream.StoryOf("a1"), quake);
  EXPECT_EQ(stream.StoryOf("a2"), alone);
  // Moved into another story, it stays there too.
  stream.Add(Make("br", kBridge));
  stream.Revise();
  ASSERT_TRUE(stream.MoveArticle("a2", stream.StoryOf("br")).ok());
  stream.Add(Make("a3", kQuakeFollowUp, "", "Other Outlet"));
  stream.Revise();
  EXPECT_EQ(stream.StoryOf("a2"), stream.StoryOf("br"));
  EXPECT_NE(stream.StoryOf("a2"), stream.StoryOf("a1"));
  EXPECT_EQ(stream.MoveArticle("nobody", "").status().code(), Status::Code::kNotFound);
  EXPECT_EQ(stream.MoveArticle("a1", stream.StoryOf("a1")).status().code(), Status::Code::kInvalidArgument);
}

TEST(StoryStreamTest, CorrectionsReachFinalArticles) {
  StoryStreamOptions o = ReviseOnlyWhenAsked();
  o.window = 1;  // every article but the newest is final after a revision
  StoryStream stream(o);
  stream.Add(Make("a1", kQuakeA1));
  stream.Add(Make("br", kBridge));
  stream.Add(Make("b1", kQuakeB1));
  stream.Revise();
  ASSERT_EQ(stream.open_count(), 1u);
  ASSERT_TRUE(stream.MergeStories(stream.StoryOf("br"), stream.StoryOf("a1")).ok());
  EXPECT_EQ(stream.StoryOf("br"), stream.StoryOf("a1"));
  ASSERT_TRUE(stream.MoveArticle("a1", "").ok());
  EXPECT_NE(stream.StoryOf("br"), stream.StoryOf("a1"));
  size_t articles = 0;
  for (const StoryView& s : stream.Stories()) articles += s.articles.size();
  EXPECT_EQ(articles, 3u);
}

}  // namespace
}  // namespace storyfuse
