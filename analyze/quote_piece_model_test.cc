#include "analyze/quote_piece_model.h"

#include <gtest/gtest.h>

#include <string>

#include "analyze/speaker_model.h"

namespace storyfuse {
namespace {

TEST(QuotePieceModelTest, SerializesAndParsesWeightsAndThreshold) {
  QuotePieceModel m;
  m.Set("bias", 2.0);
  m.Set("prev=so-called", -3.5);
  m.set_threshold(0.25);
  std::string file = m.Serialize({"a comment"});
  EXPECT_EQ(file.rfind("storyfuse-quote-pieces\t1\n# a comment\n@threshold\t0.25\n", 0), 0u) << file;
  Result<QuotePieceModel> back = QuotePieceModel::Parse(file);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->size(), 2u);
  EXPECT_DOUBLE_EQ(back->threshold(), 0.25);
  uint64_t bias = SpeakerFeatureId("bias"), so_called = SpeakerFeatureId("prev=so-called");
  // sigmoid(2) ~ 0.88 is kept; sigmoid(2 - 3.5) ~ 0.18 is not.
  EXPECT_NEAR(back->Probability({bias}), 0.8808, 1e-4);
  EXPECT_TRUE(back->Keeps(back->Probability({bias})));
  EXPECT_FALSE(back->Keeps(back->Probability({bias, so_called})));
  // Unknown features weigh nothing.
  EXPECT_DOUBLE_EQ(back->Probability({bias, SpeakerFeatureId("unseen")}), back->Probability({bias}));
}

TEST(QuotePieceModelTest, RefusesOtherFormatsAndMalformedLines) {
  EXPECT_EQ(QuotePieceModel::Parse("storyfuse-quote-pieces\t2\nbias\t1\n").status().code(), Status::Code::kUnsupported);
  EXPECT_EQ(QuotePieceModel::Parse("storyfuse-speakers\t1\n").status().code(), Status::Code::kCorruption);
  EXPECT_EQ(QuotePieceModel::Parse("storyfuse-quote-pieces\t1\nbias one\n").status().code(), Status::Code::kCorruption);
  EXPECT_EQ(QuotePieceModel::Parse("storyfuse-quote-pieces\t1\nbias\tnan\n").status().code(),
            Status::Code::kCorruption);
  EXPECT_TRUE(QuotePieceModel::Parse("storyfuse-quote-pieces\t1\n\n# c\nbias\t1\n").ok());
}

}  // namespace
}  // namespace storyfuse
