#include "analyze/quote_piece_trainer.h"

#include <gtest/gtest.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "analyze/speaker_model.h"

namespace storyfuse {
namespace {

// Synthetic pieces: quotes carry "cue", non-quotes "scare"; "bias" is on
// every piece, and quotes are the majority as on PolNeAR.
QuotePieceTrainer Trainer(std::unordered_map<uint64_t, std::string>* names) {
  for (const char* n : {"bias", "cue", "scare"}) (*names)[SpeakerFeatureId(n)] = n;
  QuotePieceTrainer t(names);
  for (int i = 0; i < 40; ++i) {
    bool quote = i % 4 != 0;
    t.Add({{SpeakerFeatureId("bias"), SpeakerFeatureId(quote ? "cue" : "scare")}, quote});
  }
  return t;
}

TEST(QuotePieceTrainerTest, LearnsWhichFeatureMarksANonQuote) {
  std::unordered_map<uint64_t, std::string> names;
  QuotePieceTrainer t = Trainer(&names);
  QuotePieceModel m = t.Train({}, 10, 7);
  double quote = m.Probability({SpeakerFeatureId("bias"), SpeakerFeatureId("cue")});
  double scare = m.Probability({SpeakerFeatureId("bias"), SpeakerFeatureId("scare")});
  EXPECT_GT(quote, 0.5);
  EXPECT_LT(scare, 0.5);
}

TEST(QuotePieceTrainerTest, SameSeedSameModelAndUseSelectsExamples) {
  std::unordered_map<uint64_t, std::string> names;
  QuotePieceTrainer t = Trainer(&names);
  EXPECT_EQ(t.Train({}, 3, 5).Serialize({}), t.Train({}, 3, 5).Serialize({}));
  // Trained on quotes alone, nothing teaches "scare".
  std::vector<bool> use(t.size());
  for (size_t i = 0; i < use.size(); ++i) use[i] = t.example(i).quote;
  EXPECT_EQ(t.Train(use, 3, 5).Serialize({}).find("scare"), std::string::npos);
}

TEST(QuotePieceTrainerTest, ThresholdLosesAtMostTheAllowedPositives) {
  std::vector<double> p = {0.9, 0.2, 0.6, 0.4, 0.8};
  EXPECT_DOUBLE_EQ(QuotePieceTrainer::Threshold(p, 0), 0.0);  // keep all
  EXPECT_DOUBLE_EQ(QuotePieceTrainer::Threshold(p, 1), 0.4);  // drops 0.2 only
  EXPECT_DOUBLE_EQ(QuotePieceTrainer::Threshold(p, 2), 0.6);
  EXPECT_DOUBLE_EQ(QuotePieceTrainer::Threshold({}, 3), 0.0);
}

}  // namespace
}  // namespace storyfuse
