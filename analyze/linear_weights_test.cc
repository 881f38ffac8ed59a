#include "analyze/linear_weights.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "analyze/quote_piece_model.h"
#include "analyze/speaker_model.h"
#include "models/model_files.h"

namespace storyfuse {
namespace {

TEST(LinearWeightsTest, SumsKnownKeysAndWritesSortedNonZeroLines) {
  LinearWeights w;
  w.Set("shape=long", 0.5);
  w.Set("cue=said", 1.25);
  w.Set("dropped", 0);
  w.Set("shape=long", -0.75);  // a second Set replaces the weight
  EXPECT_DOUBLE_EQ(w.Sum({SpeakerFeatureId("cue=said"), SpeakerFeatureId("shape=long"), SpeakerFeatureId("unseen")}),
                   0.5);
  std::string lines;
  w.AppendLines(&lines);
  EXPECT_EQ(lines, "cue=said\t1.25\nshape=long\t-0.75\n");
  EXPECT_EQ(w.size(), 3u);
}

// The comment lines of a model file, without their "# ".
std::vector<std::string> Comments(std::string_view bytes) {
  std::vector<std::string> out;
  size_t b = 0;
  while (b < bytes.size()) {
    size_t e = bytes.find('\n', b);
    if (e == std::string_view::npos) e = bytes.size();
    std::string_view line = bytes.substr(b, e - b);
    if (line.substr(0, 2) == "# ") out.emplace_back(line.substr(2));
    b = e + 1;
  }
  return out;
}

// Reading a shipped model file and writing it again gives the same bytes:
// the format the trainers write is the one the readers read.
TEST(LinearWeightsTest, ShippedModelFilesRoundTripByteForByte) {
  Result<std::string_view> speakers = ModelFile(SpeakerModel::kFileName);
  ASSERT_TRUE(speakers.ok());
  Result<SpeakerModel> s = SpeakerModel::Parse(*speakers);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->Serialize(Comments(*speakers)), *speakers);
}

// The piece model is not shipped (models/README.md): its writer and reader
// agree on a file of its own.
TEST(LinearWeightsTest, QuotePieceModelRoundTrips) {
  QuotePieceModel m;
  m.set_threshold(0.4375);
  m.Set("len=long", 2.5);
  m.Set("cue=told", -1);
  std::string bytes = m.Serialize({"trained by hand"});
  EXPECT_EQ(bytes, "storyfuse-quote-pieces\t1\n# trained by hand\n@threshold\t0.4375\ncue=told\t-1\nlen=long\t2.5\n");
  Result<QuotePieceModel> q = QuotePieceModel::Parse(bytes);
  ASSERT_TRUE(q.ok()) << q.status().ToString();
  EXPECT_EQ(q->threshold(), 0.4375);
  EXPECT_EQ(q->Serialize({"trained by hand"}), bytes);
}

}  // namespace
}  // namespace storyfuse
