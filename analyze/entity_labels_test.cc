#include "analyze/entity_labels.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

constexpr NameKind kPer = NameKind::kPerson;
constexpr NameKind kLoc = NameKind::kPlace;
constexpr NameKind kOrg = NameKind::kOrganization;

int Tag(NameKind k, LabelPart p) { return MakeLabel(k, p); }

TEST(EntityLabelsTest, CodesRoundTrip) {
  for (int k = 0; k < kNameKinds; ++k) {
    NameKind kind = static_cast<NameKind>(k), parsed;
    ASSERT_TRUE(ParseNameKind(NameKindCode(kind), &parsed));
    EXPECT_EQ(parsed, kind);
  }
  NameKind unused;
  EXPECT_FALSE(ParseNameKind("GPE", &unused));
  EXPECT_EQ(NameKindCode(kOrg), "ORG");
}

TEST(EntityLabelsTest, LabelsDecomposeIntoKindAndPart) {
  EXPECT_EQ(kNumLabels, 17);
  for (int k = 0; k < kNameKinds; ++k) {
    for (LabelPart p : {LabelPart::kBegin, LabelPart::kInside, LabelPart::kLast, LabelPart::kUnit}) {
      int label = Tag(static_cast<NameKind>(k), p);
      EXPECT_GT(label, 0);
      EXPECT_LT(label, kNumLabels);
      EXPECT_EQ(PartOf(label), p);
      EXPECT_EQ(KindOf(label), static_cast<NameKind>(k));
    }
  }
  EXPECT_EQ(PartOf(kOutsideLabel), LabelPart::kOutside);
}

struct FollowCase {
  int prev, next;
  bool allowed;
};

TEST(EntityLabelsTest, OnlyOpenNamesContinue) {
  const FollowCase cases[] = {
      {kOutsideLabel, Tag(kPer, LabelPart::kBegin), true},
      {kOutsideLabel, Tag(kPer, LabelPart::kUnit), true},
      {kOutsideLabel, Tag(kPer, LabelPart::kInside), false},
      {kOutsideLabel, Tag(kPer, LabelPart::kLast), false},
      {Tag(kPer, LabelPart::kBegin), Tag(kPer, LabelPart::kInside), true},
      {Tag(kPer, LabelPart::kBegin), Tag(kPer, LabelPart::kLast), true},
      {Tag(kPer, LabelPart::kBegin), Tag(kLoc, LabelPart::kLast), false},
      {Tag(kPer, LabelPart::kBegin), kOutsideLabel, false},
      {Tag(kPer, LabelPart::kInside), Tag(kPer, LabelPart::kUnit), false},
      {Tag(kPer, LabelPart::kLast), Tag(kLoc, LabelPart::kBegin), true},
      {Tag(kPer, LabelPart::kUnit), kOutsideLabel, true},
      {Tag(kPer, LabelPart::kUnit), Tag(kOrg, LabelPart::kInside), false},
  };
  for (const FollowCase& c : cases) EXPECT_EQ(CanFollow(c.prev, c.next), c.allowed) << c.prev << " -> " << c.next;
}

TEST(EntityLabelsTest, RunsRoundTripThroughTags) {
  std::vector<TokenRun> runs = {{0, 1, kPer}, {2, 5, kOrg}, {5, 7, kLoc}};
  std::vector<uint8_t> tags = EncodeRuns(8, runs);
  std::vector<uint8_t> want = {
      static_cast<uint8_t>(Tag(kPer, LabelPart::kUnit)),  kOutsideLabel,
      static_cast<uint8_t>(Tag(kOrg, LabelPart::kBegin)), static_cast<uint8_t>(Tag(kOrg, LabelPart::kInside)),
      static_cast<uint8_t>(Tag(kOrg, LabelPart::kLast)),  static_cast<uint8_t>(Tag(kLoc, LabelPart::kBegin)),
      static_cast<uint8_t>(Tag(kLoc, LabelPart::kLast)),  kOutsideLabel};
  EXPECT_EQ(tags, want);
  EXPECT_EQ(DecodeRuns(tags), runs);
}

TEST(EntityLabelsTest, DecodesBrokenSequencesLeniently) {
  // I without B opens a name; a change of kind starts a new one; B alone
  // closes at its token.
  std::vector<uint8_t> tags = {static_cast<uint8_t>(Tag(kPer, LabelPart::kInside)),
                               static_cast<uint8_t>(Tag(kPer, LabelPart::kLast)),
                               static_cast<uint8_t>(Tag(kOrg, LabelPart::kInside)),
                               static_cast<uint8_t>(Tag(kLoc, LabelPart::kBegin)), kOutsideLabel};
  std::vector<TokenRun> want = {{0, 2, kPer}, {2, 3, kOrg}, {3, 4, kLoc}};
  EXPECT_EQ(DecodeRuns(tags), want);
}

}  // namespace
}  // namespace storyfuse
