#include "eval/entity_scorer.h"

#include <gtest/gtest.h>

#include "eval/entity_corpus.h"

namespace storyfuse {
namespace {

constexpr NameKind kPer = NameKind::kPerson;
constexpr NameKind kOrg = NameKind::kOrganization;
constexpr NameKind kLoc = NameKind::kPlace;
constexpr NameKind kMisc = NameKind::kMisc;
constexpr MentionVerdict kCorrect = MentionVerdict::kCorrect;
constexpr MentionVerdict kWrong = MentionVerdict::kWrong;
constexpr MentionVerdict kIgnored = MentionVerdict::kIgnored;

// Gold of an invented sentence: "Mayor Ada Quill of Port Venn met Brightwater
// Bank staff at the Venn Cup ." (code points).
const std::vector<NameSpan> kGold = {
    {6, 15, kPer},    // Ada Quill
    {19, 28, kLoc},   // Port Venn
    {33, 49, kOrg},   // Brightwater Bank
    {67, 75, kMisc},  // Venn Cup
};

struct ScoreCase {
  const char* name;
  std::vector<NameSpan> predicted;
  std::vector<MentionVerdict> verdicts;
  size_t correct;
  size_t predicted_scored;
};

const ScoreCase kCases[] = {
    {"exact span and type", {{6, 15, kPer}}, {kCorrect}, 1, 1},
    {"title inside the span is wrong", {{0, 15, kPer}}, {kWrong}, 0, 1},
    {"right span wrong type", {{19, 28, kOrg}}, {kWrong}, 0, 1},
    {"part of a name is wrong", {{19, 23, kLoc}}, {kWrong}, 0, 1},
    {"overlapping only MISC is ignored", {{67, 71, kLoc}}, {kIgnored}, 0, 0},
    {"MISC predictions are ignored", {{50, 55, kMisc}}, {kIgnored}, 0, 0},
    {"overlapping nothing is wrong", {{55, 60, kOrg}}, {kWrong}, 0, 1},
    {"across a name and MISC is wrong", {{33, 75, kOrg}}, {kWrong}, 0, 1},
    {"a gold mention matches once", {{6, 15, kPer}, {6, 15, kPer}}, {kCorrect, kWrong}, 1, 2},
    {"all three", {{6, 15, kPer}, {19, 28, kLoc}, {33, 49, kOrg}}, {kCorrect, kCorrect, kCorrect}, 3, 3},
};

TEST(EntityScorerTest, VerdictsFollowTheReadmeMetric) {
  for (const ScoreCase& c : kCases) {
    EntityScorer scorer;
    EXPECT_EQ(scorer.Add(kGold, c.predicted), c.verdicts) << c.name;
    size_t correct = 0, predicted = 0;
    for (int k = 0; k < EntityScores::kScoredKinds; ++k) {
      correct += scorer.scores().correct[k];
      predicted += scorer.scores().predicted[k];
    }
    EXPECT_EQ(correct, c.correct) << c.name;
    EXPECT_EQ(predicted, c.predicted_scored) << c.name;
  }
}

TEST(EntityScorerTest, PrecisionRecallAndF1PerKindAndOverall) {
  EntityScorer scorer;
  scorer.Add(kGold, {{6, 15, kPer}, {19, 28, kOrg}, {67, 75, kLoc}});
  const EntityScores& s = scorer.scores();
  EXPECT_DOUBLE_EQ(s.Precision(), 0.5);   // 1 of 2 scored (the MISC overlap is ignored)
  EXPECT_DOUBLE_EQ(s.Recall(), 1.0 / 3);  // 1 of 3 gold (MISC is not gold here)
  EXPECT_DOUBLE_EQ(s.F1(), 0.4);
  EXPECT_DOUBLE_EQ(s.Precision(kPer), 1.0);
  EXPECT_DOUBLE_EQ(s.Recall(kLoc), 0.0);
  EXPECT_DOUBLE_EQ(s.Precision(kOrg), 0.0);
  EXPECT_EQ(s.ignored, 1u);
}

TEST(EntityCorpusTest, ParsesALineWithCodePointOffsets) {
  Result<EntityDocument> doc =
      ParseEntityDocument(R"({"id": "d1", "date": "2001-02-03", "text": "Zo\u00eb Lark visited Ostrava .",)"
                          R"( "entities": [{"start": 17, "end": 24, "type": "LOC", "text": "Ostrava"},)"
                          R"( {"start": 0, "end": 8, "type": "PER", "text": "Zo\u00eb Lark"}]})");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->id, "d1");
  ASSERT_EQ(doc->gold.size(), 2u);
  EXPECT_EQ(doc->gold[0], (NameSpan{0, 8, kPer}));  // sorted by begin
  std::vector<uint32_t> at = CodePointByteOffsets(doc->text);
  EXPECT_EQ(at[8], 9u);  // the ë takes two bytes
  EXPECT_EQ(doc->text.substr(at[17], at[24] - at[17]), "Ostrava");
}

TEST(EntityCorpusTest, RejectsBrokenLines) {
  EXPECT_FALSE(ParseEntityDocument("not json").ok());
  EXPECT_FALSE(ParseEntityDocument(R"({"id": "x"})").ok());
  EXPECT_FALSE(ParseEntityDocument(R"({"text": "ab", "entities": [{"start": 0, "end": 5, "type": "PER"}]})").ok());
  EXPECT_FALSE(ParseEntityDocument(R"({"text": "ab", "entities": [{"start": 0, "end": 1, "type": "GPE"}]})").ok());
}

}  // namespace
}  // namespace storyfuse
