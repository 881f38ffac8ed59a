#include "analyze/speaker_model.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storyfuse {
namespace {

TEST(SpeakerModelTest, KeysAreBuiltFromParts) {
  EXPECT_EQ(SpeakerFeatureKey().Add("cue>").Add("&").Add("sa").value(), SpeakerFeatureId("cue>&sa"));
  EXPECT_NE(SpeakerFeatureId("cue>&sa"), SpeakerFeatureId("cue>&sb"));
}

TEST(SpeakerModelTest, SerializesAndParsesBack) {
  SpeakerModel m;
  m.Set("rule", 2.5);
  m.Set("c&sa", -0.25);
  m.Set("zero", 0);
  std::string file = m.Serialize({"trained on nothing"});
  EXPECT_EQ(file, "storyfuse-speakers\t1\n# trained on nothing\nc&sa\t-0.25\nrule\t2.5\n");
  Result<SpeakerModel> back = SpeakerModel::Parse(file);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_DOUBLE_EQ(back->Score({SpeakerFeatureId("rule"), SpeakerFeatureId("c&sa"), SpeakerFeatureId("unknown")}),
                   2.25);
  EXPECT_EQ(back->Serialize({"trained on nothing"}), file);
}

TEST(SpeakerModelTest, RefusesOtherFormatsAndVersions) {
  EXPECT_EQ(SpeakerModel::Parse("storyfuse-speakers\t2\nrule\t1\n").status().code(), Status::Code::kUnsupported);
  EXPECT_EQ(SpeakerModel::Parse("something else\t1\n").status().code(), Status::Code::kCorruption);
  EXPECT_EQ(SpeakerModel::Parse("").status().code(), Status::Code::kCorruption);
  EXPECT_EQ(SpeakerModel::Parse("storyfuse-speakers\t1\nrule 1\n").status().code(), Status::Code::kCorruption);
  EXPECT_EQ(SpeakerModel::Parse("storyfuse-speakers\t1\nrule\tmany\n").status().code(), Status::Code::kCorruption);
}

// The embedded model parses and holds weights for the features that
// matter most: the rules' choice and a cue right after the mention.
TEST(SpeakerModelTest, ShippedModelLoads) {
  const SpeakerModel* m = SpeakerModel::Shipped();
  ASSERT_NE(m, nullptr);
  EXPECT_GT(m->size(), 100u);
  EXPECT_GT(m->Score({SpeakerFeatureId("rule")}), 0);
  EXPECT_GT(m->Score({SpeakerFeatureId("cue>")}), 0);
}

}  // namespace
}  // namespace storyfuse
