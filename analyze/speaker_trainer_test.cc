#include "analyze/speaker_trainer.h"

#include <gtest/gtest.h>

#include <string>
#include <unordered_map>
#include <vector>

namespace storyfuse {
namespace {

// Synthetic choices: the right candidate always has "near", a wrong one
// "far"; "noise" sits on both.
std::vector<SpeakerExample> Examples(std::unordered_map<uint64_t, std::string>* names) {
  for (const char* n : {"near", "far", "noise"}) (*names)[SpeakerFeatureId(n)] = n;
  uint64_t near = SpeakerFeatureId("near"), far = SpeakerFeatureId("far"), noise = SpeakerFeatureId("noise");
  std::vector<SpeakerExample> out;
  for (int i = 0; i < 20; ++i) {
    SpeakerExample e;
    e.candidates = {{far, noise}, {near, noise}, {far}};
    e.right = {false, true, false};
    if (i % 2) {
      std::swap(e.candidates[0], e.candidates[1]);
      e.right = {true, false, false};
    }
    out.push_back(e);
  }
  return out;
}

TEST(SpeakerTrainerTest, LearnsWhichFeatureMarksTheRightCandidate) {
  std::unordered_map<uint64_t, std::string> names;
  SpeakerTrainer trainer(&names);
  for (SpeakerExample& e : Examples(&names)) EXPECT_TRUE(trainer.Add(e));
  SpeakerModel m = trainer.Train({}, 5, 1);
  EXPECT_GT(m.Score({SpeakerFeatureId("near")}), m.Score({SpeakerFeatureId("far")}));
}

TEST(SpeakerTrainerTest, IgnoresExamplesThatTeachNothing) {
  std::unordered_map<uint64_t, std::string> names;
  SpeakerTrainer trainer(&names);
  EXPECT_FALSE(trainer.Add({{{1}, {2}}, {false, false}}));
  EXPECT_FALSE(trainer.Add({{{1}, {2}}, {true, true}}));
  EXPECT_FALSE(trainer.Add({{{1}, {2}}, {true}}));
  EXPECT_EQ(trainer.size(), 0u);
}

TEST(SpeakerTrainerTest, SameSeedSameModel) {
  std::unordered_map<uint64_t, std::string> names;
  SpeakerTrainer trainer(&names);
  for (SpeakerExample& e : Examples(&names)) trainer.Add(e);
  std::vector<bool> half(trainer.size());
  for (size_t i = 0; i < half.size(); i += 2) half[i] = true;
  EXPECT_EQ(trainer.Train(half, 3, 7).Serialize({}), trainer.Train(half, 3, 7).Serialize({}));
  EXPECT_EQ(trainer.Train({}, 3, 7).Serialize({}), trainer.Train({}, 3, 7).Serialize({}));
}

}  // namespace
}  // namespace storyfuse
