#include "brief/sentence_aligner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <string>

#include "brief/statement_matcher.h"

namespace storyfuse {
namespace {

// Fictional coverage of one event by three outlets.
const std::string kHarbourDaily =
    "The Varnholt harbour bridge reopened on Monday after eleven weeks of repairs. "
    "Mayor Ilse Brandvik cut the ribbon in front of about 300 residents. "
    "The repairs cost 4.2 million crowns.";
const std::string kCoastPost =
    "After eleven weeks of repairs, the harbour bridge in Varnholt reopened Monday. "
    "Traffic was light in the first hours. "
    "Repairs to the bridge cost 4.2 million crowns, the city said.";
const std::string kNorthWire = "Ferry operators in the fjord reported record passenger numbers this summer.";

TEST(SentenceAlignerTest, ParaphrasesAcrossArticlesShareAGroup) {
  SentenceAligner aligner;
  aligner.AddArticle(kHarbourDaily);
  aligner.AddArticle(kCoastPost);
  aligner.AddArticle(kNorthWire);
  Alignment a = aligner.Align();
  ASSERT_EQ(a.sentences.size(), 7u);
  // Sentence 0 (Harbour Daily lead) and 3 (Coast Post lead) say the same.
  EXPECT_EQ(a.sentences[0].group, a.sentences[3].group);
  // The cost sentences align too.
  EXPECT_EQ(a.sentences[2].group, a.sentences[5].group);
  // The ribbon, the traffic and the ferry sentences stand alone.
  EXPECT_NE(a.sentences[1].group, a.sentences[0].group);
  EXPECT_NE(a.sentences[4].group, a.sentences[3].group);
  EXPECT_EQ(a.groups[a.sentences[6].group].size(), 1u);
}

TEST(SentenceAlignerTest, SameArticleSentencesAreNeverLinkedDirectly) {
  SentenceAligner aligner;
  aligner.AddArticle("The dam opened its gates at noon today. The dam opened its gates at noon today.");
  Alignment a = aligner.Align();
  ASSERT_EQ(a.sentences.size(), 2u);
  EXPECT_NE(a.sentences[0].group, a.sentences[1].group);
}

TEST(SentenceAlignerTest, WeightsFavourInformativeSentences) {
  SentenceAligner aligner;
  aligner.AddArticle("It rained. The regional council approved a new tram line to the airport.");
  Alignment a = aligner.Align();
  ASSERT_EQ(a.sentences.size(), 2u);
  EXPECT_GT(a.sentences[1].weight, a.sentences[0].weight);
}

// Fictional reports of a flood: the same frame with different speakers or
// figures must not link; a paraphrase must.
const std::string kRiverTimes =
    "\"The river is rising faster than we feared,\" said Odile Marchetti.\n"
    "Flooding along the Vell river forced 1,200 people from their homes on Sunday.\n"
    "The Tolvane council approved emergency funds for the flood defences on Monday after a long debate.";
const std::string kValleyPost =
    "\"The old bridge has already lost half its railings,\" said Teodor Vasko.\n"
    "Flooding along the Vell river forced 4,500 people from their homes on Sunday.\n"
    "After a long debate, the Tolvane council on Monday approved emergency funds for the flood defences.";

TEST(SentenceAlignerTest, TheMatcherLinksStatementsNotFrames) {
  SentenceAligner aligner(0.5f, nullptr, &StatementMatcher::Shipped());
  aligner.AddArticle(kRiverTimes);
  aligner.AddArticle(kValleyPost);
  Alignment a = aligner.Align();
  ASSERT_EQ(a.sentences.size(), 6u);
  EXPECT_NE(a.sentences[0].group, a.sentences[3].group) << "two quotes, two speakers, one frame";
  EXPECT_NE(a.sentences[1].group, a.sentences[4].group) << "1,200 and 4,500 people are not one statement";
  EXPECT_EQ(a.sentences[2].group, a.sentences[5].group) << "the paraphrase";
  ASSERT_EQ(a.neighbours[2].size(), 1u);
  EXPECT_TRUE(StatementMatcher::Shipped().Supports(a.neighbours[2][0].second));
}

// Issue #22: one article of 40,000 repeated sentences took 5.9 s, every
// pair of its sentences being scored before same-article pairs were
// dropped. What must hold here is the output; the cost's growth is
// measured by tests/hostile (StageCostTest.AlignerOn*), where heap pages
// are kept between runs so the kernel's page faults are not counted.
TEST(SentenceAlignerTest, PathologicalRepetitionKeepsEverySentence) {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "The dam on the Vell river opened its gates at noon today.\n";
  for (int articles : {1, 2}) {
    SentenceAligner aligner(0.5f, nullptr, &StatementMatcher::Shipped());
    for (int a = 0; a < articles; ++a) aligner.AddArticle(text);
    Alignment out = aligner.Align();
    EXPECT_EQ(out.sentences.size(), static_cast<size_t>(articles * 5000));
  }
}

}  // namespace
}  // namespace storyfuse
