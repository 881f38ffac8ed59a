#include "brief/sentence_aligner.h"

#include <gtest/gtest.h>

#include <string>

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
const std::string kNorthWire =
    "Ferry operators in the fjord reported record passenger numbers this summer.";

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

}  // namespace
}  // namespace storyfuse
