#include "eval/partial_copy_set.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace storyfuse {
namespace {

// Invented filler: `n` words made of syllables, different for each `seed`,
// cut into paragraphs of `per_paragraph` words.
std::string Filler(uint32_t seed, int n, int per_paragraph) {
  static const char* kSyllables[] = {"ka", "lo", "ri", "ven", "mu", "sa", "tor", "ne", "pa", "di"};
  std::string out;
  uint32_t x = seed * 2654435761u + 1;
  for (int i = 0; i < n; ++i) {
    std::string word;
    for (int k = 0; k < 3; ++k) {
      x = x * 1664525u + 1013904223u;
      word += kSyllables[(x >> 16) % 10];
    }
    out += word;
    out += (i + 1) % per_paragraph == 0 ? "\n" : " ";
  }
  return out;
}

Article Make(const std::string& id, const std::string& text) {
  Article a;
  a.id = id;
  a.text = text;
  return a;
}

size_t CountWords(const std::string& s) {
  std::istringstream in(s);
  size_t n = 0;
  for (std::string w; in >> w;) ++n;
  return n;
}

class PartialCopySetTest : public ::testing::Test {
 protected:
  PartialCopySetTest() {
    // Story a: three articles in their own words; story b: one.
    articles_ = {Make("a1", Filler(1, 240, 30)), Make("a2", Filler(2, 200, 25)), Make("b1", Filler(3, 200, 25)),
                 Make("a3", Filler(4, 220, 20))};
    labels_ = {"a", "a", "b", "a"};
  }
  std::vector<Article> articles_;
  std::vector<std::string> labels_;
};

TEST_F(PartialCopySetTest, PastesARunOfTheSourceIntoAHostThatItReplaces) {
  PartialCopySet set = PartialCopySet::Build(articles_, labels_, 7);
  ASSERT_EQ(set.cases(), 1u);  // story b has a single article
  ASSERT_EQ(set.articles.size(), articles_.size());
  size_t pasted = 0;
  for (size_t i = 0; i < set.articles.size(); ++i) {
    if (!set.pasted_from[i].empty()) pasted = i;
  }
  const Article& copy = set.articles[pasted];
  std::string host = copy.id.substr(0, copy.id.find('+'));
  EXPECT_EQ(copy.id, host + "+pasted");
  EXPECT_EQ(set.labels[pasted], "a");
  const Article* source = nullptr;
  for (const Article& a : set.articles) {
    EXPECT_NE(a.id, host);  // the host itself is left out
    if (a.id == set.pasted_from[pasted]) source = &a;
  }
  ASSERT_NE(source, nullptr);
  EXPECT_NE(source->id, host);
  // The host's own text is all there, and the rest is one run of the
  // source's paragraphs: 30-60 % of its words, at least 80.
  const Article* original_host = nullptr;
  for (const Article& a : articles_) {
    if (a.id == host) original_host = &a;
  }
  size_t run = CountWords(copy.text) - CountWords(original_host->text);
  EXPECT_GE(run, 80u);
  EXPECT_GE(run, 0.3 * CountWords(source->text));
  EXPECT_LE(run, 0.6 * CountWords(source->text));
  // The copy arrives after its source.
  size_t source_at = 0;
  for (size_t i = 0; i < set.articles.size(); ++i) {
    if (set.articles[i].id == source->id) source_at = i;
  }
  EXPECT_LT(source_at, pasted);
}

TEST_F(PartialCopySetTest, SameSeedSameSet) {
  PartialCopySet x = PartialCopySet::Build(articles_, labels_, 3);
  PartialCopySet y = PartialCopySet::Build(articles_, labels_, 3);
  ASSERT_EQ(x.articles.size(), y.articles.size());
  for (size_t i = 0; i < x.articles.size(); ++i) {
    EXPECT_EQ(x.articles[i].text, y.articles[i].text);
    EXPECT_EQ(x.pasted_from[i], y.pasted_from[i]);
  }
}

TEST_F(PartialCopySetTest, ScoresLinksBySharedRunningText) {
  PartialCopySet set = PartialCopySet::Build(articles_, labels_, 7);
  std::vector<std::string> right(set.articles.size()), wrong(set.articles.size()), none(set.articles.size());
  for (size_t i = 0; i < set.articles.size(); ++i) {
    if (set.pasted_from[i].empty()) continue;
    right[i] = set.pasted_from[i];
    wrong[i] = "b1";  // same filler style, no shared run
  }
  CopyLinkScore r = ScoreCopyLinks(set, right);
  EXPECT_EQ(r.cases, 1u);
  EXPECT_EQ(r.found, 1u);
  EXPECT_DOUBLE_EQ(r.precision(), 1.0);
  CopyLinkScore w = ScoreCopyLinks(set, wrong);
  EXPECT_EQ(w.found, 0u);
  EXPECT_EQ(w.links, 1u);
  EXPECT_EQ(w.correct_links, 0u);
  CopyLinkScore n = ScoreCopyLinks(set, none);
  EXPECT_DOUBLE_EQ(n.recall(), 0.0);
  EXPECT_EQ(n.links, 0u);
}

}  // namespace
}  // namespace storyfuse
