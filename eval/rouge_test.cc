#include "eval/rouge.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "base/file.h"
#include "eval/rouge_corpus.h"

namespace storyfuse {
namespace {

using Tokens = std::vector<std::string>;

Rouge TestRouge(int max_words = 100) { return Rouge({{"geese", "goose"}, {"men", "man"}}, Rouge::Options{max_words}); }

TEST(RougeTest, TokenizeLowercasesSplitsAndStems) {
  EXPECT_EQ(TestRouge().Tokenize("The U.S.-Russia talks ended.\n"), (Tokens{"the", "u", "s", "russia", "talk", "end"}));
}

TEST(RougeTest, ExceptionsOnlyForLongTokens) {
  EXPECT_EQ(TestRouge().Tokenize("Geese saw men"), (Tokens{"goose", "saw", "men"}));
}

TEST(RougeTest, NonAsciiBytesSeparateTokens) {
  EXPECT_EQ(TestRouge().Tokenize("caf\xC3\xA9s d\xC3\xA9j\xC3\xA0"), (Tokens{"caf", "s", "d", "j"}));
}

TEST(RougeTest, WordCutComesBeforeTokenizing) {
  // "U.S.-Russia" is one word for the cut, four tokens after it.
  EXPECT_EQ(TestRouge(2).Tokenize("Talks on U.S.-Russia trade"), (Tokens{"talk", "on"}));
  EXPECT_EQ(TestRouge(3).Tokenize("Talks on U.S.-Russia trade"), (Tokens{"talk", "on", "u", "s", "russia"}));
}

TEST(RougeTest, LeadingBlankCountsAsAWordAndEmptyLinesDoNot) {
  EXPECT_EQ(TestRouge(2).Tokenize(" one two"), (Tokens{"one"}));
  EXPECT_EQ(TestRouge(2).Tokenize("\n\none\n\ntwo\nthree"), (Tokens{"one", "two"}));
  EXPECT_EQ(TestRouge(3).Tokenize("one   \n two"), (Tokens{"one", "two"}));
}

TEST(RougeTest, CountsClippedMatches) {
  ClusterRouge s = Rouge::ScoreTokens({"a", "b", "c"}, {{"a", "b", "d"}});
  EXPECT_EQ(s.r1.hits, 2);
  EXPECT_EQ(s.r1.total, 3);
  EXPECT_EQ(s.r2.hits, 1);  // "a b"
  EXPECT_EQ(s.r2.total, 2);
  // Reference units: ab ad bd + unigrams a b; peer: ab ac bc + a b.
  EXPECT_EQ(s.su4.hits, 3);
  EXPECT_EQ(s.su4.total, 5);
}

TEST(RougeTest, ClipsRepeatsAndPoolsReferences) {
  ClusterRouge s = Rouge::ScoreTokens({"x", "x", "x"}, {{"x", "y"}, {"x", "x", "z", "w"}});
  EXPECT_EQ(s.r1.hits, 1 + 2);
  EXPECT_EQ(s.r1.total, 2 + 4);
  EXPECT_DOUBLE_EQ(s.r1.Recall(), 0.5);
}

TEST(RougeTest, SkipBigramsSpanAtMostFourTokens) {
  Tokens ref = {"a", "1", "2", "3", "4", "b", "c"};
  // "a b" is 5 apart (4 between): counted; "a c" is 6 apart: not.
  EXPECT_EQ(Rouge::ScoreTokens({"a", "b"}, {ref}).su4.hits, 2);  // a b, unigram a
  EXPECT_EQ(Rouge::ScoreTokens({"a", "c"}, {ref}).su4.hits, 1);  // unigram a only
}

TEST(RougeTest, BootstrapFollowsPerlsDrand48) {
  // Expected values from an independent implementation of drand48.
  EXPECT_NEAR(Rouge::BootstrapMean({0.2, 0.4, 0.9}), 0.4998666666666656, 1e-12);
  std::vector<double> twelve;
  for (int i = 0; i < 12; ++i) twelve.push_back(i * i / 144.0);
  EXPECT_NEAR(Rouge::BootstrapMean(twelve, 100), 0.2871701388888887, 1e-12);
  EXPECT_NEAR(Rouge::BootstrapMean({0.3, 0.3, 0.3, 0.3}), 0.3, 1e-12);
}

TEST(RougeTest, AggregateSortsByName) {
  ClusterRouge full;
  full.r1 = {1, 1};
  ClusterRouge none;
  none.r1 = {0, 1};
  RougeReport r = Rouge::Aggregate({{"b", none}, {"a", full}});
  EXPECT_EQ(r.clusters, 2u);
  EXPECT_DOUBLE_EQ(r.r1.mean, 0.5);
}

TEST(RougeTest, MissingExceptionListIsNotFound) {
  Result<Rouge> r = Rouge::Create("/nonexistent/exceptions.txt", {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kNotFound);
}

// The published systems' DUC 2004 figures from ../shared/data/README.md.
struct Published {
  const char* system;
  double r1, r2, su4;
};

TEST(RougeTest, ReproducesPublishedDuc2004Table) {
  namespace fs = std::filesystem;
  const fs::path data = fs::path(STORYFUSE_SHARED_DIR) / "data" / "summarization";
  if (!fs::is_directory(data / "duc2004-dev-peers")) {
    GTEST_SKIP() << "shared summarization data absent: " << data;
  }
  Result<Rouge> rouge = Rouge::Create((data / "rouge-stem-exceptions.txt").string(), {100});
  ASSERT_TRUE(rouge.ok()) << rouge.status().ToString();
  Result<std::vector<RougeCluster>> clusters = RougeCorpus::ReadClusters((data / "duc2004-dev").string());
  ASSERT_TRUE(clusters.ok()) << clusters.status().ToString();
  const Published kTable[] = {{"Lead", 30.87, 5.66, 9.52},
                              {"LexRank", 35.16, 7.03, 11.52},
                              {"CLASSY04", 38.00, 8.99, 13.01},
                              {"DPP", 39.33, 8.82, 13.19},
                              {"RegSum", 38.24, 9.17, 13.29}};
  for (const Published& p : kTable) {
    std::vector<std::pair<std::string, ClusterRouge>> scores;
    for (const RougeCluster& c : *clusters) {
      auto peer = ReadWholeFile((data / "duc2004-dev-peers" / p.system / (c.name + ".txt")).string());
      ASSERT_TRUE(peer.ok()) << peer.status().ToString();
      std::vector<std::string_view> refs(c.references.begin(), c.references.end());
      scores.emplace_back(c.name, rouge->Score(*peer, refs));
    }
    RougeReport r = Rouge::Aggregate(std::move(scores));
    EXPECT_NEAR(100 * r.r1.bootstrap, p.r1, 0.1) << p.system;
    EXPECT_NEAR(100 * r.r2.bootstrap, p.r2, 0.1) << p.system;
    EXPECT_NEAR(100 * r.su4.bootstrap, p.su4, 0.1) << p.system;
  }
}

}  // namespace
}  // namespace storyfuse
