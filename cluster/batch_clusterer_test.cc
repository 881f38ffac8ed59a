#include "cluster/batch_clusterer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <tuple>

#include "cluster/stream_grouper.h"
#include "cluster/test_stories.h"
#include "ingest/article_extractor.h"
#include "ingest/input_reader.h"

namespace storyfuse {
namespace {

using namespace test_stories;  // NOLINT: the invented texts

Grouping Batch(const std::vector<Article>& articles, BatchClusterOptions options = {}) {
  BatchClusterer batch(options);
  for (const Article& a : articles) batch.Add(a);
  return batch.Finish();
}

// Article id -> story id.
std::map<std::string, std::string> StoryOf(const std::vector<Article>& articles, const Grouping& g) {
  std::map<std::string, std::string> out;
  for (size_t i = 0; i < articles.size(); ++i) out[articles[i].id] = g.articles[i].story_id;
  return out;
}

TEST(BatchClustererTest, SimilarEventsStayApartByNamesAndNumbers) {
  std::vector<Article> in = {Make("a1", kQuakeA1), Make("b1", kQuakeB1), Make("br", kBridge), Make("a2", kQuakeA2),
                             Make("b2", kQuakeB2)};
  Grouping g = Batch(in);
  std::map<std::string, std::string> s = StoryOf(in, g);
  EXPECT_EQ(s["a1"], s["a2"]);
  EXPECT_EQ(s["b1"], s["b2"]);
  EXPECT_NE(s["a1"], s["b1"]);
  EXPECT_NE(s["br"], s["a1"]);
  EXPECT_NE(s["br"], s["b1"]);
  // Stories are numbered by their first article.
  EXPECT_EQ(s["a1"], "s-1");
  EXPECT_EQ(s["b1"], "s-2");
  EXPECT_EQ(s["br"], "s-3");
  ASSERT_EQ(g.stories.size(), 3u);
  EXPECT_EQ(g.stories[0].articles, (std::vector<std::string>{"a1", "a2"}));
}

TEST(BatchClustererTest, TwoMeetingsOfTheSameMinistersAreTwoStories) {
  std::vector<Article> in = {Make("feb1", kTalksFeb1, "2025-02-11"), Make("mar1", kTalksMar1, "2025-03-13"),
                             Make("feb2", kTalksFeb2, "2025-02-11"), Make("mar2", kTalksMar2, "2025-03-13")};
  std::map<std::string, std::string> s = StoryOf(in, Batch(in));
  EXPECT_EQ(s["feb1"], s["feb2"]);
  EXPECT_EQ(s["mar1"], s["mar2"]);
  EXPECT_NE(s["feb1"], s["mar1"]);
}

TEST(BatchClustererTest, TheGroupingDoesNotDependOnTheInputOrder) {
  std::vector<Article> in = {Make("a1", kQuakeA1), Make("b1", kQuakeB1), Make("br", kBridge),
                             Make("a2", kQuakeA2), Make("b2", kQuakeB2), Make("later", kQuakeFollowUp)};
  std::map<std::string, std::string> forward = StoryOf(in, Batch(in));
  std::vector<Article> reversed(in.rbegin(), in.rend());
  std::map<std::string, std::string> backward = StoryOf(reversed, Batch(reversed));
  for (const Article& x : in) {
    for (const Article& y : in) {
      EXPECT_EQ(forward[x.id] == forward[y.id], backward[x.id] == backward[y.id]) << x.id << " " << y.id;
    }
  }
}

TEST(BatchClustererTest, CopiesAndOriginsAreTheStreamsOnes) {
  std::string partial_text = std::string("From our wires:\n") + kQuakeA1;
  partial_text.resize(partial_text.size() * 2 / 3);
  std::vector<Article> in = {
      Make("wire", kQuakeA1, "2024-03-02", "Northwind Wire", "Northwind"),
      Make("own", kQuakeA2, "2024-03-03", "Doravia Daily"), Make("bridge", kBridge, "2024-03-03", "Velmora Post"),
      Make("repub", std::string("Top stories | Weather | Sport\n") + kQuakeA1, "2024-03-02", "Valley Herald"),
      Make("partial", partial_text)};
  Grouping batch = Batch(in);
  Grouping stream = GroupAsStream(in);
  Grouping one_pass = GroupAsStream(in, {}, /*one_pass=*/true);
  ASSERT_EQ(batch.articles.size(), in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    for (const Grouping* g : {&stream, &one_pass}) {
      EXPECT_EQ(batch.articles[i].copy_of, g->articles[i].copy_of) << in[i].id;
      EXPECT_EQ(batch.articles[i].origin, g->articles[i].origin) << in[i].id;
    }
  }
  EXPECT_EQ(batch.articles[3].copy_of, "wire");
  EXPECT_EQ(batch.articles[3].origin, "Northwind");
  EXPECT_EQ(batch.articles[4].copy_of, "wire");
  ASSERT_EQ(batch.stories.size(), 2u);
  ASSERT_EQ(stream.stories.size(), 2u);
  ASSERT_EQ(one_pass.stories.size(), 2u);
  for (const Grouping* g : {&batch, &stream, &one_pass}) {
    EXPECT_EQ(g->stories[0].articles, (std::vector<std::string>{"wire", "own", "repub", "partial"}));
    EXPECT_EQ(g->stories[0].outlets, (std::vector<std::string>{"Northwind Wire", "Doravia Daily", "Valley Herald"}));
    EXPECT_EQ(g->stories[0].independent_sources, (std::vector<std::string>{"Northwind", "Doravia Daily"}));
  }
}

TEST(BatchClustererTest, EmptyTextsAndEmptyInput) {
  std::vector<Article> in = {Make("e1", ""), Make("e2", "")};
  Grouping g = Batch(in);
  EXPECT_NE(g.articles[0].story_id, g.articles[1].story_id);
  EXPECT_EQ(g.articles[0].origin, "e1");
  EXPECT_TRUE(Batch({}).stories.empty());
}

// The seeds (read at run time, never copied here) among the 1,306 dev
// articles, first or last: one story of five independent sources, all at
// once and as the stream that revises itself (where, first, they leave
// its window of 1,000 arrivals and stand as a final story).
class GroupedSeedsAmongOtherNews : public ::testing::TestWithParam<std::tuple<bool, bool>> {};

TEST_P(GroupedSeedsAmongOtherNews, FormTheirOwnStoryOfFive) {
  auto [first, stream] = GetParam();
  std::string shared = STORYFUSE_SHARED_DIR;
  std::vector<std::string> inputs = {shared + "/data/clustering/duc-multinews-dev.jsonl",
                                     shared + "/data/clustering/ecbplus-dev.jsonl"};
  inputs.insert(first ? inputs.begin() : inputs.end(), shared + "/seeds");
  for (const std::string& in : inputs) {
    if (!std::filesystem::exists(in)) GTEST_SKIP() << "no " << in;
  }
  std::vector<Article> articles;
  std::vector<std::string> seed_ids;
  ArticleExtractor extractor;
  InputReader reader(
      [&](RawDoc&& doc) {
        Result<Article> a = extractor.Extract(doc);
        if (!a.ok()) return;  // two dev pages hold only boilerplate
        if (doc.source.find("/seeds/") != std::string::npos) seed_ids.push_back(a->id);
        articles.push_back(std::move(a).value());
      },
      [](const Status&) {});
  for (const std::string& in : inputs) ASSERT_TRUE(reader.Read(in).ok());
  ASSERT_EQ(seed_ids.size(), 5u);
  Grouping g = stream ? GroupAsStream(articles) : Batch(articles);
  std::map<std::string, std::string> story = StoryOf(articles, g);
  std::optional<StoryView> seeds;
  for (const StoryView& s : g.stories) {
    if (s.id == story[seed_ids[0]]) seeds = s;
  }
  ASSERT_TRUE(seeds.has_value());
  EXPECT_EQ(seeds->articles.size(), 5u);
  EXPECT_EQ(seeds->independent_sources.size(), 5u);
}

INSTANTIATE_TEST_SUITE_P(FirstOrLastBatchOrStream, GroupedSeedsAmongOtherNews,
                         ::testing::Combine(::testing::Bool(), ::testing::Bool()));

TEST(BatchClustererTest, SeedsAloneAreOneStory) {
  std::string seeds = std::string(STORYFUSE_SHARED_DIR) + "/seeds";
  if (!std::filesystem::exists(seeds)) GTEST_SKIP() << "no seeds at " << seeds;
  std::vector<Article> articles;
  ArticleExtractor extractor;
  InputReader reader(
      [&](RawDoc&& doc) {
        Result<Article> a = extractor.Extract(doc);
        if (a.ok()) articles.push_back(std::move(a).value());
      },
      [](const Status& st) { ADD_FAILURE() << st.message(); });
  ASSERT_TRUE(reader.Read(seeds).ok());
  Grouping g = Batch(articles);
  ASSERT_EQ(g.stories.size(), 1u);
  EXPECT_EQ(g.stories[0].independent_sources.size(), 5u);
  for (const ClusterResult& r : g.articles) EXPECT_TRUE(r.copy_of.empty());
}

}  // namespace
}  // namespace storyfuse
