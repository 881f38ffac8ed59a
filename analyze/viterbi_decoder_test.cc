#include "analyze/viterbi_decoder.h"

#include <gtest/gtest.h>

#include <vector>

#include "analyze/entity_labels.h"

namespace storyfuse {
namespace {

constexpr NameKind kPer = NameKind::kPerson;
constexpr NameKind kLoc = NameKind::kPlace;

uint8_t Tag(NameKind k, LabelPart p) { return static_cast<uint8_t>(MakeLabel(k, p)); }

// n rows of emissions, all 0 but the given (token, tag, score) entries.
std::vector<float> Emissions(size_t n, std::initializer_list<std::tuple<size_t, int, float>> set) {
  std::vector<float> e(n * kNumLabels, 0.0f);
  for (auto [i, tag, score] : set) e[i * kNumLabels + tag] = score;
  return e;
}

std::vector<uint8_t> Decode(const std::vector<float>& emissions, const std::vector<float>& transitions) {
  size_t n = emissions.size() / kNumLabels;
  std::vector<uint8_t> tags(n);
  ViterbiDecoder::Decode(emissions.data(), n, transitions.data(), tags.data());
  return tags;
}

const std::vector<float> kFlat(kNumLabels* kNumLabels, 0.0f);

TEST(ViterbiDecoderTest, TakesTheBestTagOfEachTokenWhenFree) {
  auto e = Emissions(3, {{0, Tag(kPer, LabelPart::kUnit), 2}, {2, Tag(kLoc, LabelPart::kUnit), 1}});
  std::vector<uint8_t> want = {Tag(kPer, LabelPart::kUnit), kOutsideLabel, Tag(kLoc, LabelPart::kUnit)};
  EXPECT_EQ(Decode(e, kFlat), want);
}

TEST(ViterbiDecoderTest, NeverStartsOrEndsInsideAName) {
  // I and L score best everywhere, but a segment cannot open with them:
  // the best allowed reading is B ... L.
  auto e = Emissions(3, {{0, Tag(kPer, LabelPart::kInside), 5},
                         {0, Tag(kPer, LabelPart::kBegin), 1},
                         {1, Tag(kPer, LabelPart::kInside), 5},
                         {2, Tag(kPer, LabelPart::kBegin), 5},
                         {2, Tag(kPer, LabelPart::kLast), 1}});
  std::vector<uint8_t> want = {Tag(kPer, LabelPart::kBegin), Tag(kPer, LabelPart::kInside),
                               Tag(kPer, LabelPart::kLast)};
  EXPECT_EQ(Decode(e, kFlat), want);
}

TEST(ViterbiDecoderTest, TransitionsTipTheBalance) {
  auto e = Emissions(2, {{0, Tag(kPer, LabelPart::kUnit), 1},
                         {1, Tag(kPer, LabelPart::kUnit), 1},
                         {0, Tag(kPer, LabelPart::kBegin), 0.9f},
                         {1, Tag(kPer, LabelPart::kLast), 0.9f}});
  std::vector<uint8_t> units = {Tag(kPer, LabelPart::kUnit), Tag(kPer, LabelPart::kUnit)};
  EXPECT_EQ(Decode(e, kFlat), units);
  std::vector<float> t = kFlat;
  t[Tag(kPer, LabelPart::kBegin) * kNumLabels + Tag(kPer, LabelPart::kLast)] = 0.5f;  // names of two tokens are common
  std::vector<uint8_t> pair = {Tag(kPer, LabelPart::kBegin), Tag(kPer, LabelPart::kLast)};
  EXPECT_EQ(Decode(e, t), pair);
}

TEST(ViterbiDecoderTest, EmptySegmentIsFine) {
  ViterbiDecoder::Decode(nullptr, 0, kFlat.data(), nullptr);
  ViterbiDecoder::Scratch scratch;
  auto e = Emissions(1, {{0, Tag(kLoc, LabelPart::kUnit), 1}});
  uint8_t tag = 0;
  ViterbiDecoder::Decode(e.data(), 1, kFlat.data(), &tag, &scratch);
  EXPECT_EQ(tag, Tag(kLoc, LabelPart::kUnit));
}

}  // namespace
}  // namespace storyfuse
